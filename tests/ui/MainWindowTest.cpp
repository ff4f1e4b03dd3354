// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeCredentialStore.h"
#include "FakeDialogService.h"
#include "Screenshot.h"
#include "TestWorkspace.h"
#include "demo/DemoGenerator.h"
#include "engine/Engine.h"
#include "engine/EngineThread.h"
#include "models/ConversationListModel.h"
#include "models/ViewListModel.h"
#include "settings/Settings.h"
#include "storage/AgentPresenceRepository.h"
#include "storage/AuditLogRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/SqlQuery.h"
#include "storage/TagRepository.h"
#include "ui/AmazonMessageDialog.h"
#include "ui/ComposerWidget.h"
#include "ui/ConversationHeaderWidget.h"
#include "ui/MainWindow.h"
#include "ui/OrderImportDialog.h"
#include "ui/OrderPanelWidget.h"
#include "ui/ThreadView.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>
#include <memory>

using namespace waybill;
using domain::InboxView;
using waybill::testing::waitUntil;

namespace {

class MainWindowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        demo::DemoGenerator(workspace.db(), { 300, 11, 0, {} }).run();
        settings = settings::Settings::fromIniFile(settingsDir.filePath(QStringLiteral("settings.ini")));
        settings->set(settings::Settings::Key::LastView, QStringLiteral("open"));
        createWindow();
    }

    void createWindow()
    {
        window = std::make_unique<ui::MainWindow>(ui::MainWindow::Context {
            workspace.db(), *settings, dialogs, AgentId, [] { return QDateTime::currentSecsSinceEpoch(); }, {} });
        window->resize(1400, 900);
        window->show();
    }

    template <typename T> T *find(const char *name) const
    {
        T *widget = window->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }

    /// Selects the first conversation of the list and waits until it is shown.
    const domain::ConversationSummary &openFirst()
    {
        window->selectFirstConversation();
        EXPECT_TRUE(waitUntil([this] { return find<QListView>("conversationList")->currentIndex().isValid(); }));
        EXPECT_TRUE(waitUntil([this] { return find<ui::ComposerWidget>("composer")->isEnabled(); }));
        return window->listModel()->summaryAt(find<QListView>("conversationList")->currentIndex().row());
    }

    qint64 count(InboxView::Kind kind) const { return window->viewModel()->countOf({ kind, domain::Channel::Email }); }

    static constexpr qint64 AgentId = 1;
    waybill::testing::TestWorkspace workspace { waybill::testing::TestWorkspace::Kind::OnDisk };
    QTemporaryDir settingsDir;
    std::unique_ptr<settings::Settings> settings;
    waybill::testing::FakeDialogService dialogs;
    std::unique_ptr<ui::MainWindow> window;
};

TEST_F(MainWindowTest, TitleNamesTheProductAndTheAgent)
{
    EXPECT_TRUE(window->windowTitle().contains(QStringLiteral("Waybill")));
    EXPECT_TRUE(waitUntil([this] { return window->listModel()->rowCount() > 0; }));
    EXPECT_TRUE(dialogs.errors.isEmpty()) << qPrintable(dialogs.errors.join(QLatin1Char('\n')));
}

TEST_F(MainWindowTest, SelectingAConversationShowsItsThreadAndOrder)
{
    const domain::ConversationSummary summary = openFirst();
    auto *thread = find<ui::ThreadView>("threadView");
    auto *panel = find<ui::OrderPanelWidget>("orderPanel");
    ASSERT_TRUE(waitUntil([&] { return !thread->toPlainText().isEmpty(); }));
    EXPECT_TRUE(panel->plainText().contains(summary.customerName)) << qPrintable(panel->plainText());
    if (!summary.orderNumber.isEmpty()) {
        EXPECT_TRUE(panel->plainText().contains(summary.orderNumber));
        EXPECT_TRUE(find<QPushButton>("unlinkOrderButton")->isEnabled());
    }
    EXPECT_FALSE(window->listModel()->summaryAt(0).unread) << "opening a conversation marks it read";
}

