// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeAuthorizationServer.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QUrl>

#include <memory>

namespace waybill::testing {

namespace {

QByteArray response(const QByteArray &status, const QByteArray &headers, const QByteArray &body)
{
    return "HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray json(const QByteArray &status, const QJsonObject &object)
{
    return response(status, "Content-Type: application/json\r\n", QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray oauthError(const QString &code, const QString &description)
{
    return json("400 Bad Request",
        QJsonObject { { QStringLiteral("error"), code }, { QStringLiteral("error_description"), description } });
}

QString value(const QUrlQuery &query, const char *key)
{
    return query.queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
}

} // namespace

FakeAuthorizationServer::FakeAuthorizationServer(QObject *parent)
    : QObject(parent)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, &FakeAuthorizationServer::accept);
}

QUrl FakeAuthorizationServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

security::OAuthProvider FakeAuthorizationServer::provider(security::OAuthProvider::Kind kind) const
{
    const QString clientId = QString::fromLatin1(ClientId);
    if (kind == security::OAuthProvider::Kind::Ebay) {
        return security::OAuthProvider::ebay(QUrl(baseUrl().toString() + QStringLiteral("/token")), clientId,
            QString::fromLatin1(ClientSecret), QString());
    }
    security::OAuthProvider provider = kind == security::OAuthProvider::Kind::Gmail
        ? security::OAuthProvider::gmail(clientId)
        : security::OAuthProvider::microsoft(clientId);
    provider.authorizationUrl = QUrl(baseUrl().toString() + QStringLiteral("/authorize"));
    provider.tokenUrl = QUrl(baseUrl().toString() + QStringLiteral("/token"));
    return provider;
}

QString FakeAuthorizationServer::grantRefreshToken()
{
    const QString token = QStringLiteral("refresh-granted-%1").arg(m_validRefreshTokens.size() + 1);
    m_validRefreshTokens.insert(token);
    return token;
}

void FakeAuthorizationServer::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0) {
                return;
            }
            const QByteArray head = buffer->left(end);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("content-length:")) {
                    length = line.mid(15).trimmed().toLongLong();
                }
            }
            if (buffer->size() < end + 4 + length) {
                return;
            }
            handle(socket, head, buffer->mid(end + 4, length));
            buffer->clear();
        });
    }
}

void FakeAuthorizationServer::handle(QTcpSocket *socket, const QByteArray &head, const QByteArray &body)
{
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    const QByteArray method = requestLine.value(0);
    const QUrl target(QString::fromLatin1(requestLine.value(1)));
    QByteArray answer;
    if (method == "GET" && target.path() == QLatin1String("/authorize")) {
        answer = authorize(QUrlQuery(target));
    } else if (method == "POST" && target.path() == QLatin1String("/token")) {
        QByteArray authorization;
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("authorization:")) {
                authorization = line.mid(14).trimmed();
            }
        }
        answer = token(QUrlQuery(QString::fromUtf8(QByteArray(body).replace('+', "%20"))), authorization);
    } else {
        answer = response("404 Not Found", {}, {});
    }
    socket->write(answer);
    socket->disconnectFromHost();
}

QByteArray FakeAuthorizationServer::authorize(const QUrlQuery &query)
{
    ++m_authorizationRequests;
    m_lastAuthorization = query;
    QUrl redirect(value(query, "redirect_uri"));
    QUrlQuery back;
    const QString state = value(query, "state");
    if (m_deny) {
        back.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
        back.addQueryItem(QStringLiteral("state"), state);
    } else if (value(query, "response_type") != QLatin1String("code")
        || value(query, "client_id") != QLatin1String(ClientId)) {
        back.addQueryItem(QStringLiteral("error"), QStringLiteral("unauthorized_client"));
        back.addQueryItem(QStringLiteral("state"), state);
    } else {
        const QString code = QStringLiteral("code-%1").arg(m_authorizationRequests);
        m_challengeOfCode.insert(code,
            value(query, "code_challenge_method") == QLatin1String("S256") ? value(query, "code_challenge")
                                                                           : QString());
        m_redirectOfCode.insert(code, redirect.toString());
        back.addQueryItem(QStringLiteral("code"), code);
        back.addQueryItem(QStringLiteral("state"), m_tamperState ? QStringLiteral("someone-elses-state") : state);
    }
    redirect.setQuery(back);
    return response("302 Found", "Location: " + redirect.toEncoded() + "\r\n", {});
}

QByteArray FakeAuthorizationServer::token(const QUrlQuery &form, const QByteArray &authorization)
{
    m_lastTokenRequest = form;
    m_lastTokenAuthorization = authorization;
    QString clientId = value(form, "client_id");
    if (authorization.startsWith("Basic ")) {
        const QByteArray keys = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = keys.indexOf(':');
        if (!clientId.isEmpty() || colon < 0 || keys.mid(colon + 1) != ClientSecret) {
            return json(
                "401 Unauthorized", QJsonObject { { QStringLiteral("error"), QStringLiteral("invalid_client") } });
        }
        clientId = QString::fromUtf8(keys.left(colon));
    }
    if (clientId != QLatin1String(ClientId)) {
        return json("401 Unauthorized", QJsonObject { { QStringLiteral("error"), QStringLiteral("invalid_client") } });
    }
    const QString grant = value(form, "grant_type");
    if (grant == QLatin1String("authorization_code")) {
        ++m_codeExchanges;
        const QString code = value(form, "code");
        if (!m_challengeOfCode.contains(code)) {
            return oauthError(QStringLiteral("invalid_grant"), QStringLiteral("unknown or used code"));
        }
        QString challenge = m_challengeOfCode.take(code);
        const QString redirect = m_redirectOfCode.take(code);
        if (m_forgeChallenge) {
            challenge = QStringLiteral("forged");
        }
        const QByteArray verifier = value(form, "code_verifier").toLatin1();
        const QString expected
            = QString::fromLatin1(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
                                      .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        if (challenge.isEmpty() || verifier.size() < 43 || expected != challenge) {
            return oauthError(QStringLiteral("invalid_grant"), QStringLiteral("PKCE verification failed"));
        }
        if (value(form, "redirect_uri") != redirect) {
            return oauthError(QStringLiteral("invalid_grant"), QStringLiteral("redirect_uri mismatch"));
        }
        ++m_verifiedExchanges;
        return issue(QString());
    }
    if (grant == QLatin1String("refresh_token")) {
        ++m_refreshRequests;
        const QString refreshToken = value(form, "refresh_token");
        if (!m_validRefreshTokens.contains(refreshToken)) {
            return oauthError(QStringLiteral("invalid_grant"), QStringLiteral("Token has been expired or revoked."));
        }
        if (m_rotate) {
            m_validRefreshTokens.remove(refreshToken);
            return issue(QString());
        }
        return issue(refreshToken);
    }
    return oauthError(QStringLiteral("unsupported_grant_type"), grant);
}

QByteArray FakeAuthorizationServer::issue(const QString &refreshToken)
{
    ++m_issued;
    m_lastAccessToken = QStringLiteral("access-%1").arg(m_issued);
    QJsonObject answer { { QStringLiteral("access_token"), m_lastAccessToken },
        { QStringLiteral("token_type"), QStringLiteral("Bearer") }, { QStringLiteral("expires_in"), m_expiresIn } };
    if (refreshToken.isEmpty()) {
        const QString fresh = QStringLiteral("refresh-%1").arg(m_issued);
        m_validRefreshTokens.insert(fresh);
        answer.insert(QStringLiteral("refresh_token"), fresh);
    }
    return json("200 OK", answer);
}

} // namespace waybill::testing
