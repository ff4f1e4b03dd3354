// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "AmazonMessageController.h"
#include "ConversationHeaderWidget.h"
#include "ConversationWidget.h"
#include "DialogService.h"
#include "InboxListWidget.h"
#include "LateShipmentLoader.h"
#include "LateShipmentsWidget.h"
#include "MailController.h"
#include "OrderActionController.h"
#include "OrderImportDialog.h"
#include "OrderPanelWidget.h"
#include "RulesDialog.h"
#include "ThreadView.h"
#include "ViewListDelegate.h"
#include "WorkflowActions.h"
#include "engine/ConversationActions.h"
#include "models/ConversationListModel.h"
#include "models/LateShipmentListModel.h"
#include "models/ViewListModel.h"
#include "settings/Settings.h"
#include "storage/AgentRepository.h"
#include "storage/ConversationDetailReader.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/TagRepository.h"

#include <QBoxLayout>
#include <QCloseEvent>
#include <QDateTime>
#include <QDesktopServices>
#include <QFileDialog>
#include <QFileInfo>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QToolButton>
#include <QUrl>

#include <algorithm>

namespace waybill::ui {

using models::ConversationListModel;
using Key = settings::Settings::Key;
using Target = ConversationActionController::Target;

MainWindow::MainWindow(Context context, QWidget *parent)
    : QMainWindow(parent)
    , m_database(context.database)
    , m_settings(context.settings)
    , m_dialogs(context.dialogs)
    , m_agentId(context.agentId)
    , m_now(std::move(context.now))
    , m_sla(context.policy)
    , m_actions(std::make_unique<engine::ConversationActions>(m_database, m_sla, m_agentId, m_now))
    , m_controller(new ConversationActionController(*m_actions, m_dialogs, this, this))
    , m_viewModel(new models::ViewListModel(
          m_database, m_agentId, [this] { return m_sla.riskHorizon(m_now()); }, this))
    , m_listModel(new ConversationListModel(m_database, m_sla, m_agentId, m_now, this))
    , m_lateModel(new models::LateShipmentListModel(this))
    , m_lateLoader(new LateShipmentLoader(m_database, m_now, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    storage::AgentRepository agents(m_database);
    bool mayActOnOrders = false;
    QList<domain::Agent> agentList;
    QList<domain::Team> teams;
    QList<domain::Template> templates;
    try {
        agentList = agents.agents();
        teams = agents.teams();
        templates = storage::TagRepository(m_database).templates();
        if (const auto me = agents.find(m_agentId)) {
            m_agentName = me->name;
            mayActOnOrders = domain::mayPerformOrderActions(me->role);
        }
    } catch (const storage::StorageError &error) {
        showError(tr("Could not read the workspace"), error.userMessage());
    }
    setWindowTitle(m_agentName.isEmpty() ? tr("Waybill") : tr("Waybill — %1").arg(m_agentName));

    m_viewList = new QListView(this);
    m_viewList->setObjectName(QStringLiteral("viewList"));
    m_viewList->setModel(m_viewModel);
    m_viewList->setItemDelegate(new ViewListDelegate(m_viewList));
    m_viewList->setFrameShape(QFrame::NoFrame);
    m_viewList->setMouseTracking(true);
    m_viewList->setMinimumWidth(170);
    m_viewList->setStyleSheet(QStringLiteral("QListView { background:#f4f5f7; padding-top:4px; }"));

    m_conversation = new ConversationWidget(this);
    m_conversation->header()->setPeople(agentList, teams, m_agentId);
    m_conversation->composer()->setTemplates(templates);
    m_orderPanel = new OrderPanelWidget(this);
    m_orderPanel->setOrderActionsAllowed(mayActOnOrders);

    m_conversationSplitter = new QSplitter(Qt::Horizontal, this);
    m_conversationSplitter->setObjectName(QStringLiteral("conversationSplitter"));
    m_conversationSplitter->addWidget(m_conversation);
    m_conversationSplitter->addWidget(m_orderPanel);
    m_conversationSplitter->setStretchFactor(0, 3);
    m_conversationSplitter->setStretchFactor(1, 2);

    m_inboxSplitter = new QSplitter(Qt::Horizontal, this);
    m_inboxSplitter->setObjectName(QStringLiteral("inboxSplitter"));
    m_inboxSplitter->addWidget(m_viewList);
    m_inboxList = new InboxListWidget(m_listModel, m_sla.policy().atRiskWithinSeconds, this);
    m_conversationList = m_inboxList->listView();
    m_inboxList->setSort(m_settings.get(Key::InboxSort).toString() == QLatin1String("deadline")
            ? domain::InboxSort::Deadline
            : domain::InboxSort::LastActivity);
    m_inboxSplitter->addWidget(m_inboxList);
    m_inboxSplitter->addWidget(m_conversationSplitter);
    m_lateShipments = new LateShipmentsWidget(m_lateModel, this);
    m_lateShipments->hide();
    m_inboxSplitter->addWidget(m_lateShipments);
    m_inboxSplitter->setStretchFactor(0, 0);
    m_inboxSplitter->setStretchFactor(1, 2);
    m_inboxSplitter->setStretchFactor(2, 5);
    for (QSplitter *splitter : { m_inboxSplitter, m_conversationSplitter }) {
        splitter->setHandleWidth(1);
        splitter->setChildrenCollapsible(false);
        splitter->setStyleSheet(QStringLiteral("QSplitter::handle { background:#dfe2e6; }"));
    }
    setCentralWidget(m_inboxSplitter);
    statusBar()->showMessage(m_agentName.isEmpty() ? QString() : tr("Signed in as %1").arg(m_agentName));
    const QString attachments = context.attachmentsDirectory.isEmpty()
        ? QFileInfo(m_database.path()).absolutePath() + QStringLiteral("/attachments")
        : context.attachmentsDirectory;
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu"));
    fileMenu->addAction(tr("Import &orders…"), this, &MainWindow::importOrders)
        ->setObjectName(QStringLiteral("importOrdersAction"));
    fileMenu->addAction(tr("Proactive &rules…"), this, &MainWindow::editRules)
        ->setObjectName(QStringLiteral("rulesAction"));
    fileMenu->addSeparator();
    // Visitors of the shop's chat are told when no one answers live; their replies then come by e-mail.
    QAction *chatAvailable = fileMenu->addAction(tr("Available for &live chat"));
    chatAvailable->setObjectName(QStringLiteral("chatAvailableAction"));
    chatAvailable->setCheckable(true);
    chatAvailable->setChecked(true);
    connect(chatAvailable, &QAction::toggled, this, &MainWindow::chatAvailabilityChanged);
    m_mail = new MailController({ m_database, m_dialogs, *m_controller, context.credentials, context.transports,
                                    attachments, m_now, [this] { return currentTarget(); } },
        this);
    connect(m_mail, &MailController::accountsChanged, this, &MainWindow::emailAccountsChanged);
    connect(m_mail, &MailController::conversationMoved, this, &MainWindow::showConversationById);
    connect(m_conversation->thread(), &ThreadView::splitRequested, m_mail, &MailController::splitMessage);
    connect(m_conversation->thread(), &ThreadView::saveAttachmentRequested, m_mail, &MailController::saveAttachment);

    ConversationHeaderWidget *header = m_conversation->header();
    connect(header, &ConversationHeaderWidget::assignRequested, this,
        [this](qint64 agentId, qint64 teamId) { m_controller->assign(selectedTargets(), agentId, teamId); });
    connect(header, &ConversationHeaderWidget::statusRequested, this, &MainWindow::setStatusOfSelection);
    connect(header, &ConversationHeaderWidget::snoozeRequested, this, &MainWindow::snoozeSelection);
    connect(header, &ConversationHeaderWidget::addTagRequested, this, &MainWindow::addTagToSelection);
    connect(header, &ConversationHeaderWidget::removeTagRequested, this,
        [this](const QString &tag) { m_controller->removeTag(selectedTargets(), tag); });
    connect(m_conversation->composer(), &ComposerWidget::submitted, this, &MainWindow::submitComposer);
    connect(m_conversation->composer(), &ComposerWidget::typingChanged, this, &MainWindow::agentTyping);
    connect(m_orderPanel, &OrderPanelWidget::linkRequested, this, &MainWindow::linkOrder);
    connect(m_orderPanel, &OrderPanelWidget::unlinkRequested, this, &MainWindow::unlinkOrder);
    m_orderActions = new OrderActionController(m_dialogs, m_agentId, this);
    connect(m_orderPanel, &OrderPanelWidget::orderActionRequested, this, [this](domain::OrderAction::Kind kind) {
        if (const auto &detail = m_conversation->detail()) {
            m_orderActions->ask(*detail, kind);
        }
    });
    connect(m_orderActions, &OrderActionController::requested, this, &MainWindow::orderActionRequested);
    connect(m_orderActions, &OrderActionController::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text, 15'000); });
    m_amazonMessages = new AmazonMessageController(
        *m_controller, [this] { return currentTarget(); }, this);
    connect(m_orderPanel, &OrderPanelWidget::amazonMessageRequested, this, [this] {
        if (const auto &detail = m_conversation->detail()) {
            m_amazonMessages->open(*detail);
        }
    });
    connect(m_amazonMessages, &AmazonMessageController::typesRequested, this, &MainWindow::amazonMessageTypesRequested);
    connect(m_amazonMessages, &AmazonMessageController::queued, this, &MainWindow::replyQueued);
    connect(m_orderPanel, &OrderPanelWidget::contactPreferencesRequested, this,
        [this](bool smsConsent, const QString &channel) {
            const auto &detail = m_conversation->detail();
            if (detail && detail->customer) {
                m_controller->setContactPreferences(currentTarget(), detail->customer->id, smsConsent, channel);
            }
        });
    connect(m_orderPanel, &OrderPanelWidget::linkCopied, this,
        [this] { statusBar()->showMessage(tr("Tracking link copied"), 3000); });
    connect(m_orderPanel, &OrderPanelWidget::trackingRefreshRequested, this, [this](qint64 shipmentId) {
        statusBar()->showMessage(tr("Asking the tracking provider…"));
        Q_EMIT shipmentRefreshRequested(shipmentId);
    });
    // Returns and claims: the panel's links run the workflow on the conversation being shown.
    auto *workflows = new WorkflowActions(m_database, m_dialogs, m_agentId, m_now, this, this);
    const auto withDetail = [this](const std::function<void(const domain::ConversationDetail &)> &action) {
        if (const auto &detail = m_conversation->detail()) {
            action(*detail);
        }
    };
    connect(m_orderPanel, &OrderPanelWidget::newReturnRequested, workflows,
        [=] { withDetail([=](const auto &detail) { workflows->openReturn(detail); }); });
    connect(m_orderPanel, &OrderPanelWidget::newClaimRequested, workflows,
        [=] { withDetail([=](const auto &detail) { workflows->openClaim(detail); }); });
    connect(m_orderPanel, &OrderPanelWidget::returnStepRequested, workflows,
        [=](qint64 id) { withDetail([=](const auto &detail) { workflows->advanceReturn(detail, id); }); });
    connect(m_orderPanel, &OrderPanelWidget::claimStepRequested, workflows,
        [=](qint64 id) { withDetail([=](const auto &detail) { workflows->advanceClaim(detail, id); }); });
    connect(workflows, &WorkflowActions::changed, this,
        [this](qint64 id) { onConversationsChanged({ id }, ConversationActionController::Effect::Membership); });
    connect(
        m_controller, &ConversationActionController::conversationsChanged, this, &MainWindow::onConversationsChanged);
    connect(
        m_listModel, &ConversationListModel::loadFailed, this,
        [this](const QString &message) { showError(tr("Could not load conversations"), message); },
        Qt::QueuedConnection);
    connect(m_viewList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { showView(current.row()); });
    connect(m_conversationList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &MainWindow::loadCurrentConversation);
    connect(m_conversationList->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_conversation->detail()) {
            m_conversation->header()->setSummary(
                m_conversation->detail()->conversation, static_cast<int>(selectedTargets().size()));
        }
    });
    connect(m_listModel, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_selectFirstPending && m_listModel->rowCount() > 0) {
            m_selectFirstPending = false;
            m_conversationList->setCurrentIndex(m_listModel->index(0, 0));
        }
        updateListTitle();
    });
    connect(m_listModel, &QAbstractItemModel::modelReset, this, &MainWindow::updateListTitle);
    connect(m_viewModel, &QAbstractItemModel::dataChanged, this, &MainWindow::updateListTitle);

    connect(m_lateLoader, &LateShipmentLoader::loaded, this,
        [this](const QList<domain::LateShipment> &rows, qint64 total, qint64 now) {
            m_lateModel->setRows(rows, total, now);
            m_viewModel->setLateShipmentCount(total);
            m_lateShipments->setLoading(m_lateLoader->isLoading());
        });
    connect(m_lateLoader, &LateShipmentLoader::failed, m_lateShipments, &LateShipmentsWidget::setError);
    connect(m_lateShipments, &LateShipmentsWidget::shipmentActivated, this, &MainWindow::openLateShipment);
    connect(m_lateShipments, &LateShipmentsWidget::trackingPageRequested, this,
        [](const QString &url) { QDesktopServices::openUrl(QUrl(url)); });

    buildShortcuts();
    m_refreshTimer.setInterval(RefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MainWindow::refreshPeriodic);
    m_refreshTimer.start();
    connect(m_inboxList, &InboxListWidget::searchRequested, this, &MainWindow::applySearch);
    connect(m_inboxList, &InboxListWidget::sortChanged, this, [this](domain::InboxSort sort) {
        m_settings.set(Key::InboxSort,
            sort == domain::InboxSort::Deadline ? QStringLiteral("deadline") : QStringLiteral("activity"));
        m_listModel->setSort(sort);
    });

    restoreLayout();
    refreshCounts();
    const QString lastKey = m_settings.get(Key::LastView).toString();
    const auto lastView = domain::InboxView::fromKey(lastKey);
    const int row = lastKey == models::ViewListModel::lateShipmentsKey() ? m_viewModel->lateShipmentsRow()
        : lastView                                                       ? m_viewModel->rowOf(*lastView)
                                                                         : 0;
    m_viewList->setCurrentIndex(m_viewModel->index(row < 0 ? 0 : row));
}