TEST_F(MainWindowTest, ReplyIsStoredWithAnOutboxRowAndShownAsQueued)
{
    const domain::ConversationSummary summary = openFirst();
    const int pendingBefore = storage::OutboxRepository(workspace.db()).pendingCount();
    auto *editor = find<QPlainTextEdit>("composerEdit");
    editor->setPlainText(QStringLiteral("Your parcel is on its way."));
    QTest::mouseClick(find<QPushButton>("sendButton"), Qt::LeftButton);

    EXPECT_EQ(storage::OutboxRepository(workspace.db()).pendingCount(), pendingBefore + 1);
    auto *thread = find<ui::ThreadView>("threadView");
    ASSERT_TRUE(
        waitUntil([&] { return thread->toPlainText().contains(QStringLiteral("Your parcel is on its way.")); }));
    EXPECT_TRUE(thread->toPlainText().contains(QStringLiteral("Queued")));
    EXPECT_FALSE(thread->toPlainText().contains(QStringLiteral("Sent")));
    EXPECT_TRUE(editor->toPlainText().isEmpty());
    EXPECT_TRUE(dialogs.errors.isEmpty()) << qPrintable(dialogs.errors.join(QLatin1Char('\n')));
    Q_UNUSED(summary)
}

TEST_F(MainWindowTest, MessageThroughAmazonAsksTheEngineAndQueuesTheMessageWithItsType)
{
    const qint64 id = openFirst().id;
    // The conversation is about an order synchronised from an Amazon seller account.
    storage::SqlQuery order(workspace.db(),
        QStringLiteral("INSERT INTO orders (source, number, placed_at, currency, subtotal_cents, shipping_cents, "
                       "tax_cents, total_cents, status, account, external_id) VALUES ('amazon', "
                       "'123-1234567-1234567', 0, 'USD', 2500, 0, 0, 2500, 'Shipped', 'amazon:ATVPDKIKX0DER', "
                       "'123-1234567-1234567')"));
    order.exec();
    storage::SqlQuery link(workspace.db(), QStringLiteral("UPDATE conversations SET order_id = ? WHERE id = ?"));
    link.bind(order.lastInsertId()).bind(id).exec();
    window->refreshConversations({ id });
    auto *panel = find<ui::OrderPanelWidget>("orderPanel");
    ASSERT_TRUE(waitUntil([&] { return panel->plainText().contains(QStringLiteral("Message through Amazon…")); }))
        << qPrintable(panel->plainText());

    QSignalSpy asked(window.get(), &ui::MainWindow::amazonMessageTypesRequested);
    QSignalSpy queued(window.get(), &ui::MainWindow::replyQueued);
    Q_EMIT panel->amazonMessageRequested();
    ASSERT_EQ(asked.count(), 1);
    EXPECT_EQ(asked.at(0).at(0).toLongLong(), id);
    QPointer<ui::AmazonMessageDialog> dialog = window->findChild<ui::AmazonMessageDialog *>();
    ASSERT_TRUE(dialog);
    window->showAmazonMessageTypes(
        id, { QStringLiteral("confirmDeliveryDetails"), QStringLiteral("unexpectedProblem") }, {});
    ASSERT_TRUE(dialog->chooseType(QStringLiteral("confirmDeliveryDetails")));
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("textEdit"))
        ->setPlainText(QStringLiteral("Could you send us the gate code for the delivery?"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton);

    ASSERT_EQ(queued.count(), 1);
    const auto row = storage::OutboxRepository(workspace.db()).forMessage(queued.at(0).at(0).toLongLong());
    ASSERT_TRUE(row);
    EXPECT_EQ(row->channel, QStringLiteral("amazon"));
    EXPECT_EQ(row->messageType, QStringLiteral("confirmDeliveryDetails"));
    auto *thread = find<ui::ThreadView>("threadView");
    ASSERT_TRUE(waitUntil([&] { return thread->toPlainText().contains(QStringLiteral("gate code")); }));
    EXPECT_TRUE(thread->toPlainText().contains(QStringLiteral("Queued")));
    EXPECT_TRUE(waitUntil([&] { return dialog.isNull(); }));
    EXPECT_TRUE(dialogs.errors.isEmpty()) << qPrintable(dialogs.errors.join(QLatin1Char('\n')));
}

