// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// ImapMailboxSync against a scripted server: batched UID FETCH, IDLE, \Seen, a drop mid-FETCH and the resume,
// a UIDVALIDITY change, polling, a permanent failure.
#include "FakeTransportFactory.h"
#include "QtPrinters.h"
#include "TagGenerator.h"
#include "TestWorkspace.h"
#include "channels/email/ImapMailboxSync.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>
#include <memory>

using namespace waybill::channels;
using namespace waybill::channels::email;
using waybill::testing::FakeTransport;
using waybill::testing::FakeTransportFactory;
using waybill::testing::TagGenerator;
using waybill::testing::waitUntil;

namespace {

QByteArray message(quint32 uid)
{
    return "Subject: message " + QByteArray::number(uid) + "\r\n\r\nbody " + QByteArray::number(uid) + "\r\n";
}

QByteArray fetchResponse(quint32 sequence, quint32 uid, const QByteArray &flags = "\\Seen")
{
    const QByteArray body = message(uid);
    return "* " + QByteArray::number(sequence) + " FETCH (UID " + QByteArray::number(uid) + " FLAGS (" + flags
        + ") INTERNALDATE \"02-Mar-2026 10:00:00 +0000\" RFC822.SIZE " + QByteArray::number(body.size()) + " BODY[] {"
        + QByteArray::number(body.size()) + "}\r\n" + body + ")\r\n";
}

class ImapMailboxSyncTest : public ::testing::Test {
protected:
    void start(ImapSyncConfig config = {}, const QByteArray &capabilities = "IMAP4rev1 IDLE")
    {
        ImapAccountConfig account;
        account.host = QStringLiteral("imap.example.com");
        account.username = QStringLiteral("agent@example.com");
        account.secret = QStringLiteral("secret");
        account.commandTimeoutMs = 5000;
        config.batchMessages = 2;
        config.batchBytes = 1000;
        config.reconnectInitialMs = 10;
        m_sync = std::make_unique<ImapMailboxSync>(m_factory, account, config);
        QObject::connect(
            m_sync.get(), &ImapMailboxSync::messageFetched, m_sync.get(), [this](const ImapFetchedMessage &fetched) {
                m_messages.append(fetched);
                m_sync->confirm(fetched.uidValidity, fetched.uid); // stored, as the engine would
            });
        m_synced = std::make_unique<QSignalSpy>(m_sync.get(), &ImapMailboxSync::synced);
        m_interrupted = std::make_unique<QSignalSpy>(m_sync.get(), &ImapMailboxSync::interrupted);
        m_failed = std::make_unique<QSignalSpy>(m_sync.get(), &ImapMailboxSync::failed);
        m_capabilities = capabilities;
        m_sync->start();
        greet();
    }
    void greet()
    {
        m_tag = TagGenerator {};
        serverSays("* PREAUTH [CAPABILITY " + m_capabilities + "] ready\r\n");
    }
    void expectSelect(quint32 uidValidity)
    {
        expectClient(m_tag.next() + " SELECT \"INBOX\"\r\n");
        serverSays("* 4 EXISTS\r\n* OK [UIDVALIDITY " + QByteArray::number(uidValidity) + "] ok\r\n" + m_tag.last()
            + " OK [READ-WRITE] Select completed.\r\n");
    }
    FakeTransport *server() const { return m_factory.latest(); }
    void serverSays(const QByteArray &bytes) { server()->serverSays(bytes); }
    void expectClient(const QByteArray &bytes) { EXPECT_EQ(server()->takeWritten(), bytes); }
    QList<quint32> uids() const
    {
        QList<quint32> out;
        for (const auto &m : m_messages) {
            out.append(m.uid);
        }
        return out;
    }

