// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OAuthError.h"
#include "OAuthProvider.h"
#include "OAuthTokens.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QJsonObject;
class QNetworkAccessManager;
class QNetworkReply;

namespace waybill::security {

class CredentialStore;

/// Access tokens for one OAuth account. The refresh token lives in the CredentialStore under the account id
/// (nowhere else); the short-lived access token only in memory. request() answers with accessTokenReady()
/// — at once (from the event loop) while the current token has more than `RefreshMarginSeconds` left,
/// otherwise after a `grant_type=refresh_token` call to the provider's token endpoint. While a token is held, a
/// timer refreshes it RefreshMarginSeconds before it expires and emits accessTokenReady() again, so whoever
/// uses it can reconnect with the new one. A revoked or expired refresh token gives failed() with
/// Kind::SignInAgain; the account must then sign in again (OAuthSignIn) and store() the new tokens. A
/// rotated refresh token (Microsoft sends a new one with each refresh) is written back to the store.
/// Lives on one thread; `store` and `network` must outlive it.
class OAuthTokenSource final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuthTokenSource)

public:
    static constexpr qint64 RefreshMarginSeconds = 5 * 60;
    using Clock = std::function<QDateTime()>;

    OAuthTokenSource(OAuthProvider provider, QString accountId, CredentialStore &store, QNetworkAccessManager &network,
        QObject *parent = nullptr);
    ~OAuthTokenSource() override;

    /// For tests: what "now" is (UTC). Automatic refreshes still use the real timer.
    void setClock(Clock clock) { m_clock = std::move(clock); }
    /// How long the token endpoint may take (default 30 s).
    void setRequestTimeoutMs(int milliseconds) { m_requestTimeout.setInterval(milliseconds); }

    /// Keeps freshly signed-in tokens: writes the refresh token to the store (stored() or failed()) and
    /// holds the access token, scheduling its refresh.
    void store(const OAuthTokens &tokens);
    /// Asks for a valid access token: accessTokenReady() or failed(), once per call (calls made while a
    /// refresh is running share its answer).
    void request();
    /// Forgets the access token, so that the next request() refreshes (e.g. the server refused it).
    void invalidate();
    QString accessToken() const { return m_tokens.accessToken; }
    QDateTime expiresAt() const { return m_tokens.expiresAt; }

Q_SIGNALS:
    void accessTokenReady(const QString &accessToken, const QDateTime &expiresAt);
    void failed(const waybill::security::OAuthError &error);
    /// store() wrote the refresh token to the keychain.
    void stored();

private:
    QDateTime now() const;
    void readRefreshToken();
    void refresh();
    void onRefreshFinished(QNetworkReply *reply);
    void accept(const QJsonObject &answer);
    void schedule();
    void writeRefreshToken(const QString &refreshToken, bool announce);
    void fail(const OAuthError &error);

    OAuthProvider m_provider;
    QString m_accountId;
    CredentialStore &m_store;
    QNetworkAccessManager &m_network;
    Clock m_clock;
    OAuthTokens m_tokens;
    QPointer<QNetworkReply> m_reply;
    QTimer m_refreshTimer;
    QTimer m_requestTimeout;
    bool m_busy = false; ///< reading the keychain or refreshing
};

} // namespace waybill::security
