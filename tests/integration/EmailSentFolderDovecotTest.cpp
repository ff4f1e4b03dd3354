// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Both real servers together: the SMTP server delivers into dovecot's INBOX. A reply is sent, saved in Sent and
// then seen over IMAP without becoming a second copy; a reply interrupted mid-send is confirmed from Sent or
// sent again with the same Message-ID; \Seen travels both ways.
#include "DovecotServer.h"
#include "LoopbackProxy.h"
#include "SmtpServer.h"
#include "TestWorkspace.h"
#include "channels/SslTransportFactory.h"
#include "channels/email/ImapSentFolder.h"
#include "channels/email/MimeParser.h"
#include "engine/ConversationActions.h"
#include "engine/EmailInbound.h"
#include "engine/EmailOutbound.h"
#include "engine/Ingest.h"
#include "engine/SeenSync.h"
#include "engine/SlaClock.h"
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
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace waybill;
using waybill::testing::DovecotServer;
using waybill::testing::SmtpServer;
using waybill::testing::waitUntil;

namespace {

QByteArray question(const QByteArray &id)
{
    return "From: Ava Hughes <ava@customer.example>\r\nTo: agent@example.com\r\nSubject: Where is order #1042?\r\n"
           "Message-ID: <"
        + id
        + ">\r\nDate: Mon, 23 Nov 2026 09:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
          "It has not arrived.\r\n";
}

class EmailSentFolderDovecotTest : public ::testing::Test {
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
        dovecot = std::make_unique<DovecotServer>();
        ASSERT_TRUE(dovecot->start()) << dovecot->errorString().toStdString();
        smtp = std::make_unique<SmtpServer>();
        ASSERT_TRUE(smtp->start(dovecot->maildir())) << smtp->errorString().toStdString();
        store = std::make_unique<storage::AttachmentStore>(dir.path());
        ingest = std::make_unique<engine::Ingest>(ws.db(), *store, sla, [] { return now(); });
        account.id = QStringLiteral("email:agent@example.com");
        account.name = QStringLiteral("Support");
        account.address = QStringLiteral("agent@example.com");
        account.displayName = QStringLiteral("Shop Support");
        account.imapUrl = QStringLiteral("imap+plain://127.0.0.1:") + QString::number(dovecot->port());
        account.smtpUrl = QStringLiteral("smtp+plain://127.0.0.1:") + QString::number(smtp->port());
        account.username = DovecotServer::userName();
        account.sentFolder = QStringLiteral("Sent");
        agentId = storage::AgentRepository(ws.db()).insertAgent(
            { 0, QStringLiteral("Mia Chen"), QStringLiteral("mia@shop.example"), 0 });
    }

    static qint64 now() { return QDateTime::currentSecsSinceEpoch(); }

    std::unique_ptr<engine::EmailInbound> startInbound()
    {
        auto inbound
            = std::make_unique<engine::EmailInbound>(ws.db(), *ingest, transports, account, DovecotServer::password());
        QObject::connect(inbound.get(), &engine::EmailInbound::failed, inbound.get(),
            [](const QString &message) { ADD_FAILURE() << message.toStdString(); });
        EXPECT_TRUE(inbound->start());
        return inbound;
    }

    std::unique_ptr<engine::EmailOutbound> startOutbound()
    {
        auto outbound = std::make_unique<engine::EmailOutbound>(
            ws.db(), transports, account, SmtpServer::password(), [] { return now(); });
        outbound->setSentFolderRetryInterval(200);
        EXPECT_TRUE(outbound->start(50));
        return outbound;
    }

    /// The customer's question, fetched from dovecot: its conversation.
    qint64 fetchQuestion(engine::EmailInbound &inbound, const QByteArray &id)
    {
        EXPECT_TRUE(dovecot->deliver(QStringLiteral("INBOX"), question(id)));
        EXPECT_TRUE(waitUntil([&] { return count(QStringLiteral("SELECT count(*) FROM messages")) == 1; }, 15000))
            << dovecot->log().toStdString();
        Q_UNUSED(inbound)
        return count(QStringLiteral("SELECT conversation_id FROM messages"));
    }

    qint64 reply(qint64 conversationId, const QString &text)
    {
        engine::ConversationActions actions(ws.db(), sla, agentId, [] { return now(); });
        const auto c = storage::ConversationRepository(ws.db()).find(conversationId);
        return actions.reply(conversationId, c->version, text);
    }

    qint64 count(const QString &sql)
    {
        storage::SqlQuery q(ws.db(), sql);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }

    /// Whether dovecot's `mailbox` holds a message with this Message-ID, asked over IMAP.
    bool inFolder(const QString &mailbox, const QString &messageId)
    {
        channels::email::ImapAccountConfig config;
        config.host = QStringLiteral("127.0.0.1");
        config.port = dovecot->port();
        config.security = channels::Transport::Security::None;
        config.username = DovecotServer::userName();
        config.secret = DovecotServer::password();
        channels::email::ImapSentFolder folder(transports, config, mailbox);
        QSignalSpy found(&folder, &channels::email::ImapSentFolder::found);
        QSignalSpy failed(&folder, &channels::email::ImapSentFolder::failed);
        folder.find(1, messageId);
        EXPECT_TRUE(waitUntil([&] { return found.size() + failed.size() > 0; }, 10000));
        return !found.isEmpty() && found.first().at(1).toBool();
    }

    /// Files in a Maildir folder's cur/ whose flags include `flag` (S: \Seen).
    int flaggedFiles(const QString &mailbox, QChar flag)
    {
        int n = 0;
        const QDir cur(dovecot->maildir(mailbox) + QStringLiteral("/cur"));
        for (const QString &name : cur.entryList(QDir::Files)) {
            if (name.section(QStringLiteral(":2,"), 1).contains(flag)) {
                ++n;
            }
        }
        return n;
    }

    waybill::testing::TestWorkspace ws { waybill::testing::TestWorkspace::Kind::OnDisk };
    QTemporaryDir dir;
    engine::SlaClock sla;
    channels::SslTransportFactory transports;
    std::unique_ptr<DovecotServer> dovecot;
    std::unique_ptr<SmtpServer> smtp;
    std::unique_ptr<storage::AttachmentStore> store;
    std::unique_ptr<engine::Ingest> ingest;
    domain::EmailAccount account;
    qint64 agentId = 0;
};

TEST_F(EmailSentFolderDovecotTest, ReplyIsSentThenSeenOverImapWithoutASecondCopyAndSavedInSent)
{
    auto inbound = startInbound();
    const qint64 conversationId = fetchQuestion(*inbound, "q1@customer.example");
    ASSERT_GT(conversationId, 0);

    const qint64 id = reply(conversationId, QStringLiteral("It is with UPS and arrives tomorrow."));
    auto outbound = startOutbound();
    auto message = [&] { return *storage::MessageRepository(ws.db()).find(id); };
    ASSERT_TRUE(waitUntil([&] { return message().delivery == domain::Message::Delivery::Sent; }, 10000))
        << message().error.toStdString() << smtp->log().toStdString();
    const QString emailMessageId = storage::OutboxRepository(ws.db()).forMessage(id)->emailMessageId;

    // The SMTP server delivered it into dovecot's INBOX: IMAP sees it, and it stays one message.
    ASSERT_TRUE(waitUntil([&] { return inFolder(QStringLiteral("INBOX"), emailMessageId); }, 10000))
        << dovecot->log().toStdString();
    // EmailInbound has fetched it too (its UID is stored) and skipped it as ours.
    ASSERT_TRUE(waitUntil(
        [&] { return count(QStringLiteral("SELECT value FROM sync_state WHERE key = 'imap:INBOX:lastuid'")) == 2; },
        10000));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM messages")), 2); // the question and our reply
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM conversations")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM messages WHERE direction = 'in'")), 1);

    // The exact bytes that went out are in Sent.
    ASSERT_TRUE(waitUntil([&] { return inFolder(QStringLiteral("Sent"), emailMessageId); }, 10000));
    const QDir sent(dovecot->maildir(QStringLiteral("Sent")) + QStringLiteral("/cur"));
    const QStringList files
        = sent.entryList(QDir::Files) + QDir(sent.path() + QStringLiteral("/../new")).entryList(QDir::Files);
    ASSERT_EQ(smtp->received().size(), 1);
    EXPECT_EQ(files.size(), 1);
    // The copy was recorded until the folder had it.
    EXPECT_TRUE(waitUntil([&] { return storage::MailActionRepository(ws.db()).count() == 0; }, 10000));
}