    FakeTransportFactory m_factory;
    std::unique_ptr<ImapMailboxSync> m_sync;
    std::unique_ptr<QSignalSpy> m_synced;
    std::unique_ptr<QSignalSpy> m_interrupted;
    std::unique_ptr<QSignalSpy> m_failed;
    QList<ImapFetchedMessage> m_messages;
    QByteArray m_capabilities;
    TagGenerator m_tag;
};

TEST_F(ImapMailboxSyncTest, FetchesSizesThenBatchesWithTheBigMessageAlone)
{
    start();
    expectSelect(7);
    expectClient(m_tag.next() + " UID SEARCH UID 1:*\r\n");
    serverSays("* SEARCH 3 5 8 11\r\n" + m_tag.last() + " OK Search completed.\r\n");
    expectClient(m_tag.next() + " UID FETCH 3,5,8,11 (UID RFC822.SIZE)\r\n");
    serverSays("* 1 FETCH (UID 3 RFC822.SIZE 100)\r\n* 2 FETCH (UID 5 RFC822.SIZE 120)\r\n"
               "* 3 FETCH (UID 8 RFC822.SIZE 5000000)\r\n* 4 FETCH (UID 11 RFC822.SIZE 90)\r\n"
        + m_tag.last() + " OK Fetch completed.\r\n");
    expectClient(m_tag.next() + " UID FETCH 3,5 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])\r\n");
    serverSays(fetchResponse(2, 5) + fetchResponse(1, 3, "") + m_tag.last() + " OK Fetch completed.\r\n");
    EXPECT_EQ(uids(), (QList<quint32> { 3, 5 })); // in UID order, whatever order the server answered in
    expectClient(m_tag.next() + " UID FETCH 8 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])\r\n");
    serverSays(fetchResponse(3, 8) + m_tag.last() + " OK Fetch completed.\r\n");
    expectClient(m_tag.next() + " UID FETCH 11 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])\r\n");
    serverSays(fetchResponse(4, 11) + m_tag.last() + " OK Fetch completed.\r\n");
    EXPECT_EQ(m_synced->size(), 1);
    expectClient(m_tag.next() + " IDLE\r\n");

    ASSERT_EQ(uids(), (QList<quint32> { 3, 5, 8, 11 }));
    EXPECT_EQ(m_messages[0].uidValidity, 7u);
    EXPECT_EQ(m_messages[0].raw, message(3));
    EXPECT_FALSE(m_messages[0].isSeen());
    EXPECT_TRUE(m_messages[1].isSeen());
    EXPECT_EQ(m_messages[1].internalDate, QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC));
    EXPECT_EQ(m_sync->confirmedUid(), 11u);

    // New mail while idling is fetched from the last UID on.
    serverSays("+ idling\r\n");
    EXPECT_EQ(m_sync->state(), ImapMailboxSync::State::Idling);
    serverSays("* 5 EXISTS\r\n");
    expectClient("DONE\r\n");
    serverSays(m_tag.last() + " OK Idle completed.\r\n");
    expectClient(m_tag.next() + " UID SEARCH UID 12:*\r\n");
    serverSays("* SEARCH 12\r\n" + m_tag.last() + " OK Search completed.\r\n");
    expectClient(m_tag.next() + " UID FETCH 12 (UID RFC822.SIZE)\r\n");
    serverSays("* 5 FETCH (UID 12 RFC822.SIZE 60)\r\n" + m_tag.last() + " OK Fetch completed.\r\n");
    expectClient(m_tag.next() + " UID FETCH 12 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])\r\n");
    serverSays(fetchResponse(5, 12) + m_tag.last() + " OK Fetch completed.\r\n");
    expectClient(m_tag.next() + " IDLE\r\n");
    EXPECT_EQ(uids().last(), 12u);
    EXPECT_EQ(m_synced->size(), 2);
}

