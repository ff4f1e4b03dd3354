// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/OAuthProvider.h"

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTcpServer>
#include <QUrlQuery>

class QTcpSocket;

namespace waybill::testing {

/// An OAuth2 authorization server on 127.0.0.1 for tests, strict where real ones are:
/// - `GET /authorize?…` records the request and answers 302 to its redirect_uri with `code` and `state`
///   (or `error=access_denied` after deny(), or a different state after tamperWithState());
/// - `POST /token` with `grant_type=authorization_code` exchanges a code once, only when
///   BASE64URL(SHA256(code_verifier)) equals the code_challenge sent with it (else `invalid_grant`), and
///   `grant_type=refresh_token` exchanges a refresh token it issued and has not revoked (else `invalid_grant`).
/// Access tokens are "access-1", "access-2", …; refresh tokens "refresh-1", … (a new one per refresh when
/// rotating). A token request with `Authorization: Basic` (eBay's way) is accepted only when it carries ClientId and
/// ClientSecret; such a client must not send them in the body as well.
class FakeAuthorizationServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeAuthorizationServer)

public:
    static constexpr const char *ClientId = "waybill-test-client";
    static constexpr const char *ClientSecret = "waybill-test-cert";

    explicit FakeAuthorizationServer(QObject *parent = nullptr);
    ~FakeAuthorizationServer() override = default;

    /// A provider of `kind` pointed at this server, with the test client id.
    security::OAuthProvider provider(
        security::OAuthProvider::Kind kind = security::OAuthProvider::Kind::Microsoft) const;
    QUrl baseUrl() const;

    void setExpiresIn(int seconds) { m_expiresIn = seconds; }
    void setRotateRefreshTokens(bool rotate) { m_rotate = rotate; }
    void deny() { m_deny = true; }
    void tamperWithState() { m_tamperState = true; }
    /// The next code exchange sees another challenge than the one the client sent (an intercepted code).
    void forgeChallenge() { m_forgeChallenge = true; }
    void revokeAll() { m_validRefreshTokens.clear(); }
    /// A refresh token this server accepts, as if an earlier sign-in had issued it.
    QString grantRefreshToken();

    QUrlQuery lastAuthorization() const { return m_lastAuthorization; }
    QUrlQuery lastTokenRequest() const { return m_lastTokenRequest; }
    /// The Authorization header of the last token request (empty when none was sent).
    QByteArray lastTokenAuthorization() const { return m_lastTokenAuthorization; }
    int authorizationRequests() const { return m_authorizationRequests; }
    int codeExchanges() const { return m_codeExchanges; }
    int verifiedExchanges() const { return m_verifiedExchanges; }
    int refreshRequests() const { return m_refreshRequests; }
    QString lastAccessToken() const { return m_lastAccessToken; }

private:
    void accept();
    void handle(QTcpSocket *socket, const QByteArray &head, const QByteArray &body);
    QByteArray authorize(const QUrlQuery &query);
    QByteArray token(const QUrlQuery &form, const QByteArray &authorization);
    QByteArray issue(const QString &refreshToken);

    QTcpServer m_server;
    int m_expiresIn = 3600;
    bool m_rotate = false;
    bool m_deny = false;
    bool m_tamperState = false;
    bool m_forgeChallenge = false;
    QHash<QString, QString> m_challengeOfCode; ///< issued codes not yet exchanged
    QHash<QString, QString> m_redirectOfCode;
    QSet<QString> m_validRefreshTokens;
    QUrlQuery m_lastAuthorization;
    QUrlQuery m_lastTokenRequest;
    QByteArray m_lastTokenAuthorization;
    QString m_lastAccessToken;
    int m_authorizationRequests = 0;
    int m_codeExchanges = 0;
    int m_verifiedExchanges = 0;
    int m_refreshRequests = 0;
    int m_issued = 0;
};

} // namespace waybill::testing
