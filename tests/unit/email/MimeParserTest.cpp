// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// MimeParser against real-world mail: broken messages parse or quarantine with a reason, CJK bodies and headers
// decode to the right text, attachments keep their RFC 2231 / RFC 2047 names, bounces name the message that
// bounced, auto-replies are marked, and the limits quarantine instead of crashing.
#include "channels/email/MimeParser.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

using waybill::channels::email::MimeLimits;
using waybill::channels::email::MimeParser;
using waybill::channels::email::MimeParseResult;
using waybill::domain::IncomingMessage;

namespace {

const QString Mikel = QStringLiteral("third_party/mikel-mail/spec/fixtures/emails/");

QByteArray readData(const QString &relative)
{
    QFile file(QStringLiteral(WAYBILL_TEST_DATA_DIR "/") + relative);
    if (!file.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "missing fixture " << relative.toStdString();
        return {};
    }
    return file.readAll();
}

IncomingMessage parsed(const QString &relative)
{
    const MimeParseResult result = MimeParser::parse(readData(relative));
    EXPECT_TRUE(result.ok()) << relative.toStdString() << ": " << result.failureReason.toStdString();
    return result.message.value_or(IncomingMessage {});
}

QStringList attachmentNames(const IncomingMessage &message)
{
    QStringList names;
    for (const auto &attachment : message.attachments) {
        names.append(attachment.filename);
    }
    return names;
}

} // namespace

TEST(MimeParserTest, EveryErrorEmailParsesOrIsQuarantinedWithAReason)
{
    const QDir dir(QStringLiteral(WAYBILL_TEST_DATA_DIR "/") + Mikel + QStringLiteral("error_emails"));
    const QStringList files = dir.entryList({ QStringLiteral("*.eml") }, QDir::Files, QDir::Name);
    ASSERT_GE(files.size(), 28);
    int parsedCount = 0;
    for (const QString &name : files) {
        const MimeParseResult result = MimeParser::parse(readData(Mikel + QStringLiteral("error_emails/") + name));
        EXPECT_EQ(result.sha256.size(), 64) << name.toStdString();
        if (result.ok()) {
            ++parsedCount;
            EXPECT_FALSE(result.message->externalId.isEmpty()) << name.toStdString();
        } else {
            EXPECT_FALSE(result.failureReason.isEmpty()) << name.toStdString();
        }
    }
    // They are broken, not unreadable: every one of them yields a message.
    EXPECT_EQ(parsedCount, files.size());
}

TEST(MimeParserTest, BrokenHeadersStillYieldTheirText)
{
    const IncomingMessage badSubject = parsed(Mikel + QStringLiteral("error_emails/bad_subject.eml"));
    EXPECT_TRUE(badSubject.subject.startsWith(QStringLiteral("MySurvey.com: You have")))
        << badSubject.subject.toStdString();
    EXPECT_TRUE(badSubject.fromName.startsWith(QStringLiteral("MySurvey.com & Carol Ada")))
        << badSubject.fromName.toStdString();

    const IncomingMessage badDate = parsed(Mikel + QStringLiteral("error_emails/bad_date_header.eml"));
    EXPECT_TRUE(badDate.isAutoReply); // Precedence: junk

    const IncomingMessage threadIndex
        = parsed(Mikel + QStringLiteral("error_emails/content_transfer_encoding_with_semi_colon.eml"));
    EXPECT_EQ(threadIndex.threadIndex, QStringLiteral("AcT9+CUlRgRKMiKZSj+BjT+PHEf8rQ=="));
}

TEST(MimeParserTest, Iso2022JpBodyAndUtf8Subject)
{
    const IncomingMessage message = parsed(Mikel + QStringLiteral("multi_charset/japanese_iso_2022.eml"));
    EXPECT_EQ(message.subject, QStringLiteral("まみむめも"));
    EXPECT_TRUE(message.bodyText.contains(QStringLiteral("すみません。"))) << message.bodyText.toStdString();
    EXPECT_EQ(message.fromAddress, QStringLiteral("raasdnil@gmail.com"));
    EXPECT_EQ(message.fromName, QStringLiteral("Mikel Lindsaar"));
}

TEST(MimeParserTest, Iso2022JpEncodedWordSubject)
{
    const IncomingMessage message
        = parsed(QStringLiteral("third_party/mimekit/UnitTests/TestData/messages/japanese.txt"));
    EXPECT_TRUE(message.subject.startsWith(QStringLiteral("日本語メールテスト"))) << message.subject.toStdString();
}