TEST_F(ImapMailboxSyncTest, TooLargeMessageComesWithoutItsBytes)
{
    ImapSyncConfig config;
    config.maxMessageBytes = 1000000;
    start(config);
    expectSelect(7);
    expectClient(m_tag.next() + " UID SEARCH UID 1:*\r\n");
    serverSays("* SEARCH 3\r\n" + m_tag.last() + " OK Search completed.\r\n");
    expectClient(m_tag.next() + " UID FETCH 3 (UID RFC822.SIZE)\r\n");
    serverSays("* 1 FETCH (UID 3 RFC822.SIZE 2000000)\r\n" + m_tag.last() + " OK Fetch completed.\r\n");
    expectClient(m_tag.next() + " UID FETCH 3 (UID FLAGS INTERNALDATE RFC822.SIZE)\r\n");
    serverSays("* 1 FETCH (UID 3 FLAGS () INTERNALDATE \"02-Mar-2026 10:00:00 +0000\" RFC822.SIZE 2000000)\r\n"
        + m_tag.last() + " OK Fetch completed.\r\n");
    ASSERT_EQ(m_messages.size(), 1);
    EXPECT_TRUE(m_messages[0].tooLarge);
    EXPECT_TRUE(m_messages[0].raw.isEmpty());
    EXPECT_EQ(m_messages[0].size, 2000000);
}

TEST_F(ImapMailboxSyncTest, DropInTheMiddleOfAFetchResumesAfterTheConfirmedUid)
{
    start();
    expectSelect(7);
    expectClient(m_tag.next() + " UID SEARCH UID 1:*\r\n");
    serverSays("* SEARCH 3 5 8 11\r\n" + m_tag.last() + " OK Search completed.\r\n");
    expectClient(m_tag.next() + " UID FETCH 3,5,8,11 (UID RFC822.SIZE)\r\n");
    serverSays("* 1 FETCH (UID 3 RFC822.SIZE 100)\r\n* 2 FETCH (UID 5 RFC822.SIZE 100)\r\n"
               "* 3 FETCH (UID 8 RFC822.SIZE 100)\r\n* 4 FETCH (UID 11 RFC822.SIZE 100)\r\n"
        + m_tag.last() + " OK Fetch completed.\r\n");
    expectClient(m_tag.next() + " UID FETCH 3,5 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])\r\n");
    serverSays(fetchResponse(1, 3) + fetchResponse(2, 5) + m_tag.last() + " OK Fetch completed.\r\n");
    expectClient(m_tag.next() + " UID FETCH 8,11 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])\r\n");
    const QByteArray partial = fetchResponse(3, 8);
    serverSays(partial.left(partial.size() / 2 + 20)); // cut inside the literal
    server()->serverCloses();
    ASSERT_EQ(m_interrupted->size(), 1);
    EXPECT_EQ(m_sync->state(), ImapMailboxSync::State::WaitingToReconnect);
    EXPECT_EQ(uids(), (QList<quint32> { 3, 5 }));

    ASSERT_TRUE(waitUntil([&]() { return m_factory.createdCount() == 2; }, 2000));
    greet();
    expectSelect(7);
    expectClient(m_tag.next() + " UID SEARCH UID 6:*\r\n");
    serverSays("* SEARCH 8 11\r\n" + m_tag.last() + " OK Search completed.\r\n");
    expectClient(m_tag.next() + " UID FETCH 8,11 (UID RFC822.SIZE)\r\n");
    serverSays("* 3 FETCH (UID 8 RFC822.SIZE 100)\r\n* 4 FETCH (UID 11 RFC822.SIZE 100)\r\n" + m_tag.last()
        + " OK Fetch completed.\r\n");
    expectClient(m_tag.next() + " UID FETCH 8,11 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])\r\n");
    serverSays(fetchResponse(3, 8) + fetchResponse(4, 11) + m_tag.last() + " OK Fetch completed.\r\n");
    EXPECT_EQ(uids(), (QList<quint32> { 3, 5, 8, 11 })); // each exactly once
    EXPECT_EQ(m_synced->size(), 1);
}

