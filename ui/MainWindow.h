// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ComposerWidget.h"
#include "ConversationActionController.h"
#include "domain/SlaPolicy.h"
#include "engine/SlaClock.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

class QListView;
class QSplitter;

namespace waybill::channels {
class TransportFactory;
}
namespace waybill::engine {
class ConversationActions;
}
namespace waybill::models {
class ConversationListModel;
class LateShipmentListModel;
class ViewListModel;
} // namespace waybill::models
namespace waybill::security {
class CredentialStore;
}
namespace waybill::settings {
class Settings;
}
namespace waybill::storage {
class Database;
}

namespace waybill::ui {

class AmazonMessageController;
class ConversationWidget;
class OrderActionController;
class InboxListWidget;
class DialogService;
class LateShipmentLoader;
class LateShipmentsWidget;
class MailController;
class OrderImportDialog;
class OrderPanelWidget;

/// The agent's window: views with live counts, the conversation list of the chosen view or search, and the
/// conversation (header, thread, composer) beside the customer's order. Reads through the UI thread's own
/// database connection, in pages; writes through engine::ConversationActions. Window geometry, splitters, the
/// last view and the sort order are kept in the Settings it is given. A timer wakes snoozed conversations and
/// refreshes counts and countdowns every RefreshIntervalMs. The sidebar's "Late shipments" row shows the
/// supervisors' table instead of the list and conversation; it is read off the UI thread (LateShipmentLoader)
/// whenever counts refresh. Everything it is given must outlive it.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    static constexpr int RefreshIntervalMs = 30'000;

    /// What the window works with; all references must outlive the window.
    struct Context {
        storage::Database &database; ///< the UI thread's connection ("ui")
        settings::Settings &settings;
        DialogService &dialogs;
        qint64 agentId = 0; ///< who "me" is
        std::function<qint64()> now; ///< epoch seconds
        domain::SlaPolicy policy;
        security::CredentialStore *credentials = nullptr; ///< the system keychain when null
        channels::TransportFactory *transports = nullptr; ///< for "Test connection"; TLS sockets when null
        QString attachmentsDirectory = {}; ///< empty: "attachments" next to the database file
    };