TEST_F(MainWindowTest, RefreshTrackingAsksTheEngineAndShowsItsAnswer)
{
    openFirst();
    QSignalSpy asked(window.get(), &ui::MainWindow::shipmentRefreshRequested);
    Q_EMIT find<ui::OrderPanelWidget>("orderPanel")->trackingRefreshRequested(42);
    ASSERT_EQ(asked.count(), 1);
    EXPECT_EQ(asked.at(0).at(0).toLongLong(), 42);
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("Asking the tracking provider")));

    window->showShipmentRefreshResult(42, false, QStringLiteral("No tracking provider is set up."));
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("No tracking provider is set up.")))
        << qPrintable(window->statusBar()->currentMessage());
    window->showShipmentRefreshResult(42, true, {});
    EXPECT_EQ(window->statusBar()->currentMessage(), QStringLiteral("Tracking updated"));
}

TEST_F(MainWindowTest, ALiveChatShowsTheVisitorTypingAndItsReplyTellsTheEngineTheAgentIsTyping)
{
    QSignalSpy typing(window.get(), &ui::MainWindow::agentTyping);
    window->listModel()->setView(InboxView::ofChannel(domain::Channel::Chat), domain::InboxSort::LastActivity);
    const domain::ConversationSummary summary = openFirst();
    ASSERT_EQ(summary.channel, domain::Channel::Chat);
    auto *editor = find<QPlainTextEdit>("composerEdit");
    QTest::keyClicks(editor, QStringLiteral("Let me check"));
    ASSERT_EQ(typing.count(), 1); // once, not per key
    EXPECT_EQ(typing.at(0).at(0).toLongLong(), summary.id);
    EXPECT_TRUE(typing.at(0).at(1).toBool());

    window->showVisitorTyping(summary.id, true);
    EXPECT_TRUE(find<QLabel>("composerHints")->text().contains(QStringLiteral("is typing")));
    window->showVisitorTyping(summary.id + 100000, false); // another conversation: nothing changes here
    EXPECT_TRUE(find<QLabel>("composerHints")->text().contains(QStringLiteral("is typing")));
    window->showVisitorTyping(summary.id, false);
    EXPECT_FALSE(find<QLabel>("composerHints")->text().contains(QStringLiteral("is typing")));

    QTest::mouseClick(find<QPushButton>("sendButton"), Qt::LeftButton);
    ASSERT_EQ(typing.count(), 2);
    EXPECT_FALSE(typing.at(1).at(1).toBool());
    storage::SqlQuery q(workspace.db(),
        QStringLiteral("SELECT o.channel FROM outbox o JOIN messages m ON m.id = o.message_id WHERE "
                       "m.conversation_id = ? AND m.body_text = 'Let me check'"));
    q.bind(summary.id).exec();
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.text(0), QStringLiteral("chat"));
}

TEST_F(MainWindowTest, TheAgentSaysWhetherTheyAnswerLiveChats)
{
    QSignalSpy availability(window.get(), &ui::MainWindow::chatAvailabilityChanged);
    auto *action = find<QAction>("chatAvailableAction");
    ASSERT_TRUE(action->isChecked());
    action->trigger();
    ASSERT_EQ(availability.count(), 1);
    EXPECT_FALSE(availability.at(0).at(0).toBool());
}

TEST_F(MainWindowTest, TheAgentsChatAvailabilityIsKeptInTheWorkspaceByTheEngineUntilTheAppQuits)
{
    // Wired as the desktop app wires them: the engine on its own thread with its own write connection.
    auto engineThread = std::make_unique<engine::EngineThread>(
        workspace.directory(), std::make_unique<waybill::testing::FakeCredentialStore>());
    engineThread->engine()->setChatAgent(AgentId);
    QObject::connect(window.get(), &ui::MainWindow::chatAvailabilityChanged, engineThread->engine(),
        &engine::Engine::setAgentsOnline);
    engineThread->start();
    const auto available = [this] {
        const storage::AgentPresenceRepository presence(workspace.db());
        return !presence.available(storage::AgentPresenceRepository::chat(), QDateTime::currentSecsSinceEpoch())
                    .isEmpty();
    };
    auto *action = find<QAction>("chatAvailableAction");
    ASSERT_TRUE(action->isChecked());
    ASSERT_TRUE(waitUntil(available)) << "the app opened available, but the workspace does not say so";
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto rows
        = storage::AgentPresenceRepository(workspace.db()).available(storage::AgentPresenceRepository::chat(), now);
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.at(0).agentId, AgentId);
    EXPECT_GT(rows.at(0).availableUntil - now, 60) << "a renewal holds long enough to be renewed before it ends";

    action->trigger(); // unchecked: the row goes at once, not when it expires
    ASSERT_TRUE(waitUntil([&] { return !available(); }));
    action->trigger();
    ASSERT_TRUE(waitUntil(available));

    engineThread.reset(); // the app quits cleanly
    EXPECT_FALSE(available());
}