TEST(MimeParserTest, ShiftJisBody)
{
    const IncomingMessage message = parsed(Mikel + QStringLiteral("multi_charset/japanese_shift_jis.eml"));
    EXPECT_TRUE(message.bodyText.startsWith(QStringLiteral("あいうえお"))) << message.bodyText.toStdString();
    EXPECT_TRUE(message.bodyText.contains(QStringLiteral("このメールはテスト用のメールです。")))
        << message.bodyText.toStdString();
    EXPECT_EQ(message.sentAt, 1401265099); // Wed, 28 May 2014 17:18:19 +0900
}

TEST(MimeParserTest, Gb2312BodyAndHeaders)
{
    const IncomingMessage message = parsed(QStringLiteral("email/gb2312-body.eml"));
    EXPECT_EQ(message.subject, QStringLiteral("关于订单的问题"));
    EXPECT_EQ(message.fromName, QStringLiteral("王先生"));
    EXPECT_TRUE(message.bodyText.contains(QStringLiteral("请帮我查一下物流信息"))) << message.bodyText.toStdString();
}

TEST(MimeParserTest, Big5Koi8AndKoreanBodies)
{
    const QByteArray big5 = readData(QStringLiteral("third_party/gmime/tests/data/filters/chinese.big5.txt"));
    const QByteArray raw = QByteArrayLiteral("From: a@example.tw\r\nSubject: big5\r\nContent-Type: text/plain; "
                                             "charset=big5\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
        + big5;
    const MimeParseResult result = MimeParser::parse(raw);
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result.message->bodyText.startsWith(QStringLiteral("基換年大田胞中強活味。意愛需免室要身代打邸政開。")))
        << result.message->bodyText.left(40).toStdString();

    const QByteArray koi8 = readData(QStringLiteral("third_party/gmime/tests/data/filters/cyrillic.koi8-r.txt"));
    const MimeParseResult cyrillic = MimeParser::parse(
        QByteArrayLiteral("From: b@example.ru\r\nContent-Type: text/plain; charset=KOI8-R\r\n\r\n") + koi8);
    ASSERT_TRUE(cyrillic.ok());
    EXPECT_TRUE(cyrillic.message->bodyText.startsWith(QStringLiteral("Лорем ипсум долор сит амет")));

    const IncomingMessage korean = parsed(Mikel + QStringLiteral("multi_charset/ks_c_5601-1987.eml"));
    EXPECT_TRUE(korean.bodyText.startsWith(QStringLiteral("스티해"))) << korean.bodyText.toStdString();
    const IncomingMessage eucKr = parsed(Mikel + QStringLiteral("plain_emails/raw_email.eml"));
    EXPECT_EQ(eucKr.subject, QStringLiteral("NOTE: 한국말로 하는 것"));
}

TEST(MimeParserTest, UnlabelledEightBitBodiesAreDetected)
{
    const QByteArray sjis = readData(QStringLiteral("third_party/gmime/tests/data/filters/japanese.shift-jis.txt"));
    const QString expected
        = QString::fromUtf8(readData(QStringLiteral("third_party/gmime/tests/data/filters/japanese.utf-8.txt")));
    const MimeParseResult japanese = MimeParser::parse(
        QByteArrayLiteral("From: c@example.jp\r\nSubject: x\r\nContent-Transfer-Encoding: 8bit\r\n\r\n") + sjis);
    ASSERT_TRUE(japanese.ok());
    EXPECT_TRUE(japanese.message->bodyText.startsWith(expected.left(40)))
        << japanese.message->bodyText.left(40).toStdString();

    const QByteArray cp1252 = readData(QStringLiteral("third_party/gmime/tests/data/filters/french-fable.cp1252.txt"));
    const MimeParseResult french
        = MimeParser::parse(QByteArrayLiteral("From: d@example.fr\r\nContent-Type: text/plain\r\n\r\n") + cp1252);
    ASSERT_TRUE(french.ok());
    EXPECT_TRUE(french.message->bodyText.startsWith(QStringLiteral("Maître Corbeau, sur un arbre perché,")));
    EXPECT_TRUE(french.message->bodyText.contains(QStringLiteral("par l’odeur alléché")));
    EXPECT_TRUE(french.message->bodyText.contains(QStringLiteral("« Hé ! bonjour")));

    // Unencoded 8-bit Shift_JIS in a header.
    const MimeParseResult header = MimeParser::parse(
        QByteArrayLiteral("From: e@example.jp\r\nSubject: \x82\xb2\x92\x8d\x95\xb6\x82\xcc\x8c\x8f\r\n\r\nbody\r\n"));
    ASSERT_TRUE(header.ok());
    EXPECT_EQ(header.message->subject, QStringLiteral("ご注文の件"));
}

