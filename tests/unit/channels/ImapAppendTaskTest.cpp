// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// ImapAppendTask and the Message-ID search against a scripted server: the literal with and without LITERAL+, a
// missing folder created once (NO [TRYCREATE] → CREATE → APPEND), never in a loop.
#include "FakeTransportFactory.h"
#include "QtPrinters.h"
#include "TagGenerator.h"
#include "channels/email/ImapAppendTask.h"
#include "channels/email/ImapClient.h"
#include "channels/email/ImapConnectTask.h"
#include "channels/email/ImapSearchTask.h"

#include <QSignalSpy>

#include <gtest/gtest.h>
#include <memory>

using namespace waybill::channels;
using namespace waybill::channels::email;
using waybill::testing::FakeTransport;
using waybill::testing::FakeTransportFactory;
using waybill::testing::TagGenerator;

namespace {

const QByteArray Mail = "From: support@shop.example\r\nMessage-ID: <r1@shop.example>\r\nSubject: Re: Where?\r\n\r\n"
                        "On its way.\r\n";

class ImapAppendTaskTest : public ::testing::Test {
protected:
    void open(const QByteArray &capabilities)
    {
        ImapAccountConfig config;
        config.host = QStringLiteral("imap.example.com");
        config.username = QStringLiteral("agent@example.com");
        config.secret = QStringLiteral("secret");
        config.commandTimeoutMs = 200;
        m_client = std::make_unique<ImapClient>(m_factory, config);
        m_connect = std::make_unique<ImapConnectTask>(*m_client);
        QSignalSpy connected(m_connect.get(), &ImapTask::finished);
        m_connect->start();
        serverSays("* PREAUTH [CAPABILITY " + capabilities + "] welcome\r\n");
        ASSERT_EQ(connected.size(), 1);
    }
    void serverSays(const QByteArray &bytes) { m_factory.latest()->serverSays(bytes); }
    void expectClient(const QByteArray &bytes) { EXPECT_EQ(m_factory.latest()->takeWritten(), bytes); }
    void startAppend()
    {
        m_append = std::make_unique<ImapAppendTask>(*m_client, QStringLiteral("Sent"), Mail);
        m_finished = std::make_unique<QSignalSpy>(m_append.get(), &ImapTask::finished);
        m_failed = std::make_unique<QSignalSpy>(m_append.get(), &ImapTask::failed);
        m_append->start();
    }
    QByteArray literalHeader(bool plus) const
    {
        return " APPEND \"Sent\" (\\Seen) {" + QByteArray::number(Mail.size()) + (plus ? "+}\r\n" : "}\r\n");
    }

