// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StoreAccountDraft.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

#include <functional>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QNetworkAccessManager;
class QPushButton;

namespace waybill::security {
class CredentialJob;
class CredentialStore;
} // namespace waybill::security
namespace waybill::storage {
class Database;
}

namespace waybill::ui {

class DialogService;
class StoreAccountForm;
class StoreConnectionTester;

/// Settings → Stores, tracking and SMS: the Shopify, WooCommerce and Amazon accounts whose orders the engine syncs,
/// the tracking provider accounts (EasyPost, AfterShip, Shippo) it asks about moving shipments, and the Twilio SMS
/// numbers whose texts it receives and sends. Lists them with the
/// last sync state the engine reported (setAccountStatus()), and adds, edits and removes one at a time with
/// StoreAccountForm. Secrets go to the CredentialStore only, before the account is written through
/// storage::AccountRepository on the UI connection; removing an account forgets its secrets too. "Test connection"
/// asks the service for real (StoreConnectionTester) with the typed secrets, or the stored ones when editing with the
/// fields left empty, and shows what went wrong inline. accountsChanged() follows every change (the engine reloads its
/// accounts). Everything in the Context must outlive the dialog; keychain jobs and the tester are its children and die
/// with it.
class StoreAccountsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreAccountsDialog)

public:
    struct Context {
        const storage::Database &database;
        security::CredentialStore &credentials;
        QNetworkAccessManager &network;
        DialogService &dialogs;
        std::function<qint64()> now; ///< epoch seconds
    };

    explicit StoreAccountsDialog(Context context, QWidget *parent = nullptr);
    ~StoreAccountsDialog() override;

    /// Records the engine's latest state for `accountId` ("connecting", "syncing", "connected", "failed") with its
    /// message, and shows it in the list and under the form.
    void setAccountStatus(const QString &accountId, const QString &state, const QString &message);
    /// Starts editing a new account (what "Add account" does).
    void startNewAccount();
    StoreConnectionTester *tester() const { return m_tester; }

Q_SIGNALS:
    /// A store account was added, changed or removed.
    void accountsChanged();

private:
    struct Status {
        QString state;
        QString message;
    };

    void reloadList(const QString &selectId);
    void showSelected();
    QString statusText(const QString &accountId) const;
    /// Whether the account is a store (its status is about order sync) rather than tracking, SMS or chat.
    bool isStore(const QString &accountId) const;
    /// Sets the item's text (kind, name, last sync) and its status icon.
    void decorate(QListWidgetItem *item) const;
    void showStatus();
    void testConnection();
    void runTest(const StoreAccountDraft &draft, const QHash<QString, QString> &secrets);
    void save();
    void writeSecrets(const StoreAccountDraft &draft, int index);
    void writeAccount(const StoreAccountDraft &draft);
    void removeAccount();
    /// Reads `keys` from the keychain one after another, then calls `then` with key → secret.
    void readSecrets(const QStringList &keys, QHash<QString, QString> read,
        std::function<void(const QHash<QString, QString> &)> then);
    void setBusy(bool busy);
    void showResult(const QString &html);

    Context m_context;
    StoreAccountForm *m_form;
    StoreConnectionTester *m_tester;
    QListWidget *m_list;
    QPushButton *m_removeButton;
    QPushButton *m_testButton;
    QPushButton *m_saveButton;
    QLabel *m_statusLabel;
    QLabel *m_resultLabel;
    QLabel *m_emptyLabel;
    QHash<QString, Status> m_statuses;
    QHash<QString, StoreAccountDraft> m_accounts; ///< as stored, by id
    QPointer<security::CredentialJob> m_job;
};

} // namespace waybill::ui
