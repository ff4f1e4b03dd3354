// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OAuthSignInController.h"

#include "security/CredentialJob.h"
#include "security/CredentialStore.h"
#include "security/OAuthSignIn.h"

#include <QDesktopServices>

namespace waybill::ui {

OAuthSignInController::OAuthSignInController(security::CredentialStore &credentials, QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
    , m_openBrowser([](const QUrl &url) { QDesktopServices::openUrl(url); })
{
}

OAuthSignInController::~OAuthSignInController()
{
    cancel();
}

void OAuthSignInController::setOpenBrowser(OpenBrowser openBrowser)
{
    m_openBrowser = std::move(openBrowser);
}

void OAuthSignInController::openBrowser(const QUrl &url) const
{
    if (m_openBrowser) {
        m_openBrowser(url);
    }
}

void OAuthSignInController::start(const security::OAuthProvider &provider, const QString &accountId)
{
    cancel();
    m_running = true;
    auto *signIn = new security::OAuthSignIn(
        provider, m_network,
        [this](const QUrl &url) {
            openBrowser(url);
            Q_EMIT waitingForBrowser(url);
        },
        this);
    m_signIn = signIn;
    connect(signIn, &security::OAuthSignIn::finished, this,
        [this, accountId, name = provider.name](
            const security::OAuthTokens &tokens) { store(accountId, tokens, name); });
    connect(signIn, &security::OAuthSignIn::failed, this, [this](const security::OAuthError &error) {
        finish();
        Q_EMIT failed(error.message);
    });
    signIn->start();
}

void OAuthSignInController::store(
    const QString &accountId, const security::OAuthTokens &tokens, const QString &providerName)
{
    Q_EMIT storing();
    security::CredentialJob *job = m_credentials.write(accountId, tokens.refreshToken, this);
    m_job = job;
    connect(job, &security::CredentialJob::succeeded, this, [this, job, accountId, tokens] {
        job->deleteLater();
        finish();
        Q_EMIT succeeded(accountId, tokens);
    });
    connect(job, &security::CredentialJob::failed, this, [this, job, providerName](const QString &message) {
        job->deleteLater();
        finish();
        Q_EMIT failed(tr("The %1 sign-in could not be kept in the system keychain: %2").arg(providerName, message));
    });
}

void OAuthSignInController::cancel()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->deleteLater();
    }
    if (m_signIn) {
        m_signIn->abort();
    }
    finish();
}

void OAuthSignInController::finish()
{
    m_running = false;
    m_job = nullptr;
    if (m_signIn) {
        // It may be inside its own signal: it goes once the event loop is back.
        m_signIn->disconnect(this);
        m_signIn->deleteLater();
        m_signIn = nullptr;
    }
}

} // namespace waybill::ui
