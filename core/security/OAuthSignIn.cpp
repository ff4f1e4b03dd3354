// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OAuthSignIn.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QRandomGenerator>
#include <QtGlobal>

#include <array>

namespace waybill::security {

namespace {

constexpr int DefaultTimeoutMs = 5 * 60 * 1000;
const QString CodeChallengeKey = QStringLiteral("code_challenge");
const QString CodeChallengeMethodKey = QStringLiteral("code_challenge_method");
const QString CodeVerifierKey = QStringLiteral("code_verifier");

QString decoded(const QVariant &value)
{
    QByteArray bytes = value.toString().toUtf8();
    return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes.replace('+', ' ')));
}

} // namespace

OAuthSignIn::OAuthSignIn(
    OAuthProvider provider, QNetworkAccessManager &network, OpenBrowser openBrowser, QObject *parent)
    : QObject(parent)
    , m_provider(std::move(provider))
    , m_network(network)
    , m_openBrowser(std::move(openBrowser))
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(DefaultTimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail({ OAuthError::Kind::Timeout,
            m_exchanging ? QStringLiteral("%1's token service did not answer in time.").arg(m_provider.name)
                         : QStringLiteral("The sign-in with %1 was not finished in time.").arg(m_provider.name) });
    });
}

OAuthSignIn::~OAuthSignIn()
{
    abort();
}

