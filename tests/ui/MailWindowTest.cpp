// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The e-mail side of the main window: safe HTML with per-message "Load images", threading reasons, attachments
// saved with a warning for programs, split and merge, conversations arriving from the engine, account status and
// the quarantine count.
#include "FakeCredentialStore.h"
#include "FakeDialogService.h"
#include "FakeTransportFactory.h"
#include "Screenshot.h"
#include "TestWorkspace.h"
#include "demo/DemoGenerator.h"
#include "models/ConversationListModel.h"
#include "models/ViewListModel.h"
#include "settings/Settings.h"
#include "storage/AttachmentStore.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/MessageRepository.h"
#include "storage/QuarantineRepository.h"
#include "ui/ConversationWidget.h"
#include "ui/MailController.h"
#include "ui/MainWindow.h"
#include "ui/MergeConversationDialog.h"
#include "ui/ThreadView.h"

#include <QAction>
#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTreeWidget>

#include <gtest/gtest.h>
#include <memory>

using namespace waybill;
using domain::InboxView;
using domain::Message;
using waybill::testing::waitUntil;

namespace {

class MailWindowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        demo::DemoGenerator(workspace.db(), { 40, 7, 0, {} }).run();
        settings = settings::Settings::fromIniFile(settingsDir.filePath(QStringLiteral("settings.ini")));
        settings->set(settings::Settings::Key::LastView, QStringLiteral("open"));
        now = QDateTime::currentSecsSinceEpoch();
        customerId = storage::CustomerRepository(workspace.db())
                         .insert({ 0, QStringLiteral("Hana Sato"), QStringLiteral("Hana"), now, {} });
        conversationId = addConversation(QStringLiteral("Broken mug"), now + 60);
        first = addMessage(conversationId, now + 30, QStringLiteral("The mug arrived broken."),
            QStringLiteral("<p>The mug arrived broken.</p><img src=\"http://127.0.0.1:9/damage.jpg\">"
                           "<img src=\"https://127.0.0.1:9/box.png\"><script>alert(1)</script>"));
        second = addMessage(conversationId, now + 60, QStringLiteral("Also the lid is missing."), {},
            QStringLiteral("threaded by In-Reply-To"));
        window = std::make_unique<ui::MainWindow>(ui::MainWindow::Context { workspace.db(), *settings, dialogs, 1,
            [this] { return now; }, {}, &credentials, &transports, attachments.path() });
        window->resize(1400, 900);
        window->show();
    }

    qint64 addConversation(const QString &subject, qint64 at)
    {
        domain::ConversationSummary c;
        c.channel = domain::Channel::Email;
        c.subject = subject;
        c.preview = subject;
        c.customerId = customerId;
        c.customerName = QStringLiteral("Hana Sato");
        c.unread = true;
        c.createdAt = at;
        c.lastActivity = at;
        return storage::ConversationRepository(workspace.db()).insert(c);
    }

    qint64 addMessage(qint64 conversation, qint64 at, const QString &text, const QString &html = {},
        const QString &reason = {}, const QList<domain::Attachment> &attachments = {}, bool autoReply = false)
    {
        Message m;
        m.conversationId = conversation;
        m.direction = Message::Direction::Inbound;
        m.author = QStringLiteral("Hana Sato");
        m.bodyText = text;
        m.bodyHtml = html;
        m.createdAt = at;
        m.threadReason = reason;
        m.attachments = attachments;
        m.isAutoReply = autoReply;
        return storage::MessageRepository(workspace.db()).insert(m);
    }

    ui::ThreadView *thread() const { return window->findChild<ui::ThreadView *>(QStringLiteral("threadView")); }

    /// Selects conversation `id` in the list and waits until its thread is shown.
    void open(qint64 id)
    {
        ASSERT_TRUE(waitUntil([&] { return window->listModel()->rowOfId(id) >= 0; }));
        auto *list = window->findChild<QListView *>(QStringLiteral("conversationList"));
        list->setCurrentIndex(window->listModel()->index(window->listModel()->rowOfId(id), 0));
        ASSERT_TRUE(waitUntil([&] { return shownId() == id; }));
    }

    qint64 shownId() const
    {
        const auto *conversation = window->findChild<ui::ConversationWidget *>(QStringLiteral("conversationWidget"));
        return conversation->detail() ? conversation->detail()->conversation.id : 0;
    }

    qint64 count(InboxView::Kind kind) const { return window->viewModel()->countOf({ kind, domain::Channel::Email }); }

    qint64 now = 0;
    waybill::testing::TestWorkspace workspace { waybill::testing::TestWorkspace::Kind::OnDisk };
    QTemporaryDir settingsDir;
    QTemporaryDir attachments;
    std::unique_ptr<settings::Settings> settings;
    waybill::testing::FakeDialogService dialogs;
    waybill::testing::FakeCredentialStore credentials;
    waybill::testing::FakeTransportFactory transports;
    std::unique_ptr<ui::MainWindow> window;
    qint64 customerId = 0;
    qint64 conversationId = 0;
    qint64 first = 0;
    qint64 second = 0;
};

} // namespace