    FakeTransportFactory m_factory;
    std::unique_ptr<ImapClient> m_client;
    std::unique_ptr<ImapConnectTask> m_connect;
    std::unique_ptr<ImapAppendTask> m_append;
    std::unique_ptr<QSignalSpy> m_finished;
    std::unique_ptr<QSignalSpy> m_failed;
    TagGenerator m_tag;
};

TEST_F(ImapAppendTaskTest, SendsTheMessageAsANonSynchronisingLiteralWithLiteralPlus)
{
    open("IMAP4rev1 LITERAL+ UIDPLUS");
    startAppend();
    expectClient(m_tag.next() + literalHeader(true) + Mail + "\r\n");
    serverSays(m_tag.last() + " OK [APPENDUID 1700000000 42] Append completed.\r\n");
    EXPECT_EQ(m_finished->size(), 1);
    EXPECT_EQ(m_failed->size(), 0);
    EXPECT_EQ(m_append->appendedUidValidity(), 1700000000U);
    EXPECT_EQ(m_append->appendedUid(), 42U);
    EXPECT_FALSE(m_append->createdMailbox());
}

TEST_F(ImapAppendTaskTest, WaitsForTheContinuationWithoutLiteralPlus)
{
    open("IMAP4rev1");
    startAppend();
    expectClient(m_tag.next() + literalHeader(false));
    serverSays("+ OK\r\n");
    expectClient(Mail + "\r\n");
    serverSays(m_tag.last() + " OK Append completed.\r\n");
    EXPECT_EQ(m_finished->size(), 1);
    EXPECT_EQ(m_append->appendedUid(), 0U);
}

TEST_F(ImapAppendTaskTest, MissingFolderIsCreatedThenAppendedToOnce)
{
    open("IMAP4rev1 LITERAL+");
    startAppend();
    expectClient(m_tag.next() + literalHeader(true) + Mail + "\r\n");
    serverSays(m_tag.last() + " NO [TRYCREATE] Mailbox doesn't exist: Sent\r\n");
    expectClient(m_tag.next() + " CREATE \"Sent\"\r\n");
    serverSays(m_tag.last() + " OK Create completed.\r\n");
    expectClient(m_tag.next() + literalHeader(true) + Mail + "\r\n");
    serverSays(m_tag.last() + " OK Append completed.\r\n");
    EXPECT_EQ(m_finished->size(), 1);
    EXPECT_EQ(m_failed->size(), 0);
    EXPECT_TRUE(m_append->createdMailbox());
}

TEST_F(ImapAppendTaskTest, SecondTryCreateFailsInsteadOfLooping)
{
    open("IMAP4rev1 LITERAL+");
    startAppend();
    expectClient(m_tag.next() + literalHeader(true) + Mail + "\r\n");
    serverSays(m_tag.last() + " NO [TRYCREATE] Mailbox doesn't exist: Sent\r\n");
    expectClient(m_tag.next() + " CREATE \"Sent\"\r\n");
    serverSays(m_tag.last() + " NO [ALREADYEXISTS] Mailbox already exists\r\n");
    expectClient(m_tag.next() + literalHeader(true) + Mail + "\r\n");
    serverSays(m_tag.last() + " NO [TRYCREATE] Mailbox doesn't exist: Sent\r\n");
    expectClient("");
    ASSERT_EQ(m_failed->size(), 1);
    EXPECT_EQ(m_finished->size(), 0);
    EXPECT_EQ(m_failed->first().first().value<ImapError>().responseCode, QByteArray("TRYCREATE"));
}

TEST_F(ImapAppendTaskTest, RefusedCreateFailsWithTheServersWords)
{
    open("IMAP4rev1 LITERAL+");
    startAppend();
    expectClient(m_tag.next() + literalHeader(true) + Mail + "\r\n");
    serverSays(m_tag.last() + " NO [TRYCREATE] Mailbox doesn't exist: Sent\r\n");
    expectClient(m_tag.next() + " CREATE \"Sent\"\r\n");
    serverSays(m_tag.last() + " NO [NOPERM] Permission denied\r\n");
    expectClient("");
    ASSERT_EQ(m_failed->size(), 1);
    EXPECT_EQ(m_failed->first().first().value<ImapError>().message, QStringLiteral("Permission denied"));
}

TEST_F(ImapAppendTaskTest, SearchByMessageIdListsTheMatches)
{
    open("IMAP4rev1 LITERAL+");
    ImapSearchTask search(*m_client, QByteArray("Message-ID"), QStringLiteral("r1@shop.example"));
    QSignalSpy finished(&search, &ImapTask::finished);
    search.start();
    expectClient(m_tag.next() + " UID SEARCH HEADER \"Message-ID\" \"r1@shop.example\"\r\n");
    serverSays("* SEARCH 9 4\r\n" + m_tag.last() + " OK Search completed.\r\n");
    ASSERT_EQ(finished.size(), 1);
    EXPECT_EQ(search.uids(), (QList<quint32> { 4, 9 }));
}

TEST_F(ImapAppendTaskTest, SearchWithoutMatchesIsEmpty)
{
    open("IMAP4rev1");
    ImapSearchTask search(*m_client, QByteArray("Message-ID"), QStringLiteral("gone@shop.example"));
    QSignalSpy finished(&search, &ImapTask::finished);
    search.start();
    expectClient(m_tag.next() + " UID SEARCH HEADER \"Message-ID\" \"gone@shop.example\"\r\n");
    serverSays("* SEARCH\r\n" + m_tag.last() + " OK Search completed.\r\n");
    ASSERT_EQ(finished.size(), 1);
    EXPECT_TRUE(search.uids().isEmpty());
}

} // namespace