TEST_F(EmailSentFolderDovecotTest, SentCopyThatFailsIsRecordedAndRetriedFromTheRecordedBytes)
{
    // The first IMAP connection for the copy is closed before the greeting; the next one goes through.
    waybill::testing::LoopbackProxy proxy(dovecot->port());
    proxy.cutAfter("* OK", 1, 0);
    account.imapUrl = QStringLiteral("imap+plain://127.0.0.1:") + QString::number(proxy.port());
    domain::IncomingMessage customer;
    customer.account = account.id;
    customer.externalId = QStringLiteral("retry@customer.example");
    customer.messageId = QStringLiteral("retry@customer.example");
    customer.subject = QStringLiteral("Where is order #1042?");
    customer.fromAddress = QStringLiteral("ava@customer.example");
    customer.bodyText = QStringLiteral("It has not arrived.");
    customer.sentAt = now() - 60;
    const qint64 id = reply(ingest->ingest(customer).conversationId, QStringLiteral("Refund issued."));

    auto outbound = startOutbound();
    QList<storage::MailAction> atFailure;
    QObject::connect(outbound.get(), &engine::EmailOutbound::problem, outbound.get(), [&](const QString &) {
        atFailure = storage::MailActionRepository(ws.db()).pending(account.id, storage::MailAction::Kind::SentCopy);
    });
    auto message = [&] { return *storage::MessageRepository(ws.db()).find(id); };
    ASSERT_TRUE(waitUntil([&] { return message().delivery == domain::Message::Delivery::Sent; }, 10000))
        << message().error.toStdString();
    const QString emailMessageId = storage::OutboxRepository(ws.db()).forMessage(id)->emailMessageId;
    ASSERT_TRUE(waitUntil([&] { return storage::MailActionRepository(ws.db()).count() == 0; }, 10000));
    EXPECT_EQ(proxy.cuts(), 1);
    ASSERT_EQ(atFailure.size(), 1); // while it failed, the copy waited, recorded with the reason
    EXPECT_EQ(atFailure.first().attempts, 1);
    EXPECT_FALSE(atFailure.first().lastError.isEmpty());
    EXPECT_EQ(atFailure.first().content, smtp->received().first().content);
    EXPECT_TRUE(inFolder(QStringLiteral("Sent"), emailMessageId));
    EXPECT_EQ(smtp->received().size(), 1);
}

TEST_F(EmailSentFolderDovecotTest, InterruptedReplyFoundInSentIsConfirmedNotSentAgain)
{
    auto inbound = startInbound();
    const qint64 conversationId = fetchQuestion(*inbound, "q2@customer.example");
    const qint64 id = reply(conversationId, QStringLiteral("Refund issued."));
    const storage::OutboxRepository outbox(ws.db());
    const qint64 rowId = outbox.forMessage(id)->id;
    ASSERT_TRUE(outbox.claim(rowId, QStringLiteral("crash1@example.com"))); // stopped mid-send
    ASSERT_TRUE(dovecot->deliver(QStringLiteral("Sent"),
        "From: agent@example.com\r\nTo: ava@customer.example\r\nSubject: Re: Where is order #1042?\r\n"
        "Message-ID: <crash1@example.com>\r\n\r\nRefund issued.\r\n"));

    auto outbound = startOutbound();
    auto message = [&] { return *storage::MessageRepository(ws.db()).find(id); };
    ASSERT_TRUE(waitUntil([&] { return message().delivery == domain::Message::Delivery::Sent; }, 10000));
    EXPECT_TRUE(message().error.contains(QStringLiteral("Sent folder"))) << message().error.toStdString();
    EXPECT_EQ(outbox.find(rowId)->state, QStringLiteral("done"));
    QTest::qWait(300);
    EXPECT_TRUE(smtp->received().isEmpty());
}

TEST_F(EmailSentFolderDovecotTest, InterruptedReplyMissingFromSentIsSentAgainWithTheSameMessageId)
{
    auto inbound = startInbound();
    const qint64 conversationId = fetchQuestion(*inbound, "q3@customer.example");
    const qint64 id = reply(conversationId, QStringLiteral("Refund issued."));
    const storage::OutboxRepository outbox(ws.db());
    const qint64 rowId = outbox.forMessage(id)->id;
    ASSERT_TRUE(outbox.claim(rowId, QStringLiteral("crash2@example.com")));

    auto outbound = startOutbound();
    QStringList problems;
    QObject::connect(outbound.get(), &engine::EmailOutbound::problem, outbound.get(),
        [&](const QString &problem) { problems << problem; });
    auto message = [&] { return *storage::MessageRepository(ws.db()).find(id); };
    ASSERT_TRUE(waitUntil([&] { return message().delivery == domain::Message::Delivery::Sent; }, 10000))
        << message().error.toStdString() << outbox.find(rowId)->state.toStdString()
        << problems.join(u'\n').toStdString();
    ASSERT_EQ(smtp->received().size(), 1);
    const auto parsed = channels::email::MimeParser::parse(smtp->received().first().content);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed.message->messageId, QStringLiteral("crash2@example.com"));
    ASSERT_TRUE(
        waitUntil([&] { return inFolder(QStringLiteral("Sent"), QStringLiteral("crash2@example.com")); }, 10000));
}