TEST_F(ImapMailboxSyncTest, UidValidityChangeRestartsFromTheFirstMessage)
{
    ImapSyncConfig config;
    config.uidValidity = 7;
    config.lastUid = 11;
    start(config);
    QSignalSpy changed(m_sync.get(), &ImapMailboxSync::uidValidityChanged);
    expectSelect(9);
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(changed.first().at(1).toUInt(), 7u);
    EXPECT_EQ(changed.first().at(2).toUInt(), 9u);
    expectClient(m_tag.next() + " UID SEARCH UID 1:*\r\n");
    serverSays("* SEARCH 1\r\n" + m_tag.last() + " OK Search completed.\r\n");
    expectClient(m_tag.next() + " UID FETCH 1 (UID RFC822.SIZE)\r\n");
    serverSays("* 1 FETCH (UID 1 RFC822.SIZE 100)\r\n" + m_tag.last() + " OK Fetch completed.\r\n");
    server()->takeWritten();
    serverSays(fetchResponse(1, 1) + m_tag.next() + " OK Fetch completed.\r\n");
    ASSERT_EQ(m_messages.size(), 1);
    EXPECT_EQ(m_messages[0].uidValidity, 9u);
    EXPECT_EQ(m_sync->uidValidity(), 9u);
}

TEST_F(ImapMailboxSyncTest, SeenIsStoredBetweenIdles)
{
    ImapSyncConfig config;
    config.uidValidity = 7;
    config.lastUid = 11;
    start(config);
    expectSelect(7);
    expectClient(m_tag.next() + " UID SEARCH UID 12:*\r\n");
    serverSays("* SEARCH 11\r\n" + m_tag.last() + " OK Search completed.\r\n");
    expectClient(m_tag.next() + " IDLE\r\n");
    serverSays("+ idling\r\n");
    QSignalSpy flags(m_sync.get(), &ImapMailboxSync::flagsChanged);
    serverSays("* 4 FETCH (UID 11 FLAGS (\\Seen))\r\n"); // read in another mail client
    ASSERT_EQ(flags.size(), 1);
    EXPECT_EQ(flags.first().at(2).toUInt(), 11u);
    expectClient("DONE\r\n");
    m_sync->setSeen(7, 5, true);
    serverSays(m_tag.last() + " OK Idle completed.\r\n");
    expectClient(m_tag.next() + " UID SEARCH UID 12:*\r\n");
    serverSays("* SEARCH 11\r\n" + m_tag.last() + " OK Search completed.\r\n");
    expectClient(m_tag.next() + " UID STORE 5 +FLAGS.SILENT (\\Seen)\r\n");
    serverSays(m_tag.last() + " OK Store completed.\r\n");
    expectClient(m_tag.next() + " IDLE\r\n");
    serverSays("+ idling\r\n");
    m_sync->setSeen(7, 3, false);
    expectClient("DONE\r\n");
    serverSays(m_tag.last() + " OK Idle completed.\r\n");
    expectClient(m_tag.next() + " UID SEARCH UID 12:*\r\n");
    serverSays("* SEARCH 11\r\n" + m_tag.last() + " OK Search completed.\r\n");
    expectClient(m_tag.next() + " UID STORE 3 -FLAGS.SILENT (\\Seen)\r\n");
}