TEST_F(MailWindowTest, RemoteImagesStayBlockedUntilLoadImagesIsClicked)
{
    open(conversationId);
    ui::ThreadView *view = thread();
    EXPECT_TRUE(view->toPlainText().contains(QStringLiteral("Load images (2)"))) << qPrintable(view->toPlainText());
    EXPECT_FALSE(view->toHtml().contains(QStringLiteral("damage.jpg")));
    EXPECT_FALSE(view->toHtml().contains(QStringLiteral("alert")));

    Q_EMIT view->anchorClicked(QUrl(QStringLiteral("waybill:load-images/%1").arg(first)));
    EXPECT_FALSE(view->toPlainText().contains(QStringLiteral("Load images")));
    EXPECT_TRUE(view->toHtml().contains(QStringLiteral("127.0.0.1:9/damage.jpg"))) << "only this message re-rendered";
    waybill::testing::saveScreenshot(window.get(), QStringLiteral("thread-images-loaded"));
    EXPECT_FALSE(view->toHtml().contains(QStringLiteral("alert"))) << "still no scripts";
}

TEST_F(MailWindowTest, ThreadShowsHowMailWasThreadedAndMarksAutoReplies)
{
    addMessage(conversationId, now + 90, QStringLiteral("I am out of the office until Monday."), {},
        QStringLiteral("threaded by References"), {}, true);
    open(conversationId);
    const QString text = thread()->toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("threaded by In-Reply-To"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("Auto-reply"))) << qPrintable(text);
}

TEST_F(MailWindowTest, ProgramAttachmentsAreSavedOnlyAfterAWarning)
{
    const storage::AttachmentStore store(attachments.path());
    const QByteArray program = "MZ fake program";
    const QByteArray pdf = "%PDF-1.4 invoice";
    const qint64 withFiles = addMessage(conversationId, now + 120, QStringLiteral("See attached."), {}, {},
        { { 0, QStringLiteral("invoice.exe"), QStringLiteral("application/octet-stream"), program.size(),
              store.put(program) },
            { 0, QStringLiteral("invoice.pdf"), QStringLiteral("application/pdf"), pdf.size(), store.put(pdf) } });
    open(conversationId);
    EXPECT_TRUE(thread()->toPlainText().contains(QStringLiteral("invoice.exe")));
    waybill::testing::saveScreenshot(window.get(), QStringLiteral("thread-attachments"));
    QTemporaryDir target;

    dialogs.confirmAnswer = false;
    dialogs.nextSavePath = target.filePath(QStringLiteral("invoice.exe"));
    Q_EMIT thread()->anchorClicked(QUrl(QStringLiteral("waybill:attachment/%1/0").arg(withFiles)));
    ASSERT_EQ(dialogs.questions.size(), 1);
    EXPECT_TRUE(dialogs.questions.constFirst().contains(QStringLiteral("invoice.exe")));
    EXPECT_FALSE(QFile::exists(target.filePath(QStringLiteral("invoice.exe")))) << "declined: nothing saved";

    dialogs.confirmAnswer = true;
    Q_EMIT thread()->anchorClicked(QUrl(QStringLiteral("waybill:attachment/%1/0").arg(withFiles)));
    QFile saved(target.filePath(QStringLiteral("invoice.exe")));
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    EXPECT_EQ(saved.readAll(), program);

    dialogs.nextSavePath = target.filePath(QStringLiteral("invoice.pdf"));
    Q_EMIT thread()->anchorClicked(QUrl(QStringLiteral("waybill:attachment/%1/1").arg(withFiles)));
    EXPECT_EQ(dialogs.questions.size(), 2) << "no warning for a PDF";
    EXPECT_EQ(dialogs.lastSuggestedName, QStringLiteral("invoice.pdf"));
    EXPECT_TRUE(QFile::exists(target.filePath(QStringLiteral("invoice.pdf"))));
    EXPECT_TRUE(dialogs.errors.isEmpty()) << qPrintable(dialogs.errors.join(u'\n'));
}

TEST_F(MailWindowTest, SplittingAMessageOpensItsNewConversation)
{
    open(conversationId);
    ui::ThreadView *view = thread();
    const QTextCursor found = view->document()->find(QStringLiteral("Also the lid is missing."));
    ASSERT_FALSE(found.isNull());
    EXPECT_EQ(view->messageAt(view->cursorRect(found).center()), second) << "the context menu finds the message";

    Q_EMIT view->splitRequested(second);
    ASSERT_TRUE(dialogs.errors.isEmpty()) << qPrintable(dialogs.errors.join(u'\n'));
    ASSERT_TRUE(waitUntil([&] { return shownId() != conversationId && shownId() != 0; }));
    const qint64 splitId = shownId();
    EXPECT_EQ(storage::MessageRepository(workspace.db()).forConversation(splitId).size(), 1);
    EXPECT_EQ(storage::MessageRepository(workspace.db()).forConversation(conversationId).size(), 1);
    EXPECT_GE(window->listModel()->rowOfId(splitId), 0) << "the new conversation is in the list";
    EXPECT_TRUE(thread()->toPlainText().contains(QStringLiteral("Also the lid is missing.")));
}