TEST_F(EmailSentFolderDovecotTest, SeenTravelsBothWays)
{
    // Read elsewhere before Waybill fetched it: stored as read.
    const QString inbox = dovecot->maildir();
    const QString name = QStringLiteral("1700000000.M1P1.read-elsewhere:2,S");
    {
        QFile file(inbox + QStringLiteral("/cur/") + name);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(question("seen@customer.example"));
    }
    dovecot->maildir(); // owned by dovecot's user again
    auto inbound = startInbound();
    ASSERT_TRUE(waitUntil([&] { return count(QStringLiteral("SELECT count(*) FROM messages")) == 1; }, 15000));
    EXPECT_EQ(count(QStringLiteral("SELECT unread FROM conversations")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM message_locations WHERE seen = 1")), 1);

    // New unread mail; the agent opens the conversation → \Seen on the server.
    ASSERT_TRUE(dovecot->deliver(QStringLiteral("INBOX"),
        "From: Ben <ben@customer.example>\r\nTo: agent@example.com\r\nSubject: Damaged parcel\r\n"
        "Message-ID: <new@customer.example>\r\n\r\nThe box was crushed.\r\n"));
    ASSERT_TRUE(waitUntil([&] { return count(QStringLiteral("SELECT count(*) FROM messages")) == 2; }, 15000));
    const qint64 conversationId
        = count(QStringLiteral("SELECT conversation_id FROM messages WHERE message_id = 'new@customer.example'"));
    EXPECT_EQ(count(QStringLiteral("SELECT unread FROM conversations WHERE id = %1").arg(conversationId)), 1);
    const auto unseen = engine::SeenSync(ws.db()).takeUnseen(conversationId, now());
    ASSERT_EQ(unseen.size(), 1);
    inbound->setSeen(unseen.first().mailbox, unseen.first().uidValidity, unseen.first().uid);
    EXPECT_TRUE(waitUntil([&] { return flaggedFiles(QStringLiteral("INBOX"), u'S') == 2; }, 10000))
        << QDir(dovecot->maildir() + QStringLiteral("/cur")).entryList(QDir::Files).join(u' ').toStdString() << " | "
        << QDir(dovecot->maildir() + QStringLiteral("/new")).entryList(QDir::Files).join(u' ').toStdString() << " "
        << unseen.first().uidValidity << "/" << unseen.first().uid;
    EXPECT_TRUE(engine::SeenSync(ws.db()).takeUnseen(conversationId, now()).isEmpty()); // flagged once
    // The server confirmed the STORE: nothing waits for a restart any more.
    EXPECT_TRUE(waitUntil([&] { return storage::MailActionRepository(ws.db()).count() == 0; }, 10000));
}

} // namespace

namespace {

// Dovecot's unsolicited flag updates during IDLE name the message by sequence number only: ImapMailboxSync leaves
// IDLE and reads the newest messages' flags again by UID.
TEST_F(EmailSentFolderDovecotTest, ReadInAnotherClientMakesTheConversationRead)
{
    auto inbound = startInbound();
    QSignalSpy changed(inbound.get(), &engine::EmailInbound::conversationsChanged);
    const qint64 conversationId = fetchQuestion(*inbound, "elsewhere@customer.example");
    ASSERT_TRUE(waitUntil([&] { return inbound->isSynced(); }, 10000));
    EXPECT_EQ(count(QStringLiteral("SELECT unread FROM conversations WHERE id = %1").arg(conversationId)), 1);
    changed.clear();
    // Another mail client reads it: in a Maildir that is the file's flags changing (dovecot notices at once).
    const QString maildir = dovecot->maildir();
    QStringList files;
    for (const QString &sub : { QStringLiteral("/new/"), QStringLiteral("/cur/") }) {
        for (const QString &name : QDir(maildir + sub).entryList(QDir::Files)) {
            files << sub + name;
        }
    }
    ASSERT_EQ(files.size(), 1);
    const QString name = files.first().section(u'/', 2).section(QStringLiteral(":2,"), 0, 0);
    ASSERT_TRUE(
        QFile::rename(maildir + files.first(), maildir + QStringLiteral("/cur/") + name + QStringLiteral(":2,S")));
    EXPECT_TRUE(waitUntil(
        [&] {
            return count(QStringLiteral("SELECT unread FROM conversations WHERE id = %1").arg(conversationId)) == 0;
        },
        10000))
        << dovecot->log().toStdString();
    EXPECT_FALSE(changed.isEmpty());
}

} // namespace
