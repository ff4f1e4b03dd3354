// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// SmtpCodec: replies fed in pieces, EHLO capabilities, command formatting, dot-stuffing and queue ids.
#include "QtPrinters.h"
#include "channels/email/SmtpCodec.h"

#include <gtest/gtest.h>

using namespace waybill::channels::email;

namespace {

QList<SmtpReply> parseAll(SmtpCodec &codec, QByteArrayView bytes, qsizetype chunk)
{
    QList<SmtpReply> replies;
    for (qsizetype pos = 0; pos < bytes.size(); pos += chunk) {
        codec.feed(bytes.sliced(pos, std::min(chunk, bytes.size() - pos)));
        SmtpReply reply;
        while (codec.next(reply) == SmtpCodec::Status::Reply) {
            replies.append(reply);
        }
    }
    return replies;
}

const QByteArray Ehlo = "250-smtp.example.com Hello [192.0.2.7]\r\n"
                        "250-SIZE 35882577\r\n"
                        "250-8BITMIME\r\n"
                        "250-STARTTLS\r\n"
                        "250-ENHANCEDSTATUSCODES\r\n"
                        "250-PIPELINING\r\n"
                        "250-auth PLAIN login XOAUTH2\r\n"
                        "250-CHUNKING\r\n"
                        "250 SMTPUTF8\r\n";

TEST(SmtpCodecTest, SingleLineReplyWithEnhancedStatus)
{
    SmtpCodec codec;
    const QList<SmtpReply> replies = parseAll(codec, "250 2.0.0 Ok: queued as 4F3B21C0D2\r\n", 1000);
    ASSERT_EQ(replies.size(), 1);
    EXPECT_EQ(replies[0].code, 250);
    EXPECT_EQ(replies[0].enhancedStatus, "2.0.0");
    EXPECT_EQ(replies[0].text(), QStringLiteral("Ok: queued as 4F3B21C0D2"));
    EXPECT_TRUE(replies[0].isPositive());
    EXPECT_EQ(codec.bufferedBytes(), 0);
}

TEST(SmtpCodecTest, MultiLineReplyArrivesByteByByte)
{
    SmtpCodec codec;
    const QList<SmtpReply> replies = parseAll(codec, QByteArray(Ehlo + "220 2.0.0 Ready to start TLS\r\n"), 1);
    ASSERT_EQ(replies.size(), 2);
    EXPECT_EQ(replies[0].code, 250);
    EXPECT_EQ(replies[0].lines.size(), 9);
    EXPECT_EQ(replies[0].lines.first(), "smtp.example.com Hello [192.0.2.7]");
    EXPECT_EQ(replies[1].code, 220);
}

TEST(SmtpCodecTest, AnUnfinishedReplyWaits)
{
    SmtpCodec codec;
    codec.feed("250-first\r\n250-sec");
    SmtpReply reply;
    EXPECT_EQ(codec.next(reply), SmtpCodec::Status::NeedMoreData);
    EXPECT_EQ(codec.bufferedBytes(), 18);
    codec.feed("ond\r\n250 last");
    EXPECT_EQ(codec.next(reply), SmtpCodec::Status::NeedMoreData);
    codec.feed("\r\n");
    ASSERT_EQ(codec.next(reply), SmtpCodec::Status::Reply);
    EXPECT_EQ(reply.lines, (QByteArrayList { "first", "second", "last" }));
}

TEST(SmtpCodecTest, BareLineFeedsAndCodesWithoutText)
{
    SmtpCodec codec;
    const QList<SmtpReply> replies = parseAll(codec, "220 mx ESMTP\n250\r\n", 3);
    ASSERT_EQ(replies.size(), 2);
    EXPECT_EQ(replies[0].text(), QStringLiteral("mx ESMTP"));
    EXPECT_EQ(replies[1].code, 250);
    EXPECT_EQ(replies[1].text(), QString());
}

TEST(SmtpCodecTest, RepeatedEnhancedStatusIsTakenOffEveryLine)
{
    SmtpCodec codec;
    const QList<SmtpReply> replies = parseAll(codec,
        "550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n"
        "550-5.1.1 double-checking the recipient's email address for typos or\r\n"
        "550 5.1.1 unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser a1si - gsmtp\r\n",
        7);
    ASSERT_EQ(replies.size(), 1);
    EXPECT_EQ(replies[0].code, 550);
    EXPECT_EQ(replies[0].enhancedStatus, "5.1.1");
    EXPECT_TRUE(replies[0].isPermanentFailure());
    EXPECT_TRUE(replies[0].text().startsWith(QStringLiteral("The email account that you tried")));
    EXPECT_FALSE(replies[0].text().contains(QStringLiteral("5.1.1")));
    EXPECT_EQ(replies[0].lines.size(), 3);
}

TEST(SmtpCodecTest, AnEnhancedStatusOfAnotherClassIsText)
{
    SmtpCodec codec;
    const QList<SmtpReply> replies = parseAll(codec, "451 5.1.1 odd\r\n452 4.3.1 Insufficient system storage\r\n", 100);
    ASSERT_EQ(replies.size(), 2);
    EXPECT_EQ(replies[0].enhancedStatus, "");
    EXPECT_EQ(replies[0].text(), QStringLiteral("5.1.1 odd"));
    EXPECT_EQ(replies[1].enhancedStatus, "4.3.1");
    EXPECT_TRUE(replies[1].isTransientFailure());
}

TEST(SmtpCodecTest, UtfEightInTheServersWords)
{
    SmtpCodec codec;
    const QList<SmtpReply> replies
        = parseAll(codec, "550 5.7.1 \xe5\x8f\x97\xe4\xbf\xa1\xe6\x8b\x92\xe5\x90\xa6\r\n", 4);
    ASSERT_EQ(replies.size(), 1);
    EXPECT_EQ(replies[0].text(), QStringLiteral("\u53d7\u4fe1\u62d2\u5426"));
}

TEST(SmtpCodecTest, GarbageBreaksTheStream)
{
    SmtpCodec codec;
    codec.feed("HTTP/1.1 400 Bad Request\r\n");
    SmtpReply reply;
    EXPECT_EQ(codec.next(reply), SmtpCodec::Status::Error);
    EXPECT_TRUE(codec.isBroken());
    EXPECT_FALSE(codec.errorString().isEmpty());
    codec.feed("250 ok\r\n");
    EXPECT_EQ(codec.next(reply), SmtpCodec::Status::Error);
    codec.reset();
    codec.feed("250 ok\r\n");
    EXPECT_EQ(codec.next(reply), SmtpCodec::Status::Reply);
}

TEST(SmtpCodecTest, ACodeThatChangesInsideAReplyIsAnError)
{
    SmtpCodec codec;
    codec.feed("250-one\r\n550 two\r\n");
    SmtpReply reply;
    EXPECT_EQ(codec.next(reply), SmtpCodec::Status::Error);
}

TEST(SmtpCodecTest, BadSeparatorAndOutOfRangeCodesAreErrors)
{
    for (const QByteArray &line : { QByteArray("250x\r\n"), QByteArray("150 ok\r\n"), QByteArray("25 ok\r\n") }) {
        SmtpCodec codec;
        codec.feed(line);
        SmtpReply reply;
        EXPECT_EQ(codec.next(reply), SmtpCodec::Status::Error) << line.toStdString();
    }
}

TEST(SmtpCodecTest, OverlongLineIsAnError)
{
    SmtpCodec codec(SmtpCodec::Limits { 100, 10 });
    codec.feed(QByteArray("250 " + QByteArray(200, 'a')));
    SmtpReply reply;
    EXPECT_EQ(codec.next(reply), SmtpCodec::Status::Error);
}

TEST(SmtpCodecTest, TooManyLinesIsAnError)
{
    SmtpCodec codec(SmtpCodec::Limits { 100, 3 });
    codec.feed("250-a\r\n250-b\r\n250-c\r\n250-d\r\n250 e\r\n");
    SmtpReply reply;
    EXPECT_EQ(codec.next(reply), SmtpCodec::Status::Error);
}

TEST(SmtpCodecTest, EhloCapabilities)
{
    SmtpCodec codec;
    const QList<SmtpReply> replies = parseAll(codec, Ehlo, 1000);
    ASSERT_EQ(replies.size(), 1);
    const SmtpCapabilities capabilities = SmtpCodec::parseCapabilities(replies[0]);
    EXPECT_TRUE(capabilities.known);
    EXPECT_TRUE(capabilities.startTls);
    EXPECT_TRUE(capabilities.pipelining);
    EXPECT_TRUE(capabilities.eightBitMime);
    EXPECT_TRUE(capabilities.smtpUtf8);
    EXPECT_TRUE(capabilities.enhancedStatusCodes);
    EXPECT_TRUE(capabilities.hasSize);
    EXPECT_EQ(capabilities.maxSize, 35882577);
    EXPECT_EQ(capabilities.authMechanisms, (QByteArrayList { "PLAIN", "LOGIN", "XOAUTH2" }));
    EXPECT_TRUE(capabilities.hasAuth("xoauth2"));
    EXPECT_TRUE(capabilities.hasKeyword("chunking"));
    EXPECT_FALSE(capabilities.hasKeyword("smtp.example.com"));
}

TEST(SmtpCodecTest, OldStyleAuthAndSizeWithoutLimit)
{
    SmtpCodec codec;
    const QList<SmtpReply> replies
        = parseAll(codec, "250-mx\r\n250-AUTH=LOGIN PLAIN\r\n250-AUTH LOGIN\r\n250 SIZE\r\n", 5);
    ASSERT_EQ(replies.size(), 1);
    const SmtpCapabilities capabilities = SmtpCodec::parseCapabilities(replies[0]);
    EXPECT_EQ(capabilities.authMechanisms, (QByteArrayList { "LOGIN", "PLAIN" }));
    EXPECT_TRUE(capabilities.hasSize);
    EXPECT_EQ(capabilities.maxSize, 0);
    EXPECT_FALSE(capabilities.startTls);
    EXPECT_FALSE(capabilities.smtpUtf8);
}

TEST(SmtpCodecTest, FormatsCommands)
{
    EXPECT_EQ(SmtpCodec::command("EHLO", "[127.0.0.1]"), "EHLO [127.0.0.1]\r\n");
    EXPECT_EQ(SmtpCodec::command("QUIT"), "QUIT\r\n");
    EXPECT_EQ(SmtpCodec::mailFrom(QStringLiteral("agent@example.com"), {}), "MAIL FROM:<agent@example.com>\r\n");
    EXPECT_EQ(SmtpCodec::mailFrom(QString(), {}), "MAIL FROM:<>\r\n");
    EXPECT_EQ(SmtpCodec::mailFrom(QStringLiteral("\u5c71\u7530@example.jp"), { 1234, true, true }),
        "MAIL FROM:<\xe5\xb1\xb1\xe7\x94\xb0@example.jp> SIZE=1234 BODY=8BITMIME SMTPUTF8\r\n");
    EXPECT_EQ(SmtpCodec::rcptTo(QStringLiteral("customer@example.net")), "RCPT TO:<customer@example.net>\r\n");
}

TEST(SmtpCodecTest, PathsThatWouldInjectCommandsAreInvalid)
{
    EXPECT_TRUE(SmtpCodec::isValidPath(QStringLiteral("customer@example.net")));
    EXPECT_TRUE(SmtpCodec::isValidPath(QString()));
    EXPECT_TRUE(SmtpCodec::isValidPath(QStringLiteral("\u5c71\u7530@example.jp")));
    EXPECT_FALSE(SmtpCodec::isValidPath(QStringLiteral("a@example.net>\r\nRCPT TO:<b@example.net")));
    EXPECT_FALSE(SmtpCodec::isValidPath(QStringLiteral("a b@example.net")));
    EXPECT_FALSE(SmtpCodec::isValidPath(QStringLiteral("a@example.net\n")));
    EXPECT_FALSE(SmtpCodec::isValidPath(QStringLiteral("a@example.net\u2028")));
}

TEST(SmtpCodecTest, DotStuffing)
{
    EXPECT_EQ(SmtpCodec::dotStuff("Subject: x\r\n\r\n.hidden\r\n..two\r\nend.\r\n"),
        "Subject: x\r\n\r\n..hidden\r\n...two\r\nend.\r\n.\r\n");
    EXPECT_EQ(SmtpCodec::dotStuff(".\r\n"), "..\r\n.\r\n"); // a lone dot must not end the message early
    EXPECT_EQ(SmtpCodec::dotStuff(".first line"), "..first line\r\n.\r\n");
}

TEST(SmtpCodecTest, DotStuffingNormalisesLineEnds)
{
    EXPECT_EQ(SmtpCodec::dotStuff("a\nb\n.c\n"), "a\r\nb\r\n..c\r\n.\r\n");
    EXPECT_EQ(SmtpCodec::dotStuff("a\rb\r\n\n.\r"), "a\r\nb\r\n\r\n..\r\n.\r\n");
    EXPECT_EQ(SmtpCodec::dotStuff("no final line end"), "no final line end\r\n.\r\n");
    EXPECT_EQ(SmtpCodec::dotStuff(""), ".\r\n");
    EXPECT_EQ(SmtpCodec::dotStuff("\xe3\x81\x82\n.\xe3\x81\x84"), "\xe3\x81\x82\r\n..\xe3\x81\x84\r\n.\r\n");
}

TEST(SmtpCodecTest, SevenBit)
{
    EXPECT_TRUE(SmtpCodec::isSevenBit("Subject: hello\r\n"));
    EXPECT_FALSE(SmtpCodec::isSevenBit("Subject: caf\xc3\xa9\r\n"));
}

SmtpReply reply(const QByteArray &bytes)
{
    SmtpCodec codec;
    codec.feed(bytes);
    SmtpReply result;
    EXPECT_EQ(codec.next(result), SmtpCodec::Status::Reply);
    return result;
}

TEST(SmtpCodecTest, QueueIds)
{
    EXPECT_EQ(SmtpCodec::queueId(reply("250 2.0.0 Ok: queued as 4F3B21C0D2\r\n")), QStringLiteral("4F3B21C0D2"));
    EXPECT_EQ(SmtpCodec::queueId(reply("250 OK id=1rT3ab-0004cd-2Q\r\n")), QStringLiteral("1rT3ab-0004cd-2Q"));
    EXPECT_EQ(SmtpCodec::queueId(reply("250 2.0.0 OK  1710000000 a12-20020a170902b5cc00b001dd0si1234567plb.123 - "
                                       "gsmtp\r\n")),
        QStringLiteral("a12-20020a170902b5cc00b001dd0si1234567plb.123"));
    EXPECT_EQ(SmtpCodec::queueId(reply("250 2.0.0 u5S9HxKL012345 Message accepted for delivery\r\n")),
        QStringLiteral("u5S9HxKL012345"));
    EXPECT_EQ(SmtpCodec::queueId(reply("250 2.6.0 <a@b.example> [InternalId=123456789, Hostname=X] Queued mail "
                                       "for delivery\r\n")),
        QStringLiteral("123456789"));
    EXPECT_EQ(SmtpCodec::queueId(reply("250 Ok 0100018c5d3e9f2a-1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901-000000\r\n")),
        QStringLiteral("0100018c5d3e9f2a-1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901-000000"));
    EXPECT_EQ(SmtpCodec::queueId(reply("250 Message accepted for delivery\r\n")), QString());
    EXPECT_EQ(SmtpCodec::queueId(reply("250 OK\r\n")), QString());
}

} // namespace