    explicit MainWindow(Context context, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Selects the first conversation of the list as soon as it is loaded.
    void selectFirstConversation();
    /// Wakes snoozed conversations whose time has come, reads the counts again and moves the countdowns.
    void refreshPeriodic();

    models::ViewListModel *viewModel() const { return m_viewModel; }
    models::ConversationListModel *listModel() const { return m_listModel; }
    models::LateShipmentListModel *lateShipmentModel() const { return m_lateModel; }
    MailController *mail() const { return m_mail; }

Q_SIGNALS:
    /// An e-mail account was added, changed or removed in the accounts dialog (for engine::Engine::reloadAccounts).
    void emailAccountsChanged();
    /// An agent queued a reply (for engine::Engine::pokeOutbox, so that it leaves at once).
    void replyQueued(qint64 messageId);
    /// An agent opened an unread conversation (for engine::Engine::markSeen, so the mailbox shows it read too).
    void conversationRead(qint64 conversationId);
    /// The agent said whether they answer live chats now (File menu; for engine::Engine::setAgentsOnline).
    void chatAvailabilityChanged(bool available);
    /// The agent started or stopped writing a live chat reply (for engine::Engine::setAgentTyping).
    void agentTyping(qint64 conversationId, bool typing);
    /// A proactive rule was added, changed, switched or deleted (for engine::Engine::runRules).
    void rulesChanged();
    /// The agent asked for news about a shipment (for engine::Engine::refreshShipment).
    void shipmentRefreshRequested(qint64 shipmentId);
    /// The agent confirmed a refund, cancellation or resend (for engine::Engine::requestOrderAction).
    void orderActionRequested(
        qint64 orderId, qint64 conversationId, qint64 agentId, int kind, qint64 amountCents, const QString &note);
    /// The agent is writing through Amazon (for engine::Engine::listAmazonMessageTypes).
    void amazonMessageTypesRequested(qint64 conversationId);

public Q_SLOTS:
    /// Conversations changed outside this window (new mail, a reply sent or failed): loaded rows are read again,
    /// new conversations appear at the top of the view they belong to, counts move, and the open thread reloads
    /// if it is among them.
    void refreshConversations(const QList<qint64> &ids);
    /// An e-mail account's state from the engine ("connected", "syncing", "retrying", "failed") for the status bar.
    void showAccountStatus(const QString &accountId, const QString &state, const QString &message);
    /// The engine's answer to a tracking refresh (engine::Engine::shipmentRefreshEnded), in the status bar.
    void showShipmentRefreshResult(qint64 shipmentId, bool changed, const QString &message);
    /// The engine's answer to an order action (engine::Engine::orderActionEnded).
    void showOrderActionResult(qint64 actionId, qint64 conversationId, int state, const QString &message);
    /// The engine's answer about the message types Amazon allows (engine::Engine::amazonMessageTypesListed), for the
    /// "Message through Amazon" dialog.
    void showAmazonMessageTypes(qint64 conversationId, const QStringList &types, const QString &problem);
    /// A live chat visitor started or stopped typing (engine::Engine::visitorTyping): shown under the composer when
    /// their conversation is open.
    void showVisitorTyping(qint64 conversationId, bool typing);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildShortcuts();
    void restoreLayout();
    void saveLayout();

    void showView(int row);
    void applySearch(const QString &text);
    void updateListTitle();
    void loadCurrentConversation();
    void reloadDetail(qint64 conversationId);
    void onConversationsChanged(const QList<qint64> &ids, ConversationActionController::Effect effect);
    void refreshCounts();
    QList<ConversationActionController::Target> selectedTargets() const;
    ConversationActionController::Target currentTarget() const;
    void moveCurrent(int delta);

    void setStatusOfSelection(domain::ConversationStatus status);
    void snoozeSelection();
    void addTagToSelection();
    void linkOrder();
    void unlinkOrder();
    /// File → "Import orders…": the order import dialog (one at a time).
    void importOrders();
    /// The proactive rules settings page (RulesDialog), modal.
    void editRules();
    void submitComposer(ComposerWidget::Mode mode, const QString &text);
    void showError(const QString &title, const QString &message);
    void showConversationById(qint64 id);
    /// Shows the late-shipments table in place of the list and conversation, or the other way round.
    void showLateShipments(bool show);
    /// A row of the late-shipments table was activated: opens the order's conversation, else offers the
    /// customer's most recent one, else says that there is none.
    void openLateShipment(int row);
    /// Opens conversation `id` in the "All open" view's place of the window (the normal conversation view).
    void openConversationFromLateShipments(qint64 id);

    storage::Database &m_database;
    settings::Settings &m_settings;
    DialogService &m_dialogs;
    qint64 m_agentId;
    QString m_agentName;
    std::function<qint64()> m_now;
    engine::SlaClock m_sla;
    std::unique_ptr<engine::ConversationActions> m_actions;
    ConversationActionController *m_controller;
    MailController *m_mail = nullptr;
    QPointer<OrderImportDialog> m_orderImport;

    models::ViewListModel *m_viewModel;
    models::ConversationListModel *m_listModel;
    models::LateShipmentListModel *m_lateModel;
    LateShipmentLoader *m_lateLoader;

    QSplitter *m_inboxSplitter = nullptr;
    QSplitter *m_conversationSplitter = nullptr;
    QListView *m_viewList = nullptr;
    QListView *m_conversationList = nullptr;
    InboxListWidget *m_inboxList = nullptr;
    ConversationWidget *m_conversation = nullptr;
    OrderPanelWidget *m_orderPanel = nullptr;
    LateShipmentsWidget *m_lateShipments = nullptr;
    QByteArray m_inboxSplitterState; ///< the splitter's inbox layout, kept while the late shipments are shown
    OrderActionController *m_orderActions = nullptr; ///< a child
    AmazonMessageController *m_amazonMessages = nullptr; ///< a child
    QTimer m_refreshTimer;
    qint64 m_shownId = 0;
    bool m_selectFirstPending = false;
};

} // namespace waybill::ui
