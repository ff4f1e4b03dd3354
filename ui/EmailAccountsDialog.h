// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/EmailAccount.h"
#include "security/OAuthProvider.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

namespace Ui {
class EmailAccountsDialog;
}
namespace waybill::channels {
class TransportFactory;
}
namespace waybill::security {
class CredentialJob;
class CredentialStore;
} // namespace waybill::security
namespace waybill::storage {
class Database;
}

namespace waybill::ui {

class ConnectionTester;
class DialogService;
class OAuthSignInController;

/// Settings → E-mail accounts: lists the accounts and edits one at a time. A provider preset fills the servers
/// and says what to do first. Gmail and Microsoft 365 accounts choose between "Sign in with Google/Microsoft" in the
/// browser (OAuthSignInController: on success the refresh token goes to the CredentialStore and the account is
/// saved with the OAuth sign-in) and an app password. Passwords and tokens go to the CredentialStore only, never to
/// settings or the database; a password left empty while editing keeps the stored one. "Test connection" signs
/// in over IMAP and SMTP (ConnectionTester) and shows what went wrong inline. Saving writes the account through
/// storage::AccountRepository on the UI connection once the keychain has the secret, then emits accountsChanged()
/// (the engine reloads its accounts). Everything it is given must outlive it; keychain jobs and the sign-in are
/// children of the dialog and die with it.
class EmailAccountsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmailAccountsDialog)

public:
    struct Context {
        const storage::Database &database;
        security::CredentialStore &credentials;
        channels::TransportFactory &transports;
        DialogService &dialogs;
        std::function<qint64()> now; ///< epoch seconds
    };

    using OpenBrowser = std::function<void(const QUrl &)>;
    using OAuthProviders = std::function<security::OAuthProvider(domain::EmailAccount::Auth)>;

    explicit EmailAccountsDialog(Context context, QWidget *parent = nullptr);
    ~EmailAccountsDialog() override;

    /// How sign-in pages are opened (QDesktopServices::openUrl unless replaced; tests play the browser).
    void setOpenBrowser(OpenBrowser openBrowser);
    /// Where each OAuth sign-in goes (security::OAuthProvider::forAuth unless replaced: the client ids and
    /// endpoints from the environment).
    void setOAuthProviders(OAuthProviders providers);

    /// Starts editing a new account (what "Add account" does).
    void startNewAccount();
    /// The account as the form describes it (id kept while editing an existing one).
    domain::EmailAccount accountFromForm() const;

Q_SIGNALS:
    /// An account was added, changed or removed.
    void accountsChanged();
    /// The account was saved (after the keychain write); `accountId` names it.
    void accountSaved(const QString &accountId);

private:
    void reloadList(const QString &selectId);
    void showAccount(const domain::EmailAccount &account);
    void applyPreset(int index);
    void presetNote(const QString &key);
    /// The OAuth sign-in the form offers (the preset's, or the edited account's), Password when none.
    domain::EmailAccount::Auth offeredOAuth() const;
    bool isOAuthMode() const;
    void updateSignInMode();
    void signIn();
    void cancelSignIn();
    void showSignInStatus(const QString &html);
    void testConnection();
    void runTest(const domain::EmailAccount &account, const QString &secret);
    void save();
    bool writeAccount(const domain::EmailAccount &account);
    void removeAccount();
    void setBusy(bool busy);
    void showResult(const QString &html);
    bool validate(const domain::EmailAccount &account, QString *problem) const;

    std::unique_ptr<Ui::EmailAccountsDialog> m_ui;
    Context m_context;
    ConnectionTester *m_tester;
    OAuthSignInController *m_signIn;
    OAuthProviders m_oauthProviders;
    domain::EmailAccount m_signingIn; ///< the account a running sign-in saves
    QString m_accessTokenAccount; ///< whose access token this dialog holds (from its last sign-in) …
    QString m_accessToken; ///< … in memory only, for "Test connection"
    QPointer<security::CredentialJob> m_job;
    QString m_editingId; ///< empty for a new account
    domain::EmailAccount::Auth m_editingAuth = domain::EmailAccount::Auth::Password; ///< as stored
    QString m_imapResult;
    QString m_smtpResult;
};

} // namespace waybill::ui
