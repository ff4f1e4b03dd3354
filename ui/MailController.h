// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConversationActionController.h"
#include "domain/Message.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QMainWindow;
class QNetworkAccessManager;
class QToolButton;

namespace waybill::channels {
class TransportFactory;
}
namespace waybill::security {
class CredentialStore;
}
namespace waybill::storage {
class Database;
}

namespace waybill::ui {

class DialogService;
class StoreAccountsDialog;

/// The accounts side of the main window, kept out of MainWindow: the Settings → "E-mail accounts…", Settings →
/// "Stores…" and Mail → "Quarantine (N)" entries with their dialogs, the accounts' state in the status bar and in an
/// open Stores dialog (a failing account
/// stays visible with its message), splitting a message into a new conversation, merging the current conversation
/// into another, and saving attachments. Lives on the UI thread as a child of the window; everything in its
/// Context must outlive it. Without an injected CredentialStore, TransportFactory or QNetworkAccessManager it uses
/// the system keychain, TLS sockets and a network manager of its own.
class MailController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MailController)

public:
    struct Context {
        storage::Database &database;
        DialogService &dialogs;
        ConversationActionController &actions;
        security::CredentialStore *credentials = nullptr;
        channels::TransportFactory *transports = nullptr;
        QString attachmentsDirectory;
        std::function<qint64()> now;
        /// The conversation shown, with the version the agent saw ({} when none).
        std::function<ConversationActionController::Target()> currentTarget;
        QNetworkAccessManager *network = nullptr; ///< for the stores' "Test connection"
    };

    MailController(Context context, QMainWindow *window);
    ~MailController() override;

    /// Reads the number of unresolved quarantined messages again.
    void refreshQuarantineCount();
    /// Records an account's state from the engine and shows it in the status bar.
    void showAccountStatus(const QString &accountId, const QString &state, const QString &message);

    void openAccounts();
    /// Settings → Stores: the Shopify, WooCommerce and Amazon accounts, with the states recorded so far.
    void openStores();
    void openQuarantine();
    /// Moves message `messageId` of the current conversation into a new one.
    void splitMessage(qint64 messageId);
    /// Asks for another conversation and merges the current one into it.
    void mergeCurrent();
    void saveAttachment(const domain::Attachment &attachment);

    QAction *accountsAction() const { return m_accountsAction; }
    QAction *storesAction() const { return m_storesAction; }
    QAction *quarantineAction() const { return m_quarantineAction; }
    QAction *mergeAction() const { return m_mergeAction; }
    int quarantineCount() const { return m_quarantineCount; }

Q_SIGNALS:
    /// An e-mail or store account was added, changed or removed (connect to engine::Engine::reloadAccounts).
    void accountsChanged();
    /// A split or merge created or moved conversations; `showId` is the one to show next (0: none).
    void conversationMoved(qint64 showId);

private:
    void updateAccountLabel();

    Context m_context;
    QMainWindow *m_window;
    std::unique_ptr<security::CredentialStore> m_ownCredentials;
    std::unique_ptr<channels::TransportFactory> m_ownTransports;
    QAction *m_accountsAction;
    QAction *m_storesAction;
    QAction *m_quarantineAction;
    QAction *m_mergeAction;
    QToolButton *m_quarantineButton;
    QLabel *m_accountLabel;
    int m_quarantineCount = 0;
    struct AccountState {
        QString state;
        QString message;
    };
    QHash<QString, AccountState> m_accounts;
    QPointer<StoreAccountsDialog> m_storesDialog; ///< while it is open
};

} // namespace waybill::ui
