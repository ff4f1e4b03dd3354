// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Mail actions survive a restart of the engine: the Sent copy of a reply whose Sent folder could not be reached,
// and a \Seen update the app quit before storing, are still recorded when the engine stops and are carried out
// against the real dovecot by the next engine, without sending the reply again.
#include "DovecotServer.h"
#include "FakeCredentialStore.h"
#include "ServerProcessSupport.h"
#include "SmtpServer.h"
#include "TestWorkspace.h"
#include "engine/ConversationActions.h"
#include "engine/Engine.h"
#include "engine/Ingest.h"
#include "engine/SlaClock.h"
#include "storage/AccountRepository.h"
#include "storage/AgentRepository.h"
#include "storage/AttachmentStore.h"
#include "storage/ConversationRepository.h"
#include "storage/MailActionRepository.h"
#include "storage/MessageRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/SqlQuery.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace waybill;
using waybill::testing::DovecotServer;
using waybill::testing::SmtpServer;
using waybill::testing::waitUntil;

namespace {

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

class MailActionsRestartDovecotTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (DovecotServer::dovecotBinary().isEmpty()) {
            GTEST_SKIP() << "dovecot is not installed (apt-get install dovecot-imapd, or scripts/install-deps test)";
        }
        QString whyNot;
        if (SmtpServer::python(&whyNot).isEmpty()) {
            GTEST_SKIP() << whyNot.toStdString();
        }
        ASSERT_TRUE(dovecot.start()) << dovecot.errorString().toStdString();
        account.id = QStringLiteral("email:agent@example.com");
        account.name = QStringLiteral("Support");
        account.address = QStringLiteral("agent@example.com");
        account.displayName = QStringLiteral("Shop Support");
        account.username = DovecotServer::userName();
        account.imapUrl = imapUrl(dovecot.port());
        account.smtpUrl
            = QStringLiteral("smtp+plain://127.0.0.1:") + QString::number(waybill::testing::freeLoopbackPort());
        account.saveToSent = false;
    }

    static QString imapUrl(quint16 port) { return QStringLiteral("imap+plain://127.0.0.1:") + QString::number(port); }

    void saveAccount() { storage::AccountRepository(ws.db()).saveEmailAccount(account, now()); }

    /// A new engine over the workspace, as the app starts one; its account statuses are kept for failure messages.
    std::unique_ptr<engine::Engine> startEngine()
    {
        auto credentials = std::make_unique<waybill::testing::FakeCredentialStore>();
        credentials->setSecret(account.id, DovecotServer::password()); // SmtpServer's password is the same
        auto created = std::make_unique<engine::Engine>(ws.directory(), std::move(credentials));
        QObject::connect(created.get(), &engine::Engine::accountStatus, created.get(),
            [this](const QString &, const QString &state, const QString &message) {
                statuses << state + QStringLiteral(": ") + message;
            });
        QObject::connect(created.get(), &engine::Engine::startFailed, created.get(),
            [](const QString &message) { ADD_FAILURE() << message.toStdString(); });
        created->start();
        return created;
    }

    qint64 count(const QString &sql)
    {
        storage::SqlQuery q(ws.db(), sql);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }

    QList<storage::MailAction> pending(storage::MailAction::Kind kind)
    {
        return storage::MailActionRepository(ws.db()).pending(account.id, kind);
    }

    /// The files of a dovecot folder (new/ and cur/), with their paths.
    QStringList files(const QString &mailbox)
    {
        QStringList paths;
        const QString maildir = dovecot.maildir(mailbox);
        for (const QString &sub : { QStringLiteral("/new/"), QStringLiteral("/cur/") }) {
            for (const QString &name : QDir(maildir + sub).entryList(QDir::Files)) {
                paths << maildir + sub + name;
            }
        }
        return paths;
    }

    std::string why() { return statuses.join(u'\n').toStdString() + "\n" + dovecot.log().toStdString(); }

    waybill::testing::TestWorkspace ws { waybill::testing::TestWorkspace::Kind::OnDisk };
    DovecotServer dovecot;
    domain::EmailAccount account;
    QStringList statuses;
};