TEST(MimeParserTest, Rfc2047SubjectsWithAdjacentAndEmbeddedWords)
{
    const IncomingMessage quoted
        = parsed(Mikel + QStringLiteral("plain_emails/raw_email_with_partially_quoted_subject.eml"));
    EXPECT_EQ(quoted.subject, QStringLiteral("Re: Test: \"漢字\" mid \"漢字\" tail"));

    const IncomingMessage latin
        = parsed(Mikel + QStringLiteral("attachment_emails/attachment_with_quoted_filename.eml"));
    EXPECT_EQ(latin.subject, QStringLiteral("Eelanalüüsi päring"));

    // A multi-byte character split across two adjacent encoded words, and a word glued to text.
    const MimeParseResult split = MimeParser::parse(QByteArrayLiteral(
        "From: f@example.com\r\nSubject: =?UTF-8?B?5pel5pys?= =?UTF-8?B?6Kqe44Gu?=\r\n =?UTF-8?Q?=E3=83=A1?="
        "=?UTF-8?Q?=E3=83=BC=E3?= =?UTF-8?Q?=83=AB?=x\r\n\r\nbody\r\n"));
    ASSERT_TRUE(split.ok());
    EXPECT_EQ(split.message->subject, QStringLiteral("日本語のメールx"));

    // UTF-8 bytes under a wrong Latin-1 label.
    const MimeParseResult wrongLabel = MimeParser::parse(
        QByteArrayLiteral("From: g@example.com\r\nSubject: =?iso-8859-1?Q?Caf=C3=A9_order?=\r\n\r\nbody\r\n"));
    ASSERT_TRUE(wrongLabel.ok());
    EXPECT_EQ(wrongLabel.message->subject, QStringLiteral("Café order"));
}

TEST(MimeParserTest, AttachmentNamesFromRfc2231AndEncodedWords)
{
    const IncomingMessage latin
        = parsed(Mikel + QStringLiteral("attachment_emails/attachment_with_quoted_filename.eml"));
    EXPECT_TRUE(attachmentNames(latin).contains(QStringLiteral("Eelanalüüsi päring.jpg")))
        << attachmentNames(latin).join(QLatin1Char('|')).toStdString();

    const IncomingMessage longName = parsed(Mikel + QStringLiteral("multi_charset/japanese_attachment_long_name.eml"));
    ASSERT_EQ(longName.attachments.size(), 1);
    EXPECT_EQ(longName.attachments.first().filename,
        QStringLiteral("かきくけこかきくけこかきくけこかきくけこかきくけこ.txt"));
    EXPECT_EQ(longName.subject, QStringLiteral("まみむめも").repeated(10));

    const IncomingMessage encoded = parsed(Mikel + QStringLiteral("multi_charset/japanese_attachment.eml"));
    ASSERT_EQ(encoded.attachments.size(), 1);
    EXPECT_EQ(encoded.attachments.first().filename, QStringLiteral("てすと.txt"));
    EXPECT_EQ(encoded.attachments.first().content,
        QByteArray(QByteArray("this is a test\n") + QStringLiteral("これわてすと").toUtf8()));
    EXPECT_TRUE(encoded.bodyText.startsWith(QStringLiteral("testing")));

    const IncomingMessage unquoted
        = parsed(Mikel + QStringLiteral("attachment_emails/attachment_with_base64_encoded_name.eml"));
    EXPECT_TRUE(attachmentNames(unquoted).contains(QStringLiteral("This is a test.pdf")))
        << attachmentNames(unquoted).join(QLatin1Char('|')).toStdString();
}