MainWindow::~MainWindow() = default;

void MainWindow::buildShortcuts()
{
    const auto add = [this](QKeySequence keys, const char *name, std::function<void()> action) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setObjectName(QString::fromLatin1(name));
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, std::move(action));
    };
    add(QKeySequence(Qt::Key_J), "nextShortcut", [this] { moveCurrent(1); });
    add(QKeySequence(Qt::Key_K), "previousShortcut", [this] { moveCurrent(-1); });
    add(QKeySequence(Qt::Key_R), "replyShortcut",
        [this] { m_conversation->composer()->startWriting(ComposerWidget::Mode::Reply); });
    add(QKeySequence(Qt::Key_N), "noteShortcut",
        [this] { m_conversation->composer()->startWriting(ComposerWidget::Mode::Note); });
    add(QKeySequence(Qt::Key_E), "closeShortcut", [this] { setStatusOfSelection(domain::ConversationStatus::Closed); });
    add(QKeySequence(Qt::Key_A), "assignShortcut", [this] {
        if (auto *button = m_conversation->header()->findChild<QToolButton *>(QStringLiteral("assignButton"));
            button && button->isEnabled()) {
            button->showMenu();
        }
    });
    add(QKeySequence(Qt::Key_Slash), "searchShortcut", [this] { m_inboxList->focusSearch(); });
    add(QKeySequence(Qt::Key_F5), "refreshShortcut", [this] {
        m_listModel->reload();
        refreshCounts();
    });
}

