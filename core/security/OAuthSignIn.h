// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OAuthError.h"
#include "OAuthProvider.h"
#include "OAuthTokens.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QOAuth2AuthorizationCodeFlow;
class QOAuthHttpServerReplyHandler;

namespace waybill::security {

/// One OAuth2 sign-in in the person's browser: the authorization-code flow with PKCE (S256) and a loopback
/// redirect (http://127.0.0.1:RANDOM/). start() listens, builds the authorization URL (client id, scopes,
/// state, code_challenge) and hands it to `openBrowser` (the UI opens it; core has no widgets). When the
/// browser comes back the state is checked, the code is exchanged (with the code_verifier) at the token
/// endpoint, and exactly one of finished() or failed() is emitted, always from the event loop (never from
/// inside start()), after which the object is done. abort() ends it without a signal. Lives on one thread.
class OAuthSignIn final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuthSignIn)

public:
    using OpenBrowser = std::function<void(const QUrl &)>;

    /// `network` must outlive this object.
    OAuthSignIn(
        OAuthProvider provider, QNetworkAccessManager &network, OpenBrowser openBrowser, QObject *parent = nullptr);
    ~OAuthSignIn() override;

    /// How long the person has to finish in the browser (default 5 minutes).
    void setTimeoutMs(int milliseconds) { m_timeout.setInterval(milliseconds); }

    void start();
    void abort();
    bool isFinished() const { return m_done; }
    /// Where the browser is sent back to; valid after start().
    QUrl redirectUri() const { return m_redirectUri; }

    /// RFC 7636: a fresh random code_verifier (43 characters of base64url) and its S256 challenge.
    static QByteArray createCodeVerifier();
    static QByteArray codeChallenge(const QByteArray &verifier);

Q_SIGNALS:
    void finished(const waybill::security::OAuthTokens &tokens);
    void failed(const waybill::security::OAuthError &error);

private:
    void onCallback(const QVariantMap &values);
    void onReplyFinished(QNetworkReply *reply);
    void onGranted();
    void fail(OAuthError error);
    void finish();

    OAuthProvider m_provider;
    QNetworkAccessManager &m_network;
    OpenBrowser m_openBrowser;
    std::unique_ptr<QOAuth2AuthorizationCodeFlow> m_flow;
    std::unique_ptr<QOAuthHttpServerReplyHandler> m_handler;
    QByteArray m_verifier;
    QUrl m_redirectUri;
    QTimer m_timeout;
    bool m_exchanging = false; ///< the browser came back; the code is at the token endpoint
    bool m_done = false;
};

} // namespace waybill::security