TEST(MimeParserTest, UnnamedPartsGetMadeUpNamesAndInlineImagesKeepTheirContentId)
{
    const MimeParseResult result = MimeParser::parse(QByteArrayLiteral(
        "From: h@example.com\r\nSubject: pic\r\nContent-Type: multipart/related; boundary=b\r\n\r\n"
        "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>See <img src=\"cid:logo@x\"></p>\r\n"
        "--b\r\nContent-Type: image/png\r\nContent-ID: <logo@x>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        "iVBORw0KGgo=\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment\r\n\r\n%PDF-1.4\r\n"
        "--b--\r\n"));
    ASSERT_TRUE(result.ok());
    const IncomingMessage &message = *result.message;
    ASSERT_EQ(message.attachments.size(), 2);
    EXPECT_EQ(message.attachments.at(0).contentId, QStringLiteral("logo@x"));
    EXPECT_TRUE(message.attachments.at(0).isInline);
    EXPECT_EQ(message.attachments.at(0).mimeType, QStringLiteral("image/png"));
    EXPECT_EQ(message.attachments.at(0).filename, QStringLiteral("attachment-1.png"));
    EXPECT_EQ(message.attachments.at(0).content, QByteArray("\x89PNG\r\n\x1a\n"));
    EXPECT_EQ(message.attachments.at(1).filename, QStringLiteral("attachment-2.pdf"));
    EXPECT_FALSE(message.attachments.at(1).isInline);
    EXPECT_EQ(message.bodyText, QStringLiteral("See"));
    EXPECT_TRUE(message.bodyHtml.contains(QStringLiteral("cid:logo@x")));
}

TEST(MimeParserTest, AlternativeGivesTextAndHtml)
{
    const MimeParseResult result = MimeParser::parse(QByteArrayLiteral(
        "From: \"Doe, John\" <John.Doe@Example.COM>\r\nTo: a@x.example, Team: b@x.example, c@x.example;\r\n"
        "Cc: =?utf-8?Q?J=C3=B6rg?= <jorg@x.example>\r\nSubject: alt\r\nMessage-ID: <m1@x>\r\n"
        "In-Reply-To: Your message of Monday <m0@x>\r\nReferences: <r1@x> <r2@x>\r\n\t<m0@x>\r\n"
        "Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nplain text\r\n--b\r\nContent-Type: text/html; "
        "charset=utf-8\r\n\r\n"
        "<p>html &amp; text</p>\r\n--b--\r\n"));
    ASSERT_TRUE(result.ok());
    const IncomingMessage &message = *result.message;
    EXPECT_EQ(message.bodyText.trimmed(), QStringLiteral("plain text"));
    EXPECT_TRUE(message.bodyHtml.contains(QStringLiteral("<p>html &amp; text</p>")));
    EXPECT_EQ(message.fromName, QStringLiteral("Doe, John"));
    EXPECT_EQ(message.fromAddress, QStringLiteral("john.doe@example.com"));
    EXPECT_EQ(message.to,
        QStringList({ QStringLiteral("a@x.example"), QStringLiteral("b@x.example"), QStringLiteral("c@x.example") }));
    EXPECT_EQ(message.cc, QStringList({ QStringLiteral("jorg@x.example") }));
    EXPECT_EQ(message.messageId, QStringLiteral("m1@x"));
    EXPECT_EQ(message.externalId, QStringLiteral("m1@x"));
    EXPECT_EQ(message.inReplyTo, QStringLiteral("m0@x"));
    EXPECT_EQ(
        message.references, QStringList({ QStringLiteral("r1@x"), QStringLiteral("r2@x"), QStringLiteral("m0@x") }));
    EXPECT_EQ(message.sentAt, 0);
    EXPECT_FALSE(message.isAutoReply);
    EXPECT_FALSE(message.isBounce);
}

TEST(MimeParserTest, ForwardedMessageIsKeptAndSummarised)
{
    const IncomingMessage message = parsed(Mikel + QStringLiteral("attachment_emails/attachment_message_rfc822.eml"));
    bool found = false;
    for (const auto &attachment : message.attachments) {
        if (attachment.mimeType == QLatin1String("message/rfc822")) {
            found = true;
            EXPECT_TRUE(attachment.filename.endsWith(QLatin1String(".eml")));
            EXPECT_TRUE(attachment.content.contains("Subject:"));
        }
    }
    EXPECT_TRUE(found);
    EXPECT_TRUE(message.bodyText.contains(QStringLiteral("---------- Forwarded message ----------")))
        << message.bodyText.toStdString();
}