TEST_F(MailWindowTest, MergeDialogFindsOtherConversationsOfTheCustomerButNotItself)
{
    const qint64 other = addConversation(QStringLiteral("Order question"), now + 10);
    addMessage(other, now + 10, QStringLiteral("When does my order ship?"));
    ui::MergeConversationDialog dialog(workspace.db(), conversationId, window.get());
    dialog.show();
    dialog.setSearchText(QStringLiteral("#%1").arg(other));
    EXPECT_EQ(dialog.selectedConversationId(), other);
    dialog.setSearchText(QStringLiteral("Hana"));
    auto *results = dialog.findChild<QTreeWidget *>(QStringLiteral("resultTree"));
    QStringList numbers;
    for (int i = 0; i < results->topLevelItemCount(); ++i) {
        numbers << results->topLevelItem(i)->text(0);
    }
    EXPECT_TRUE(numbers.contains(QStringLiteral("#%1").arg(other))) << qPrintable(numbers.join(u' '));
    EXPECT_FALSE(numbers.contains(QStringLiteral("#%1").arg(conversationId)));
    waybill::testing::saveScreenshot(&dialog, QStringLiteral("merge-dialog"));
}

TEST_F(MailWindowTest, MergingMovesTheMessagesAndClosesTheSource)
{
    const qint64 targetId = addConversation(QStringLiteral("Order question"), now + 10);
    addMessage(targetId, now + 10, QStringLiteral("When does my order ship?"));
    open(conversationId);
    const qint64 closedBefore = count(InboxView::Kind::Closed);

    dialogs.nextConversationId = targetId;
    window->mail()->mergeAction()->trigger();
    ASSERT_TRUE(dialogs.errors.isEmpty()) << qPrintable(dialogs.errors.join(u'\n'));
    EXPECT_EQ(storage::MessageRepository(workspace.db()).forConversation(targetId).size(), 3);
    EXPECT_EQ(storage::ConversationRepository(workspace.db()).find(conversationId)->status,
        domain::ConversationStatus::Closed);
    EXPECT_EQ(count(InboxView::Kind::Closed), closedBefore + 1);
    EXPECT_LT(window->listModel()->rowOfId(conversationId), 0) << "the closed source left the open view";
    ASSERT_TRUE(waitUntil([&] { return shownId() == targetId; }));
    EXPECT_TRUE(thread()->toPlainText().contains(QStringLiteral("The mug arrived broken.")));
}

TEST_F(MailWindowTest, ConversationsFromTheEngineAppearAtTheTopWithTheirCounts)
{
    ASSERT_TRUE(waitUntil([&] { return window->listModel()->rowCount() > 0; }));
    const qint64 openBefore = count(InboxView::Kind::AllOpen);
    // What the engine's ingest does on its own connection: a new conversation with the customer's message.
    const qint64 fresh = addConversation(QStringLiteral("Wrong colour"), now + 300);
    addMessage(fresh, now + 300, QStringLiteral("I ordered blue, got green."));
    EXPECT_LT(window->listModel()->rowOfId(fresh), 0);

    window->refreshConversations({ fresh });
    EXPECT_EQ(window->listModel()->rowOfId(fresh), 0);
    EXPECT_EQ(count(InboxView::Kind::AllOpen), openBefore + 1);

    // New mail in the conversation being read reloads its thread.
    open(conversationId);
    addMessage(conversationId, now + 400, QStringLiteral("Any news?"));
    window->refreshConversations({ conversationId });
    EXPECT_TRUE(thread()->toPlainText().contains(QStringLiteral("Any news?")));
}

TEST_F(MailWindowTest, AFailingAccountAndTheQuarantineAreVisible)
{
    window->showAccountStatus(QStringLiteral("email:support@shop.example"), QStringLiteral("connected"), {});
    auto *label = window->findChild<QLabel *>(QStringLiteral("accountStatusLabel"));
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->text().contains(QStringLiteral("1 account"))) << qPrintable(label->text());
    window->showAccountStatus(QStringLiteral("email:support@shop.example"), QStringLiteral("failed"),
        QStringLiteral("Wrong user name or password"));
    EXPECT_TRUE(label->text().contains(QStringLiteral("support@shop.example"))) << qPrintable(label->text());
    EXPECT_TRUE(label->text().contains(QStringLiteral("Wrong user name or password")));

    EXPECT_EQ(window->mail()->quarantineCount(), 0);
    storage::QuarantineRepository(workspace.db())
        .insert({ 0, QStringLiteral("email:support@shop.example"), now, QStringLiteral("unparsable"),
            storage::AttachmentStore(attachments.path()).put("raw"), 3 });
    window->refreshConversations({});
    EXPECT_EQ(window->mail()->quarantineCount(), 1);
    EXPECT_TRUE(window->mail()->quarantineAction()->text().contains(QStringLiteral("(1)")));
}
