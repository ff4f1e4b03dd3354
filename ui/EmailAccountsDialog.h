// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/EmailAccount.h"

#include <QDialog>
#include <QPointer>

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

/// Settings → E-mail accounts: lists the accounts and edits one at a time. A provider preset fills the servers
/// and says what to do first (an app password; sign-in with Google or Microsoft is not available yet, which the
/// dialog says plainly). The password goes to the CredentialStore only, never to settings or the database; left
/// empty while editing, the stored one is kept. "Test connection" signs in over IMAP and SMTP (ConnectionTester)
/// and shows what went wrong inline. Saving writes the account through storage::AccountRepository on the UI
/// connection once the keychain has the password, then emits accountsChanged() (the engine reloads its accounts).
/// Everything it is given must outlive it; keychain jobs are children of the dialog and die with it.
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

    explicit EmailAccountsDialog(Context context, QWidget *parent = nullptr);
    ~EmailAccountsDialog() override;

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
    void testConnection();
    void runTest(const domain::EmailAccount &account, const QString &secret);
    void save();
    void writeAccount(const domain::EmailAccount &account);
    void removeAccount();
    void setBusy(bool busy);
    void showResult(const QString &html);
    bool validate(const domain::EmailAccount &account, QString *problem) const;

    std::unique_ptr<Ui::EmailAccountsDialog> m_ui;
    Context m_context;
    ConnectionTester *m_tester;
    QPointer<security::CredentialJob> m_job;
    QString m_editingId; ///< empty for a new account
    QString m_imapResult;
    QString m_smtpResult;
};

} // namespace waybill::ui