TEST(MimeParserTest, DeliveryStatusNotificationsAreBounces)
{
    const IncomingMessage delayed = parsed(Mikel + QStringLiteral("multipart_report_emails/report_422.eml"));
    EXPECT_TRUE(delayed.isBounce);
    EXPECT_EQ(
        delayed.bouncedMessageId, QStringLiteral("15655788.13.1200472642578.JavaMail.Administrator@mail.ttttt.com.au"));
    EXPECT_TRUE(delayed.bounceDiagnostic.contains(QStringLiteral("452 4.2.2")))
        << delayed.bounceDiagnostic.toStdString();
    EXPECT_TRUE(delayed.isAutoReply); // Auto-Submitted: auto-generated

    const IncomingMessage failed = parsed(Mikel + QStringLiteral("multipart_report_emails/multi_address_bounce1.eml"));
    EXPECT_TRUE(failed.isBounce);
    EXPECT_EQ(failed.bouncedMessageId, QStringLiteral("118707422.15521266992174819.JavaMail.root@lvmail01"));
    EXPECT_TRUE(failed.bounceDiagnostic.contains(QStringLiteral("550-5.1.1"))) << failed.bounceDiagnostic.toStdString();

    const IncomingMessage mimekit
        = parsed(QStringLiteral("third_party/mimekit/UnitTests/TestData/messages/delivery-status.txt"));
    EXPECT_TRUE(mimekit.isBounce);
    EXPECT_EQ(mimekit.bouncedMessageId, QStringLiteral("31FC7EB4.41C6@netscape.com"));
    EXPECT_EQ(mimekit.bounceDiagnostic, QStringLiteral("500 (err.nosuchuser)"));
}

TEST(MimeParserTest, AutoReplyMarkersAndThreadIndex)
{
    const IncomingMessage message = parsed(QStringLiteral("email/auto-reply.eml"));
    EXPECT_TRUE(message.isAutoReply);
    EXPECT_EQ(message.threadIndex, QStringLiteral("AQHaWf3kYm9vZ2xlLWxpa2UtaW5kZXg="));
    EXPECT_EQ(message.inReplyTo, QStringLiteral("waybill-reply-42@tidy-kitchen.example"));
    EXPECT_EQ(message.bodyText.trimmed(), QStringLiteral("Ich bin bis zum 20. Februar nicht im Büro."));

    const auto autoReply = [](const char *header) {
        const MimeParseResult result
            = MimeParser::parse(QByteArray("From: a@example.com\r\nSubject: x\r\n") + header + "\r\n\r\nbody\r\n");
        return result.ok() && result.message->isAutoReply;
    };
    EXPECT_TRUE(autoReply("Auto-Submitted: auto-replied"));
    EXPECT_FALSE(autoReply("Auto-Submitted: no"));
    EXPECT_TRUE(autoReply("Precedence: bulk"));
    EXPECT_TRUE(autoReply("Precedence: auto_reply"));
    EXPECT_TRUE(autoReply("Precedence: list"));
    EXPECT_FALSE(autoReply("Precedence: first-class"));
    EXPECT_TRUE(autoReply("X-Autoreply: yes"));
    EXPECT_TRUE(autoReply("X-Autorespond: vacation"));
    EXPECT_FALSE(autoReply("X-Auto-Response-Suppress: All"));
}

TEST(MimeParserTest, ExternalIdFallsBackToTheRawHash)
{
    const QByteArray raw = QByteArrayLiteral("From: a@example.com\r\nSubject: no id\r\n\r\nbody\r\n");
    const MimeParseResult result = MimeParser::parse(raw);
    ASSERT_TRUE(result.ok());
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex());
    EXPECT_EQ(result.sha256, hash);
    EXPECT_EQ(result.message->externalId, QStringLiteral("sha256:") + hash);
}

