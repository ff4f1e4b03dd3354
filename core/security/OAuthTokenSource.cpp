// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OAuthTokenSource.h"

#include "CredentialJob.h"
#include "CredentialStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

#include <algorithm>

namespace waybill::security {

namespace {

constexpr int DefaultRequestTimeoutMs = 30 * 1000;
constexpr int RetryAfterFailureMs = 60 * 1000;

} // namespace

OAuthTokenSource::OAuthTokenSource(
    OAuthProvider provider, QString accountId, CredentialStore &store, QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_provider(std::move(provider))
    , m_accountId(std::move(accountId))
    , m_store(store)
    , m_network(network)
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (!m_busy) {
            m_busy = true;
            m_tokens.refreshToken.isEmpty() ? readRefreshToken() : refresh();
        }
    });
    m_requestTimeout.setSingleShot(true);
    m_requestTimeout.setInterval(DefaultRequestTimeoutMs);
    connect(&m_requestTimeout, &QTimer::timeout, this, [this] {
        if (m_reply) {
            QNetworkReply *reply = m_reply;
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
        fail({ OAuthError::Kind::Timeout,
            QStringLiteral("%1's token service did not answer in time.").arg(m_provider.name) });
    });
}

OAuthTokenSource::~OAuthTokenSource()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QDateTime OAuthTokenSource::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

void OAuthTokenSource::store(const OAuthTokens &tokens)
{
    m_tokens = tokens;
    schedule();
    writeRefreshToken(tokens.refreshToken, true);
}

void OAuthTokenSource::request()
{
    if (m_tokens.isFresh(now(), RefreshMarginSeconds)) {
        QMetaObject::invokeMethod(
            this, [this, tokens = m_tokens] { Q_EMIT accessTokenReady(tokens.accessToken, tokens.expiresAt); },
            Qt::QueuedConnection);
        return;
    }
    if (m_busy) {
        return; // the running refresh answers
    }
    m_busy = true;
    m_tokens.refreshToken.isEmpty() ? readRefreshToken() : refresh();
}

void OAuthTokenSource::invalidate()
{
    m_tokens.accessToken.clear();
    m_tokens.expiresAt = {};
}

void OAuthTokenSource::readRefreshToken()
{
    CredentialJob *job = m_store.read(m_accountId, this);
    connect(job, &CredentialJob::succeeded, this, [this, job](const QString &secret) {
        job->deleteLater();
        if (secret.isEmpty()) {
            fail({ OAuthError::Kind::SignInAgain,
                QStringLiteral("This account is not signed in to %1 yet: sign in again.").arg(m_provider.name) });
            return;
        }
        m_tokens.refreshToken = secret;
        refresh();
    });
    connect(job, &CredentialJob::failed, this, [this, job](const QString &message) {
        job->deleteLater();
        fail({ OAuthError::Kind::Keychain, message });
    });
}

void OAuthTokenSource::refresh()
{
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
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(
        QStringLiteral("refresh_token"), QString::fromLatin1(QUrl::toPercentEncoding(m_tokens.refreshToken)));
    QNetworkRequest request(m_provider.tokenUrl);
    if (m_provider.kind == OAuthProvider::Kind::Ebay) {
        // eBay takes the application's keys as HTTP Basic auth, never in the body, and wants the scopes again.
        form.addQueryItem(QStringLiteral("scope"), QString::fromLatin1(QUrl::toPercentEncoding(m_provider.scopes)));
        const QByteArray keys = (m_provider.clientId + u':' + m_provider.clientSecret).toUtf8();
        request.setRawHeader("Authorization", "Basic " + keys.toBase64());
    } else {
        form.addQueryItem(
            QStringLiteral("client_id"), QString::fromLatin1(QUrl::toPercentEncoding(m_provider.clientId)));
        if (!m_provider.clientSecret.isEmpty()) {
            form.addQueryItem(
                QStringLiteral("client_secret"), QString::fromLatin1(QUrl::toPercentEncoding(m_provider.clientSecret)));
        }
    }
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = m_network.post(request, form.toString(QUrl::FullyEncoded).toUtf8());
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onRefreshFinished(reply); });
    m_requestTimeout.start();
}

void OAuthTokenSource::onRefreshFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    m_reply = nullptr;
    m_requestTimeout.stop();
    const QByteArray body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0 && reply->error() != QNetworkReply::NoError) {
        fail({ OAuthError::Kind::Network,
            QStringLiteral("%1's token service could not be reached: %2").arg(m_provider.name, reply->errorString()) });
        return;
    }
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    if (status >= 400 || answer.contains(QLatin1String("error"))) {
        fail(OAuthError::fromTokenReply(status, body, m_provider.name));
        return;
    }
    accept(answer);
}

void OAuthTokenSource::accept(const QJsonObject &answer)
{
    const QString accessToken = answer.value(QLatin1String("access_token")).toString();
    if (accessToken.isEmpty()) {
        fail({ OAuthError::Kind::Server,
            QStringLiteral("%1's token service answered without an access token.").arg(m_provider.name) });
        return;
    }
    m_tokens.accessToken = accessToken;
    const qint64 expiresIn = answer.value(QLatin1String("expires_in")).toVariant().toLongLong();
    m_tokens.expiresAt = expiresIn > 0 ? now().addSecs(expiresIn) : QDateTime();
    const QString rotated = answer.value(QLatin1String("refresh_token")).toString();
    if (!rotated.isEmpty() && rotated != m_tokens.refreshToken) {
        m_tokens.refreshToken = rotated;
        writeRefreshToken(rotated, false);
    }
    m_busy = false;
    schedule();
    Q_EMIT accessTokenReady(m_tokens.accessToken, m_tokens.expiresAt);
}

void OAuthTokenSource::schedule()
{
    m_refreshTimer.stop();
    if (m_tokens.accessToken.isEmpty() || !m_tokens.expiresAt.isValid()) {
        return;
    }
    const qint64 remaining = now().secsTo(m_tokens.expiresAt);
    qint64 delay = remaining - RefreshMarginSeconds;
    if (delay <= 0) {
        delay = std::max<qint64>(1, remaining / 2); // a short-lived token: refresh half-way, never in a loop
    }
    m_refreshTimer.start(static_cast<int>(std::min<qint64>(delay, 24 * 3600) * 1000));
}

void OAuthTokenSource::writeRefreshToken(const QString &refreshToken, bool announce)
{
    CredentialJob *job = m_store.write(m_accountId, refreshToken, this);
    connect(job, &CredentialJob::succeeded, this, [this, job, announce] {
        job->deleteLater();
        if (announce) {
            Q_EMIT stored();
        }
    });
    connect(job, &CredentialJob::failed, this, [this, job](const QString &message) {
        job->deleteLater();
        fail({ OAuthError::Kind::Keychain,
            QStringLiteral("The %1 sign-in could not be saved in the keychain: %2").arg(m_provider.name, message) });
    });
}

void OAuthTokenSource::fail(const OAuthError &error)
{
    m_busy = false;
    if (error.kind == OAuthError::Kind::SignInAgain) {
        m_tokens = {};
        m_refreshTimer.stop();
    } else if (!m_tokens.refreshToken.isEmpty()
        && (error.kind == OAuthError::Kind::Network || error.kind == OAuthError::Kind::Timeout
            || error.kind == OAuthError::Kind::Server)) {
        m_refreshTimer.start(RetryAfterFailureMs);
    }
    Q_EMIT failed(error);
}

} // namespace waybill::security
