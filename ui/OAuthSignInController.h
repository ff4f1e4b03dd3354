// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/OAuthProvider.h"
#include "security/OAuthTokens.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

namespace waybill::security {
class CredentialJob;
class CredentialStore;
class OAuthSignIn;
} // namespace waybill::security

namespace waybill::ui {

/// "Sign in with Google/Microsoft" for the accounts dialog: one security::OAuthSignIn in the person's browser at a
/// time, then its refresh token written to the CredentialStore under the account id, which is where the engine's
/// OAuthTokenSource reads it (never settings or the database). start() returns at once; waitingForBrowser() follows
/// when the browser has been asked to open, storing() once the browser came back with tokens, and then exactly one
/// of succeeded() or failed() (with a sentence for people). cancel() ends a running sign-in without a signal and
/// nothing is stored. Lives on the UI thread; the store must outlive it; the sign-in and the keychain job are its
/// children.
class OAuthSignInController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuthSignInController)

public:
    using OpenBrowser = std::function<void(const QUrl &)>;

    explicit OAuthSignInController(security::CredentialStore &credentials, QObject *parent = nullptr);
    ~OAuthSignInController() override;

    /// How the authorization page is opened: QDesktopServices::openUrl unless replaced (tests play the browser).
    void setOpenBrowser(OpenBrowser openBrowser);
    /// Opens `url` the way sign-ins do (e.g. "open the page again").
    void openBrowser(const QUrl &url) const;

    /// Signs `accountId` in with `provider`; a running sign-in is cancelled first.
    void start(const security::OAuthProvider &provider, const QString &accountId);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void waitingForBrowser(const QUrl &authorizationUrl);
    void storing();
    void succeeded(const QString &accountId, const waybill::security::OAuthTokens &tokens);
    void failed(const QString &message);

private:
    void store(const QString &accountId, const security::OAuthTokens &tokens, const QString &providerName);
    void finish();

    security::CredentialStore &m_credentials;
    QNetworkAccessManager m_network;
    OpenBrowser m_openBrowser;
    QPointer<security::OAuthSignIn> m_signIn;
    QPointer<security::CredentialJob> m_job;
    bool m_running = false;
};

} // namespace waybill::ui