void MainWindow::restoreLayout()
{
    const QByteArray geometry = m_settings.get(Key::MainWindowGeometry).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        resize(1600, 1000);
    }
    restoreState(m_settings.get(Key::MainWindowState).toByteArray());
    // First start: views, list, conversation and order panel in proportions that suit a 1600-pixel window.
    const int width = this->width();
    const int list = width * 32 / 100;
    const int orderPanel = 330;
    if (!m_inboxSplitter->restoreState(m_settings.get(Key::InboxSplitter).toByteArray())) {
        m_inboxSplitter->setSizes({ 200, list, width - 200 - list });
    }
    if (!m_conversationSplitter->restoreState(m_settings.get(Key::ConversationSplitter).toByteArray())) {
        m_conversationSplitter->setSizes({ width - 200 - list - orderPanel, orderPanel });
    }
}

void MainWindow::saveLayout()
{
    m_settings.set(Key::MainWindowGeometry, saveGeometry());
    m_settings.set(Key::MainWindowState, saveState());
    m_settings.set(Key::InboxSplitter,
        !m_lateShipments->isHidden() && !m_inboxSplitterState.isEmpty() ? m_inboxSplitterState
                                                                        : m_inboxSplitter->saveState());
    m_settings.set(Key::ConversationSplitter, m_conversationSplitter->saveState());
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::showView(int row)
{
    if (row < 0 || row >= m_viewModel->rowCount()) {
        return;
    }
    if (m_viewModel->isLateShipmentsRow(row)) {
        m_settings.set(Key::LastView, models::ViewListModel::lateShipmentsKey());
        showLateShipments(true);
        return;
    }
    showLateShipments(false);
    const domain::InboxView view = m_viewModel->viewAt(row);
    m_settings.set(Key::LastView, view.key());
    m_inboxList->clearSearchSilently();
    m_listModel->setView(view, m_inboxList->sort());
}

void MainWindow::applySearch(const QString &text)
{
    try {
        m_listModel->setSearch(text);
    } catch (const storage::StorageError &error) {
        showError(tr("Search failed"), error.userMessage());
    }
}

void MainWindow::updateListTitle()
{
    if (m_listModel->mode() == ConversationListModel::Mode::Search) {
        m_inboxList->setTitle(tr("Search: “%1”").arg(m_listModel->searchText()));
        return;
    }
    const qint64 count = m_viewModel->countOf(m_listModel->view());
    m_inboxList->setTitle(count < 0
            ? m_listModel->view().displayName()
            : tr("%1  ·  %2").arg(m_listModel->view().displayName(), QLocale().toString(count)));
}

void MainWindow::selectFirstConversation()
{
    if (m_listModel->rowCount() > 0) {
        m_conversationList->setCurrentIndex(m_listModel->index(0, 0));
    } else {
        m_selectFirstPending = true;
    }
}

void MainWindow::loadCurrentConversation()
{
    const QModelIndex current = m_conversationList->currentIndex();
    if (!current.isValid()) {
        m_shownId = 0;
        m_conversation->clear();
        m_orderPanel->clear();
        return;
    }
    if (!m_conversationList->selectionModel()->isSelected(current)) {
        m_conversationList->selectionModel()->select(current, QItemSelectionModel::Select);
    }
    const auto &summary = m_listModel->summaryAt(current.row());
    reloadDetail(summary.id);
    if (summary.unread) {
        m_controller->markRead(summary.id);
        Q_EMIT conversationRead(summary.id);
    }
}

void MainWindow::reloadDetail(qint64 conversationId)
{
    try {
        const auto detail = storage::ConversationDetailReader(m_database).load(conversationId);
        if (!detail) {
            m_conversation->clear();
            m_orderPanel->clear();
            return;
        }
        m_shownId = conversationId;
        m_conversation->showConversation(*detail, m_agentName, static_cast<int>(selectedTargets().size()));
        m_orderPanel->setDetail(*detail, m_now());
    } catch (const storage::StorageError &error) {
        showError(tr("Could not open the conversation"), error.userMessage());
    }
}

void MainWindow::onConversationsChanged(const QList<qint64> &ids, ConversationActionController::Effect effect)
{
    const auto policy = effect == ConversationActionController::Effect::Membership
        ? ConversationListModel::LeftView::RemoveRow
        : ConversationListModel::LeftView::KeepRow;
    try {
        for (const qint64 id : ids) {
            m_listModel->refreshConversation(id, policy);
        }
    } catch (const storage::StorageError &error) {
        showError(tr("Could not refresh the list"), error.userMessage());
    }
    refreshCounts();
    if (m_shownId != 0 && ids.contains(m_shownId)) {
        reloadDetail(m_shownId);
    }
}

void MainWindow::refreshConversations(const QList<qint64> &ids)
{
    try {
        for (const qint64 id : ids) {
            m_listModel->showConversation(id);
        }
    } catch (const storage::StorageError &error) {
        statusBar()->showMessage(error.userMessage(), 10'000);
    }
    refreshCounts();
    m_mail->refreshQuarantineCount();
    if (m_shownId != 0 && ids.contains(m_shownId)) {
        reloadDetail(m_shownId);
    }
}

void MainWindow::showAccountStatus(const QString &accountId, const QString &state, const QString &message)
{
    m_mail->showAccountStatus(accountId, state, message);
}

void MainWindow::showVisitorTyping(qint64 conversationId, bool typing)
{
    if (conversationId == m_shownId) {
        m_conversation->composer()->setCustomerTyping(typing);
    }
}

void MainWindow::showOrderActionResult(qint64 actionId, qint64 conversationId, int state, const QString &message)
{
    m_orderActions->showResult(actionId, conversationId, state, message);
}

void MainWindow::showAmazonMessageTypes(qint64 conversationId, const QStringList &types, const QString &problem)
{
    m_amazonMessages->showTypes(conversationId, types, problem);
}

void MainWindow::showShipmentRefreshResult(qint64 shipmentId, bool changed, const QString &message)
{
    Q_UNUSED(shipmentId) // the detail reloads through refreshConversations() when the shipment changed
    if (changed) {
        statusBar()->showMessage(tr("Tracking updated"), 5000);
    } else if (message.isEmpty()) {
        statusBar()->showMessage(tr("No news from the carrier since the last check"), 5000);
    } else {
        statusBar()->showMessage(tr("Tracking not refreshed: %1").arg(message), 15'000);
    }
}

void MainWindow::showConversationById(qint64 id)
{
    try {
        m_listModel->showConversation(id);
    } catch (const storage::StorageError &error) {
        statusBar()->showMessage(error.userMessage(), 10'000);
    }
    const int row = m_listModel->rowOfId(id);
    if (row >= 0) {
        m_conversationList->selectionModel()->setCurrentIndex(
            m_listModel->index(row, 0), QItemSelectionModel::ClearAndSelect);
    } else {
        reloadDetail(id);
    }
}

void MainWindow::refreshCounts()
{
    try {
        m_viewModel->refresh();
    } catch (const storage::StorageError &error) {
        statusBar()->showMessage(error.userMessage(), 10'000);
    }
    m_lateLoader->reload();
    m_lateShipments->setLoading(true);
}

void MainWindow::showLateShipments(bool show)
{
    if (show == !m_lateShipments->isHidden()) {
        return;
    }
    if (show) {
        m_inboxSplitterState = m_inboxSplitter->saveState();
        m_inboxList->hide();
        m_conversationSplitter->hide();
        m_lateShipments->show();
        const int views = m_viewList->width();
        m_inboxSplitter->setSizes({ views, 0, 0, std::max(m_inboxSplitter->width() - views, 400) });
        m_lateLoader->reload();
        m_lateShipments->setLoading(true);
    } else {
        m_lateShipments->hide();
        m_inboxList->show();
        m_conversationSplitter->show();
        if (!m_inboxSplitterState.isEmpty()) {
            m_inboxSplitter->restoreState(m_inboxSplitterState);
        }
    }
}

void MainWindow::openLateShipment(int row)
{
    if (row < 0 || row >= m_lateModel->rowCount()) {
        return;
    }
    const domain::LateShipment &shipment = m_lateModel->shipmentAt(row);
    if (shipment.conversationId > 0) {
        openConversationFromLateShipments(shipment.conversationId);
        return;
    }
    qint64 latest = 0;
    try {
        latest = shipment.customerId > 0
            ? storage::ConversationRepository(m_database).latestOfCustomer(shipment.customerId)
            : 0;
    } catch (const storage::StorageError &error) {
        showError(tr("Could not read the workspace"), error.userMessage());
        return;
    }
    const QString customer = shipment.customerName.isEmpty() ? tr("the customer") : shipment.customerName;
    if (latest == 0) {
        m_dialogs.showError(this, tr("No conversation"),
            tr("No conversation is about order %1, and %2 has none at all. Waybill cannot start a new "
               "conversation yet: write to the customer from your e-mail or store, and the reply will appear here.")
                .arg(shipment.orderNumber, customer));
        return;
    }
    if (m_dialogs.confirm(this, tr("No conversation about this order"),
            tr("No conversation is about order %1 yet, and Waybill cannot start a new one. Open %2's most recent "
               "conversation instead?")
                .arg(shipment.orderNumber, customer))) {
        openConversationFromLateShipments(latest);
    }
}

void MainWindow::openConversationFromLateShipments(qint64 id)
{
    const int allOpen = m_viewModel->rowOf({ domain::InboxView::Kind::AllOpen, domain::Channel::Email });
    m_viewList->setCurrentIndex(m_viewModel->index(allOpen));
    showConversationById(id);
}

void MainWindow::refreshPeriodic()
{
    try {
        if (storage::ConversationRepository(m_database).wakeSnoozed(m_now()) > 0) {
            m_listModel->reload();
        }
    } catch (const storage::StorageError &error) {
        statusBar()->showMessage(error.userMessage(), 10'000);
    }
    refreshCounts();
    m_mail->refreshQuarantineCount();
    m_listModel->refreshClocks();
}

QList<Target> MainWindow::selectedTargets() const
{
    QList<Target> targets;
    const QModelIndexList rows = m_conversationList->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const auto &summary = m_listModel->summaryAt(index.row());
        targets.append({ summary.id, summary.version });
    }
    if (targets.isEmpty() && m_conversation->detail()) {
        targets.append(currentTarget());
    }
    return targets;
}

Target MainWindow::currentTarget() const
{
    if (!m_conversation->detail()) {
        return {};
    }
    const auto &conversation = m_conversation->detail()->conversation;
    return { conversation.id, conversation.version };
}

void MainWindow::moveCurrent(int delta)
{
    const int row = m_conversationList->currentIndex().row() + delta;
    if (row >= m_listModel->rowCount() && m_listModel->canFetchMore({})) {
        m_listModel->fetchMore({});
    }
    if (row >= 0 && row < m_listModel->rowCount()) {
        m_conversationList->selectionModel()->setCurrentIndex(
            m_listModel->index(row, 0), QItemSelectionModel::ClearAndSelect);
    }
}

void MainWindow::setStatusOfSelection(domain::ConversationStatus status)
{
    const QList<Target> targets = selectedTargets();
    if (!targets.isEmpty()) {
        m_controller->setStatus(targets, status);
    }
}

void MainWindow::snoozeSelection()
{
    const QList<Target> targets = selectedTargets();
    if (targets.isEmpty()) {
        return;
    }
    const QDateTime initial = QDateTime::fromSecsSinceEpoch(m_now() + 3 * 3600);
    if (const auto until = m_dialogs.askDateTime(this, tr("Snooze until"), initial)) {
        m_controller->setStatus(targets, domain::ConversationStatus::Snoozed, until->toSecsSinceEpoch());
    }
}

void MainWindow::addTagToSelection()
{
    const QList<Target> targets = selectedTargets();
    if (targets.isEmpty()) {
        return;
    }
    QStringList tags;
    try {
        tags = storage::TagRepository(m_database).allTags();
    } catch (const storage::StorageError &error) {
        showError(tr("Could not read tags"), error.userMessage());
        return;
    }
    if (const auto tag = m_dialogs.askText(this, tr("Add tag"), tr("Tag:"), tags)) {
        m_controller->addTag(targets, *tag);
    }
}

void MainWindow::linkOrder()
{
    const Target target = currentTarget();
    if (target.id == 0) {
        return;
    }
    const auto &detail = *m_conversation->detail();
    QString initial = detail.conversation.orderNumber;
    if (initial.isEmpty() && detail.customer) {
        initial = detail.customer->name;
    }
    if (const auto orderId = m_dialogs.chooseOrder(this, m_database, initial)) {
        m_controller->linkOrder(target, *orderId, tr("linked by %1").arg(m_agentName));
    }
}

void MainWindow::unlinkOrder()
{
    const Target target = currentTarget();
    if (target.id != 0 && m_dialogs.confirm(this, tr("Unlink order"), tr("Unlink the order from this conversation?"))) {
        m_controller->linkOrder(target, 0, QString());
    }
}

void MainWindow::submitComposer(ComposerWidget::Mode mode, const QString &text)
{
    const Target target = currentTarget();
    if (target.id == 0) {
        return;
    }
    const qint64 messageId
        = mode == ComposerWidget::Mode::Reply ? m_controller->reply(target, text) : m_controller->addNote(target, text);
    if (messageId != 0) {
        m_conversation->composer()->clearText();
        if (mode == ComposerWidget::Mode::Reply) {
            Q_EMIT replyQueued(messageId);
        }
    }
}

void MainWindow::editRules()
{
    RulesDialog dialog(m_database, m_dialogs, m_now, this);
    connect(&dialog, &RulesDialog::rulesChanged, this, &MainWindow::rulesChanged);
    dialog.exec();
}

void MainWindow::importOrders()
{
    if (m_orderImport) {
        m_orderImport->raise();
        m_orderImport->activateWindow();
        return;
    }
    m_orderImport = new OrderImportDialog(
        m_database.path(),
        [this] {
            return QFileDialog::getOpenFileName(
                this, tr("Import orders"), QString(), tr("Order exports (*.csv *.txt *.tsv);;All files (*)"));
        },
        this);
    m_orderImport->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_orderImport, &OrderImportDialog::imported, this, [this] { loadCurrentConversation(); });
    m_orderImport->open();
}

void MainWindow::showError(const QString &title, const QString &message)
{
    m_dialogs.showError(this, title, message);
}

} // namespace waybill::ui