TEST_F(MailActionsRestartDovecotTest, SentCopyWaitingWhenTheEngineStopsIsSavedAfterTheRestart)
{
    SmtpServer smtp;
    ASSERT_TRUE(smtp.start()) << smtp.errorString().toStdString();
    account.smtpUrl = QStringLiteral("smtp+plain://127.0.0.1:") + QString::number(smtp.port());
    account.imapUrl = imapUrl(waybill::testing::freeLoopbackPort()); // the IMAP server is away for now
    account.saveToSent = true;
    account.sentFolder = QStringLiteral("Sent");
    saveAccount();

    // A customer's question and the agent's reply, queued.
    QTemporaryDir attachments;
    storage::AttachmentStore store(attachments.path());
    engine::SlaClock sla;
    engine::Ingest ingest(ws.db(), store, sla, &now);
    domain::IncomingMessage question;
    question.account = account.id;
    question.externalId = QStringLiteral("q@customer.example");
    question.messageId = QStringLiteral("q@customer.example");
    question.subject = QStringLiteral("Where is order #1042?");
    question.fromAddress = QStringLiteral("ava@customer.example");
    question.bodyText = QStringLiteral("It has not arrived.");
    question.sentAt = now() - 600;
    const qint64 conversationId = ingest.ingest(question).conversationId;
    const qint64 agentId = storage::AgentRepository(ws.db()).insertAgent(
        { 0, QStringLiteral("Mia Chen"), QStringLiteral("mia@shop.example"), 0 });
    engine::ConversationActions actions(ws.db(), sla, agentId, &now);
    const qint64 replyId = actions.reply(conversationId,
        storage::ConversationRepository(ws.db()).find(conversationId)->version, QStringLiteral("Refund issued."));

    {
        auto running = startEngine();
        auto delivery = [&] { return storage::MessageRepository(ws.db()).find(replyId)->delivery; };
        ASSERT_TRUE(waitUntil([&] { return delivery() == domain::Message::Delivery::Sent; }, 15000)) << why();
        // Sent over SMTP; the copy for Sent could not be saved and waits, recorded with the reason.
        ASSERT_TRUE(waitUntil(
            [&] {
                const auto waiting = pending(storage::MailAction::Kind::SentCopy);
                return waiting.size() == 1 && waiting.first().attempts >= 1;
            },
            15000))
            << why();
        EXPECT_FALSE(pending(storage::MailAction::Kind::SentCopy).first().lastError.isEmpty());
        EXPECT_TRUE(files(QStringLiteral("Sent")).isEmpty());
        running->stop();
    }
    ASSERT_EQ(smtp.received().size(), 1);
    const QByteArray sentBytes = smtp.received().first().content;
    const QList<storage::MailAction> waiting = pending(storage::MailAction::Kind::SentCopy);
    ASSERT_EQ(waiting.size(), 1);
    EXPECT_EQ(waiting.first().content, sentBytes); // the exact bytes that went out
    EXPECT_EQ(waiting.first().outboxId, storage::OutboxRepository(ws.db()).forMessage(replyId)->id);

    // The IMAP server is back; the app starts again.
    account.imapUrl = imapUrl(dovecot.port());
    saveAccount();
    {
        auto running = startEngine();
        ASSERT_TRUE(waitUntil([&] { return pending(storage::MailAction::Kind::SentCopy).isEmpty(); }, 15000)) << why();
        running->stop();
    }
    const QStringList sent = files(QStringLiteral("Sent"));
    ASSERT_EQ(sent.size(), 1);
    QFile copy(sent.first());
    ASSERT_TRUE(copy.open(QIODevice::ReadOnly));
    QByteArray stored = copy.readAll();
    QByteArray expected = sentBytes;
    // dovecot keeps Maildir files with bare LF line ends
    EXPECT_EQ(stored.replace("\r\n", "\n"), expected.replace("\r\n", "\n"));
    EXPECT_EQ(smtp.received().size(), 1); // the reply itself was not sent again
    EXPECT_EQ(storage::MessageRepository(ws.db()).find(replyId)->delivery, domain::Message::Delivery::Sent);
}

TEST_F(MailActionsRestartDovecotTest, SeenUpdateWaitingWhenTheEngineStopsIsStoredAfterTheRestart)
{
    saveAccount();
    ASSERT_TRUE(dovecot.deliver(QStringLiteral("INBOX"),
        "From: Ben <ben@customer.example>\r\nTo: agent@example.com\r\nSubject: Damaged parcel\r\n"
        "Message-ID: <crushed@customer.example>\r\n\r\nThe box was crushed.\r\n"));
    auto seenOnServer = [&] {
        const QStringList inbox = files(QStringLiteral("INBOX"));
        return inbox.size() == 1 && inbox.first().section(QStringLiteral(":2,"), 1).contains(u'S');
    };
    {
        auto running = startEngine();
        ASSERT_TRUE(waitUntil([&] { return count(QStringLiteral("SELECT count(*) FROM messages")) == 1; }, 15000))
            << why();
        const qint64 conversationId = count(QStringLiteral("SELECT conversation_id FROM messages"));
        EXPECT_EQ(count(QStringLiteral("SELECT unread FROM conversations")), 1);
        // The agent reads the conversation and the app quits at once, before the STORE could go out.
        running->markSeen(conversationId);
        running->stop();
    }
    const QList<storage::MailAction> waiting = pending(storage::MailAction::Kind::Seen);
    ASSERT_EQ(waiting.size(), 1);
    EXPECT_EQ(waiting.first().mailbox, QStringLiteral("INBOX"));
    EXPECT_EQ(waiting.first().uid, 1u);
    EXPECT_FALSE(seenOnServer());

    {
        auto running = startEngine();
        EXPECT_TRUE(waitUntil(seenOnServer, 15000)) << files(QStringLiteral("INBOX")).join(u' ').toStdString() << why();
        EXPECT_TRUE(waitUntil([&] { return pending(storage::MailAction::Kind::Seen).isEmpty(); }, 15000)) << why();
        running->stop();
    }
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM message_locations WHERE seen = 1")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM messages")), 1);
}

} // namespace