TEST(MimeParserTest, JwzTortureMboxNeverCrashes)
{
    // GMime's snapshot keeps its parsed rendering of jwz.mbox (the raw torture input is not in it): per message the
    // "From " separator, the decoded headers (Hebrew and Japanese names among them) and the MIME structure as
    // indented Content-Type lines, which read as one absurdly folded Content-Type header.
    const QByteArray mbox = readData(QStringLiteral("third_party/gmime/tests/data/mbox/output/jwz.mbox"));
    ASSERT_FALSE(mbox.isEmpty());
    QList<QByteArray> messages;
    qsizetype separator = mbox.startsWith("From ") ? 0 : mbox.indexOf("\nFrom ") + 1;
    while (separator > 0 || (separator == 0 && messages.isEmpty())) {
        const qsizetype bodyStart = mbox.indexOf('\n', separator) + 1;
        const qsizetype next = mbox.indexOf("\nFrom ", bodyStart);
        const qsizetype end = next < 0 ? mbox.size() : next + 1;
        messages.append(mbox.mid(bodyStart, end - bodyStart));
        separator = next < 0 ? -1 : next + 1;
    }
    ASSERT_EQ(messages.size(), 152);
    int ok = 0;
    QStringList subjects;
    QStringList names;
    for (const QByteArray &raw : std::as_const(messages)) {
        const MimeParseResult result = MimeParser::parse(raw);
        if (result.ok()) {
            ++ok;
            subjects.append(result.message->subject);
            names.append(result.message->fromName);
        } else {
            EXPECT_FALSE(result.failureReason.isEmpty());
        }
    }
    EXPECT_EQ(ok, messages.size());
    EXPECT_TRUE(subjects.contains(QStringLiteral("Star Trek Party!")));
    EXPECT_TRUE(subjects.contains(QStringLiteral("test of תירבע in mail headers")));
    EXPECT_TRUE(names.contains(QStringLiteral("Nathaniel Borenstein")));
}

TEST(MimeParserTest, NestingBeyondTheDepthLimitIsQuarantined)
{
    QByteArray raw = QByteArrayLiteral("From: a@example.com\r\nSubject: deep\r\n");
    constexpr int Levels = 40;
    for (int i = 0; i < Levels; ++i) {
        raw += "Content-Type: multipart/mixed; boundary=b" + QByteArray::number(i) + "\r\n\r\n--b"
            + QByteArray::number(i) + "\r\n";
    }
    raw += "Content-Type: text/plain\r\n\r\ninnermost\r\n";
    for (int i = Levels - 1; i >= 0; --i) {
        raw += "--b" + QByteArray::number(i) + "--\r\n";
    }
    MimeLimits limits;
    limits.maxDepth = 20;
    const MimeParseResult deep = MimeParser::parse(raw, limits);
    EXPECT_FALSE(deep.ok());
    EXPECT_EQ(deep.failure, MimeParseResult::Failure::TooDeep);
    EXPECT_FALSE(deep.failureReason.isEmpty());

    limits.maxDepth = 50;
    const MimeParseResult allowed = MimeParser::parse(raw, limits);
    ASSERT_TRUE(allowed.ok()) << allowed.failureReason.toStdString();
    EXPECT_EQ(allowed.message->bodyText.trimmed(), QStringLiteral("innermost"));

    limits.maxParts = 10;
    const MimeParseResult many = MimeParser::parse(raw, limits);
    EXPECT_EQ(many.failure, MimeParseResult::Failure::TooManyParts);
}

TEST(MimeParserTest, OversizedMessagesAndHeadersAreQuarantined)
{
    MimeLimits limits;
    limits.maxMessageBytes = 4096;
    const QByteArray big = QByteArrayLiteral("From: a@example.com\r\nSubject: big\r\n\r\n") + QByteArray(8192, 'x');
    const MimeParseResult tooLarge = MimeParser::parse(big, limits);
    EXPECT_EQ(tooLarge.failure, MimeParseResult::Failure::TooLarge);
    EXPECT_FALSE(tooLarge.failureReason.isEmpty());
    EXPECT_EQ(tooLarge.sha256.size(), 64);

    // mimekit's stack-overflow.txt: a 135 KB To header of encoded words.
    const QByteArray huge
        = readData(QStringLiteral("third_party/mimekit/UnitTests/TestData/messages/stack-overflow.txt"));
    MimeLimits small;
    small.maxHeaderBytes = 64 * 1024;
    EXPECT_EQ(MimeParser::parse(huge, small).failure, MimeParseResult::Failure::HeadersTooLarge);
    const MimeParseResult defaults = MimeParser::parse(huge);
    EXPECT_TRUE(defaults.ok()) << defaults.failureReason.toStdString();

    EXPECT_EQ(MimeParser::parse(QByteArray()).failure, MimeParseResult::Failure::Empty);
}