QByteArray OAuthSignIn::createCodeVerifier()
{
    std::array<quint32, 8> random {};
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    return QByteArray(reinterpret_cast<const char *>(random.data()), sizeof(random))
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray OAuthSignIn::codeChallenge(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

void OAuthSignIn::start()
{
    if (m_flow || m_done) {
        return;
    }
    if (!m_provider.isConfigured()) {
        fail({ OAuthError::Kind::NotConfigured,
            QStringLiteral("No OAuth client id is set for %1: set it in the settings or in %2.")
                .arg(m_provider.name, m_provider.clientIdVariable()) });
        return;
    }
    if (const QString problem = m_provider.endpointProblem(); !problem.isEmpty()) {
        fail({ OAuthError::Kind::NotConfigured, problem });
        return;
    }
    m_handler = std::make_unique<QOAuthHttpServerReplyHandler>(QHostAddress(QHostAddress::LocalHost), 0);
    if (!m_handler->isListening()) {
        fail({ OAuthError::Kind::Network, QStringLiteral("Waybill could not listen on 127.0.0.1 for the sign-in.") });
        return;
    }
    m_handler->setCallbackText(QStringLiteral("Waybill received the answer. You can close this page."));
    m_redirectUri = QUrl(m_handler->callback());

    m_flow = std::make_unique<QOAuth2AuthorizationCodeFlow>(&m_network);
    m_flow->setAuthorizationUrl(m_provider.authorizationUrl);
    m_flow->setAccessTokenUrl(m_provider.tokenUrl);
    m_flow->setClientIdentifier(m_provider.clientId);
    if (!m_provider.clientSecret.isEmpty()) {
        m_flow->setClientIdentifierSharedKey(m_provider.clientSecret);
    }
    m_flow->setScope(m_provider.scopes);
    m_flow->setReplyHandler(m_handler.get());
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    // Newer Qt has PKCE of its own; ours works on 6.4 too, so theirs stays off to avoid two verifiers.
    m_flow->setPkceMethod(QOAuth2AuthorizationCodeFlow::PkceMethod::None);
#endif
    m_verifier = createCodeVerifier();
    m_flow->setModifyParametersFunction(
        [verifier = m_verifier](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *parameters) {
            if (stage == QAbstractOAuth::Stage::RequestingAuthorization) {
                parameters->remove(CodeChallengeKey);
                parameters->remove(CodeChallengeMethodKey);
                parameters->insert(CodeChallengeKey, codeChallenge(verifier));
                parameters->insert(CodeChallengeMethodKey, QStringLiteral("S256"));
            } else if (stage == QAbstractOAuth::Stage::RequestingAccessToken) {
                parameters->remove(CodeVerifierKey);
                parameters->insert(CodeVerifierKey, verifier);
            }
        });
    // Connected before grant(), so it sees the browser's answer before the flow does.
    connect(m_handler.get(), &QAbstractOAuthReplyHandler::callbackReceived, this, &OAuthSignIn::onCallback);
    connect(&m_network, &QNetworkAccessManager::finished, this, &OAuthSignIn::onReplyFinished);
    connect(m_flow.get(), &QAbstractOAuth::granted, this, &OAuthSignIn::onGranted);
    connect(m_flow.get(), &QAbstractOAuth2::error, this,
        [this](const QString &error, const QString &description, const QUrl &) {
            fail(OAuthError::fromCode(error, description, m_provider.name));
        });
    connect(m_flow.get(), &QAbstractOAuth::authorizeWithBrowser, this, [this](const QUrl &url) {
        if (m_openBrowser) {
            m_openBrowser(url);
        }
    });
    m_timeout.start();
    m_flow->grant();
}

void OAuthSignIn::onCallback(const QVariantMap &values)
{
    if (m_done || m_exchanging) {
        return;
    }
    const QString error = values.value(QStringLiteral("error")).toString();
    if (!error.isEmpty()) {
        fail(OAuthError::fromCode(
            decoded(error), decoded(values.value(QStringLiteral("error_description"))), m_provider.name));
        return;
    }
    if (decoded(values.value(QStringLiteral("state"))) != decoded(m_flow->state())) {
        fail({ OAuthError::Kind::StateMismatch,
            QStringLiteral("The browser returned an answer that does not belong to this sign-in; it was refused. "
                           "Please sign in again.") });
        return;
    }
    if (values.value(QStringLiteral("code")).toString().isEmpty()) {
        fail({ OAuthError::Kind::Server, QStringLiteral("%1 returned no authorization code.").arg(m_provider.name) });
        return;
    }
    m_exchanging = true; // the flow now posts the code (with our code_verifier) to the token endpoint
}

void OAuthSignIn::onReplyFinished(QNetworkReply *reply)
{
    // Emitted before the flow's own handler reads the body, so peek() sees all of it.
    if (m_done || !m_exchanging || reply->url().adjusted(QUrl::RemoveQuery) != m_provider.tokenUrl) {
        return;
    }
    const QByteArray body = reply->peek(reply->bytesAvailable());
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0 && reply->error() != QNetworkReply::NoError) {
        fail({ OAuthError::Kind::Network,
            QStringLiteral("%1's token service could not be reached: %2").arg(m_provider.name, reply->errorString()) });
    } else if (status >= 400 || body.contains("\"error\"")) {
        fail(OAuthError::fromTokenReply(status, body, m_provider.name));
    }
}

void OAuthSignIn::onGranted()
{
    if (m_done) {
        return;
    }
    OAuthTokens tokens { m_flow->token(), m_flow->expirationAt().toUTC(), m_flow->refreshToken() };
    if (tokens.refreshToken.isEmpty()) {
        fail({ OAuthError::Kind::Server,
            QStringLiteral("%1 granted access without a refresh token, so Waybill could not stay signed in.")
                .arg(m_provider.name) });
        return;
    }
    finish();
    QMetaObject::invokeMethod(
        this, [this, tokens] { Q_EMIT finished(tokens); }, Qt::QueuedConnection);
}

void OAuthSignIn::fail(OAuthError error)
{
    if (m_done) {
        return;
    }
    finish();
    QMetaObject::invokeMethod(
        this, [this, error] { Q_EMIT failed(error); }, Qt::QueuedConnection);
}

void OAuthSignIn::finish()
{
    m_done = true;
    m_timeout.stop();
    disconnect(&m_network, &QNetworkAccessManager::finished, this, &OAuthSignIn::onReplyFinished);
    // The handler may be inside its own signal: stop listening once the event loop is back.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_handler) {
                m_handler->close();
            }
        },
        Qt::QueuedConnection);
}

void OAuthSignIn::abort()
{
    if (!m_done) {
        m_done = true;
        m_timeout.stop();
    }
    if (m_flow) {
        m_flow->disconnect(this);
    }
    if (m_handler) {
        m_handler->disconnect(this);
        m_handler->close();
    }
}

} // namespace waybill::security