TEST_F(MainWindowTest, NoteIsShownButNeverQueued)
{
    openFirst();
    const int pendingBefore = storage::OutboxRepository(workspace.db()).pendingCount();
    find<ui::ComposerWidget>("composer")->startWriting(ui::ComposerWidget::Mode::Note);
    find<QPlainTextEdit>("composerEdit")->setPlainText(QStringLiteral("Called the carrier."));
    QTest::mouseClick(find<QPushButton>("sendButton"), Qt::LeftButton);
    EXPECT_EQ(storage::OutboxRepository(workspace.db()).pendingCount(), pendingBefore);
    EXPECT_TRUE(waitUntil([this] {
        return find<ui::ThreadView>("threadView")->toPlainText().contains(QStringLiteral("Called the carrier."));
    }));
}

TEST_F(MainWindowTest, ClosingWithTheKeyboardMovesTheCounts)
{
    openFirst();
    const qint64 openBefore = count(InboxView::Kind::AllOpen);
    const qint64 closedBefore = count(InboxView::Kind::Closed);
    const int rowsBefore = window->listModel()->rowCount();
    auto *list = find<QListView>("conversationList");
    list->setFocus();
    QTest::keyClick(list, Qt::Key_E);

    EXPECT_EQ(count(InboxView::Kind::AllOpen), openBefore - 1);
    EXPECT_EQ(count(InboxView::Kind::Closed), closedBefore + 1);
    EXPECT_EQ(window->listModel()->rowCount(), rowsBefore - 1) << "a closed conversation leaves the open view";
    EXPECT_TRUE(list->currentIndex().isValid()) << "the next conversation is selected";
}

TEST_F(MainWindowTest, AssigningThroughTheMenuMovesTheCounts)
{
    const domain::ConversationSummary summary = openFirst();
    const qint64 unassignedBefore = count(InboxView::Kind::Unassigned);
    QMenu *menu = find<ui::ConversationHeaderWidget>("conversationHeader")->assignMenu();
    const QString target = summary.assigneeId == 0 ? QStringLiteral("Me") : QStringLiteral("Unassigned");
    QAction *action = nullptr;
    for (QAction *candidate : menu->actions()) {
        if (candidate->text() == target) {
            action = candidate;
        }
    }
    ASSERT_NE(action, nullptr);
    action->trigger();
    EXPECT_EQ(count(InboxView::Kind::Unassigned), unassignedBefore + (summary.assigneeId == 0 ? -1 : 1));
    EXPECT_TRUE(dialogs.errors.isEmpty()) << qPrintable(dialogs.errors.join(QLatin1Char('\n')));
}

TEST_F(MainWindowTest, TagsAreAddedThroughTheDialogService)
{
    const domain::ConversationSummary summary = openFirst();
    dialogs.nextText = QStringLiteral("vip");
    auto *header = find<ui::ConversationHeaderWidget>("conversationHeader");
    Q_EMIT header->addTagRequested();
    EXPECT_TRUE(storage::TagRepository(workspace.db()).tagsOf(summary.id).contains(QStringLiteral("vip")));
}

TEST_F(MainWindowTest, KeysMoveThroughTheListAndSlashFocusesSearch)
{
    openFirst();
    auto *list = find<QListView>("conversationList");
    list->setFocus();
    QTest::keyClick(list, Qt::Key_J);
    EXPECT_EQ(list->currentIndex().row(), 1);
    QTest::keyClick(list, Qt::Key_K);
    EXPECT_EQ(list->currentIndex().row(), 0);
    QTest::keyClick(list, Qt::Key_Slash);
    EXPECT_TRUE(waitUntil([this] { return find<QLineEdit>("searchField")->hasFocus(); }));
}