TEST_F(ImapMailboxSyncTest, FlagsNamedBySequenceNumberAreReadAgainByUid)
{
    ImapSyncConfig config;
    config.uidValidity = 7;
    config.lastUid = 11;
    start(config);
    expectSelect(7);
    expectClient(m_tag.next() + " UID SEARCH UID 12:*\r\n");
    serverSays("* SEARCH 11\r\n" + m_tag.last() + " OK Search completed.\r\n");
    expectClient(m_tag.next() + " IDLE\r\n");
    serverSays("+ idling\r\n");
    QSignalSpy flags(m_sync.get(), &ImapMailboxSync::flagsChanged);
    serverSays("* 4 FETCH (FLAGS (\\Seen))\r\n"); // read in another client; no UID in the update
    EXPECT_TRUE(flags.isEmpty());
    expectClient("DONE\r\n");
    serverSays(m_tag.last() + " OK Idle completed.\r\n");
    expectClient(m_tag.next() + " UID SEARCH UID 12:*\r\n");
    serverSays("* SEARCH 11\r\n" + m_tag.last() + " OK Search completed.\r\n");
    expectClient(m_tag.next() + " UID FETCH 1:11 (FLAGS)\r\n");
    serverSays("* 4 FETCH (UID 11 FLAGS (\\Seen))\r\n* 3 FETCH (UID 9 FLAGS ())\r\n" + m_tag.last()
        + " OK Fetch completed.\r\n");
    ASSERT_EQ(flags.size(), 2);
    EXPECT_EQ(flags.first().at(2).toUInt(), 11u);
    EXPECT_EQ(flags.first().at(3).toStringList(), QStringList { QStringLiteral("\\Seen") });
    expectClient(m_tag.next() + " IDLE\r\n");
}

TEST_F(ImapMailboxSyncTest, PollsWhenTheServerHasNoIdle)
{
    ImapSyncConfig config;
    config.uidValidity = 7;
    config.lastUid = 11;
    config.pollIntervalMs = 20;
    start(config, "IMAP4rev1");
    expectSelect(7);
    expectClient(m_tag.next() + " UID SEARCH UID 12:*\r\n");
    serverSays("* SEARCH 11\r\n" + m_tag.last() + " OK Search completed.\r\n");
    expectClient("");
    EXPECT_EQ(m_sync->state(), ImapMailboxSync::State::Polling);
    const QByteArray next = m_tag.next() + " UID SEARCH UID 12:*\r\n";
    ASSERT_TRUE(waitUntil([&]() { return server()->takeWritten() == next; }, 2000));
}

TEST_F(ImapMailboxSyncTest, RejectedCredentialsStopTheSync)
{
    ImapAccountConfig account;
    account.host = QStringLiteral("imap.example.com");
    account.username = QStringLiteral("agent@example.com");
    account.secret = QStringLiteral("wrong");
    ImapSyncConfig config;
    config.reconnectInitialMs = 10;
    ImapMailboxSync sync(m_factory, account, config);
    QSignalSpy failed(&sync, &ImapMailboxSync::failed);
    QSignalSpy interrupted(&sync, &ImapMailboxSync::interrupted);
    sync.start();
    serverSays("* OK [CAPABILITY IMAP4rev1] ready\r\n");
    expectClient("A1 LOGIN \"agent@example.com\" \"wrong\"\r\n");
    serverSays("A1 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n");
    ASSERT_EQ(failed.size(), 1);
    EXPECT_EQ(interrupted.size(), 0);
    EXPECT_EQ(sync.state(), ImapMailboxSync::State::Failed);
    QTest::qWait(50);
    EXPECT_EQ(m_factory.createdCount(), 1); // no retry with a rejected password
}

TEST_F(ImapMailboxSyncTest, TemporaryErrorsBackOff)
{
    start();
    expectClient(m_tag.next() + " SELECT \"INBOX\"\r\n");
    serverSays(m_tag.last() + " NO [UNAVAILABLE] Temporary failure\r\n");
    ASSERT_EQ(m_interrupted->size(), 1);
    EXPECT_EQ(m_interrupted->at(0).at(1).toInt(), 10);
    ASSERT_TRUE(waitUntil([&]() { return m_factory.createdCount() == 2; }, 2000));
    greet();
    expectClient(m_tag.next() + " SELECT \"INBOX\"\r\n");
    serverSays(m_tag.last() + " NO [UNAVAILABLE] Temporary failure\r\n");
    ASSERT_EQ(m_interrupted->size(), 2);
    EXPECT_EQ(m_interrupted->at(1).at(1).toInt(), 20);
}

} // namespace