TEST_F(MainWindowTest, SearchShowsResultsInTheList)
{
    const domain::ConversationSummary summary = openFirst();
    ASSERT_FALSE(summary.customerName.isEmpty());
    auto *search = find<QLineEdit>("searchField");
    search->setText(summary.customerName);
    QTest::keyClick(search, Qt::Key_Return);
    EXPECT_EQ(window->listModel()->mode(), models::ConversationListModel::Mode::Search);
    EXPECT_TRUE(waitUntil([this, &summary] { return window->listModel()->rowOfId(summary.id) >= 0; }));
    EXPECT_TRUE(find<QLabel>("listTitle")->text().contains(summary.customerName));
}

TEST_F(MainWindowTest, LayoutAndViewAreRemembered)
{
    window->viewModel()->refresh();
    const int closedRow = window->viewModel()->rowOf({ InboxView::Kind::Closed, domain::Channel::Email });
    find<QListView>("viewList")->setCurrentIndex(window->viewModel()->index(closedRow));
    find<QSplitter>("inboxSplitter")->setSizes({ 250, 500, 650 });
    window->close();
    EXPECT_EQ(settings->get(settings::Settings::Key::LastView).toString(), QStringLiteral("closed"));
    EXPECT_FALSE(settings->get(settings::Settings::Key::InboxSplitter).toByteArray().isEmpty());

    window.reset();
    createWindow();
    EXPECT_EQ(window->listModel()->view().kind, InboxView::Kind::Closed);
    EXPECT_EQ(find<QSplitter>("inboxSplitter")->sizes().constFirst(), 250);
}

TEST_F(MainWindowTest, TheOrderPanelChangesTheCustomersSmsConsentAndPreferredChannelAudited)
{
    const domain::ConversationSummary summary = openFirst();
    ASSERT_NE(summary.customerId, 0);
    const auto before = storage::CustomerRepository(workspace.db()).find(summary.customerId);
    ASSERT_TRUE(before.has_value());
    auto *consent = find<QCheckBox>("smsConsentCheck");
    auto *channel = find<QComboBox>("preferredChannelCombo");
    ASSERT_TRUE(consent->isVisible());
    EXPECT_EQ(consent->isChecked(), before->smsConsent);

    consent->click();
    ASSERT_TRUE(waitUntil([&] {
        return storage::CustomerRepository(workspace.db()).find(summary.customerId)->smsConsent != before->smsConsent;
    }));
    const int sms = channel->findData(QStringLiteral("sms"));
    ASSERT_GE(sms, 0);
    channel->setCurrentIndex(sms);
    Q_EMIT channel->activated(sms);
    ASSERT_TRUE(waitUntil([&] {
        return storage::CustomerRepository(workspace.db()).find(summary.customerId)->preferredChannel
            == QStringLiteral("sms");
    }));
    const auto audit = storage::AuditLogRepository(workspace.db()).forConversation(summary.id);
    QStringList actions;
    for (const domain::AuditEntry &entry : audit) {
        actions << entry.action;
    }
    EXPECT_TRUE(actions.contains(QStringLiteral("customer_sms_consent"))) << qPrintable(actions.join(u','));
    EXPECT_TRUE(actions.contains(QStringLiteral("customer_channel"))) << qPrintable(actions.join(u','));
    EXPECT_TRUE(dialogs.errors.isEmpty()) << qPrintable(dialogs.errors.join(QLatin1Char('\n')));

    // A new window reads them from storage: what the panel says is what was stored.
    window.reset();
    createWindow();
    EXPECT_EQ(openFirst().customerId, summary.customerId);
    consent = find<QCheckBox>("smsConsentCheck");
    channel = find<QComboBox>("preferredChannelCombo");
    EXPECT_EQ(channel->currentData().toString(), QStringLiteral("sms"));
    EXPECT_EQ(consent->isChecked(), !before->smsConsent);
    waybill::testing::saveScreenshot(window.get(), QStringLiteral("customer-preferences"));
}

} // namespace

TEST_F(MainWindowTest, FileMenuOpensOneOrderImportDialog)
{
    auto *action = find<QAction>("importOrdersAction");
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->text(), QStringLiteral("Import &orders…"));
    action->trigger();
    ASSERT_TRUE(waitUntil([this] {
        const auto *dialog = window->findChild<ui::OrderImportDialog *>();
        return dialog && dialog->isVisible();
    }));
    action->trigger();
    EXPECT_EQ(window->findChildren<ui::OrderImportDialog *>().size(), 1);
    auto *dialog = window->findChild<ui::OrderImportDialog *>();
    dialog->reject();
    EXPECT_FALSE(dialog->isVisible());
}
