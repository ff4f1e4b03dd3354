// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// MimeParser over every third-party message kept in tests/data/third_party (mikel/mail, GMime, MimeKit,
// nodemailer/mailparser; mbox files are split with MailArchiveReader): none of them crashes the parser, each
// yields a message or a quarantine reason. For chosen messages a table pins what an agent sees: subject, sender
// address and decoded name, a distinctive piece of the body text and the attachment names, including CJK names.
#include "QtPrinters.h"
#include "channels/email/MailArchiveReader.h"
#include "channels/email/MimeParser.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <gtest/gtest.h>
#include <iterator>

using waybill::channels::email::MailArchiveReader;
using waybill::channels::email::MimeParser;
using waybill::channels::email::MimeParseResult;
using waybill::domain::IncomingMessage;
using namespace Qt::StringLiterals;

namespace {

const QString DataDir = QStringLiteral(WAYBILL_TEST_DATA_DIR "/");

struct RawMessage {
    QString origin; ///< path below tests/data, with " #n" for the n-th message of an mbox
    QByteArray raw;
};

bool isMbox(const QString &path)
{
    return QFileInfo(path).fileName().contains(QLatin1String(".mbox"));
}

/// Every message kept from the third-party sources: SOURCE.md files, GMime's charset samples (plain text, not
/// mail) and the order payloads of stores (third_party/orders/, JSON) are left out.
QList<RawMessage> thirdPartyMessages(int *fileCount)
{
    QList<RawMessage> messages;
    QStringList files;
    QDirIterator it(DataDir + QStringLiteral("third_party"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(DataDir).relativeFilePath(path);
        // Only the mail sources: third_party/ also holds other channels' fixtures (tracking XML and JSON).
        static const QStringList MailSources
            = { QStringLiteral("third_party/mikel-mail/"), QStringLiteral("third_party/gmime/"),
                  QStringLiteral("third_party/mimekit/"), QStringLiteral("third_party/nodemailer-mailparser/") };
        const bool mail = std::any_of(MailSources.cbegin(), MailSources.cend(),
            [&relative](const QString &source) { return relative.startsWith(source); });
        if (!mail || relative.endsWith(QLatin1String("/SOURCE.md"))
            || relative.contains(QLatin1String("/tests/data/filters/"))
            || relative.contains(QLatin1String("/tests/data/encodings/"))) {
            continue;
        }
        files.append(relative);
    }
    files.sort();
    *fileCount = int(files.size());
    for (const QString &relative : std::as_const(files)) {
        if (isMbox(relative)) {
            MailArchiveReader reader(MailArchiveReader::Format::Mbox, DataDir + relative);
            EXPECT_TRUE(reader.error().isEmpty()) << relative.toStdString() << ": " << reader.error().toStdString();
            int n = 0;
            while (const auto entry = reader.next()) {
                messages.append({ relative + QStringLiteral(" #") + QString::number(++n), entry->raw });
            }
            EXPECT_GT(n, 0) << relative.toStdString();
            continue;
        }
        QFile file(DataDir + relative);
        EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << relative.toStdString();
        messages.append({ relative, file.readAll() });
    }
    return messages;
}

struct Expected {
    QString path; ///< below tests/data
    QString subject;
    QString fromAddress;
    QString fromName;
    QString bodyContains; ///< empty: the message has no text body
    QStringList attachments; ///< in order
    bool exactAttachments = true; ///< false: `attachments` must be among them (see the rows)
};

// clang-format off
const Expected Chosen[] = {
    { u"third_party/mikel-mail/spec/fixtures/emails/attachment_emails/attachment_content_disposition.eml"_s, u"testing"_s, u"foo@example.com"_s, QString(), u"This is the first part."_s, { u"api.rb"_s }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/attachment_emails/attachment_nonascii_filename.eml"_s, u"testing"_s, u"foo@example.com"_s, QString(), u"This is the first part."_s, { u"ciële.txt"_s }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/attachment_emails/attachment_only_email.eml"_s, u"this message JUST contains an attachment"_s, u"rfinnie@domain.dom"_s, u"Ryan Finnie"_s, QString(), { u"blah.gz"_s }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/attachment_emails/attachment_pdf.eml"_s, u"Another PDF with 🎉 Unicode chars in it 🍿"_s, u"xxxx@xxxx.com"_s, u"Test Tester"_s, u"to see if I can figure out what is going wrong"_s, { u"broken.pdf"_s }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/attachment_emails/attachment_pdf_lf.eml"_s, u"Another PDF with 🎉 Unicode chars in it 🍿"_s, u"xxxx@xxxx.com"_s, u"Test Tester"_s, u"Just attaching another PDF"_s, { u"broken.pdf"_s }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/attachment_emails/attachment_with_quoted_filename.eml"_s, u"Eelanalüüsi päring"_s, u"jeff@37signals.com"_s, u"Jeffrey Hardy"_s, QString(), { u"Eelanalüüsi päring.jpg"_s }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/attachment_emails/attachment_with_unquoted_name.eml"_s, u"testing"_s, u"foo@example.com"_s, QString(), u"This is the first part."_s, { u"This is a test.txt"_s }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/attachment_emails/attachment_message_rfc822_inline_image.eml"_s, u"test"_s, u"test@example.com"_s, QString(), u"---------- Forwarded message ----------"_s, { u"img.png"_s, u"Another PDF.eml"_s }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/error_emails/content_transfer_encoding_x_uuencode.eml"_s, u"PGP Comments on RTO West Release of Dec. 14"_s, u"lpeters@pacifier.com"_s, u"Lon L. Peters"_s, u"comments of the Public Generating Pool"_s, { u"PGP_Cmts_on_12-14-01_Pkg.doc"_s }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/error_emails/header_fields_with_empty_values.eml"_s, u"Testmail"_s, u"jorn@prikkprikkprikk.no"_s, u"Jørn Støylen"_s, u"http://www.prikkprikkprikk.no"_s, {  }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/error_emails/cant_parse_from.eml"_s, u"Meet the new MacBook Pro family. Now includes 13-inch."_s, u"news@insideapple.apple.com"_s, u"Apple"_s, u"From one solid piece of aluminum"_s, {  }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/error_emails/missing_content_disposition.eml"_s, u"Redacted"_s, u"redacted@example.com"_s, QString(), QString(), { u"attachment-1.jpg"_s }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/mime_emails/email_with_similar_boundaries.eml"_s, u"Xxxxxx"_s, u"xxxxxx@xxxxxxxx.xxx"_s, u"Xxxxx"_s, u"Test"_s, { u"LOGO.png"_s }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/mime_emails/raw_email7.eml"_s, u"testing"_s, u"foo@example.com"_s, QString(), u"This is the first part."_s, { u"test.rb"_s, u"test.pdf"_s }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/mime_emails/raw_email_with_nested_attachment.eml"_s, u"Testing attachments"_s, u"jamis@37signals.com"_s, u"Jamis Buck"_s, u"Here is a test of an attachment via email."_s, { u"truncated.png"_s }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/mime_emails/raw_email_with_multipart_mixed_quoted_boundary.eml"_s, u"Testing outlook"_s, u"email_test@me.nowhere"_s, u"Mikel Lindsaar"_s, u"Just attaching another PDF"_s, { u"broken.pdf"_s }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/mime_emails/raw_email_with_quoted_illegal_boundary.eml"_s, u"Testing outlook"_s, u"email_test@me.nowhere"_s, u"Mikel Lindsaar"_s, u"This is an outlook test"_s, {  }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/mime_emails/sig_only_email.eml"_s, u"Re: Testing multipart/signed"_s, u"test@test.lindsaar.net"_s, u"Test"_s, u"this sig email is not signed correctly"_s, {  }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/mime_emails/two_from_in_message.eml"_s, u"Sending messages include last little bit"_s, u"tester1@test.com"_s, u"Tester 1"_s, u"From GMail you also get the person's signature"_s, {  }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/mime_emails/raw_email_encoded_stack_level_too_deep.eml"_s, u"Nicolas Fouché has accepted your invitation to Gmail"_s, u"gmail-noreply@google.com"_s, u"Gmail Team"_s, u"has chosen the brand new address"_s, {  }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/multi_charset/japanese.eml"_s, u"まみむめも"_s, u"raasdnil@gmail.com"_s, u"Mikel Lindsaar"_s, u"かきくえこ"_s, {  }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/multi_charset/japanese_attachment.eml"_s, u"testing"_s, u"raasdnil@gmail.com"_s, u"Mikel Lindsaar"_s, u"testing"_s, { u"てすと.txt"_s }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/multi_charset/japanese_attachment_long_name.eml"_s, u"まみむめもまみむめもまみむめもまみむめもまみむめもまみむめもまみむめもまみむめもまみむめもまみむめも"_s, u"mikel@test.lindsaar.net"_s, u"Mikel Lindsaar"_s, QString(), { u"かきくけこかきくけこかきくけこかきくけこかきくけこ.txt"_s }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/multi_charset/japanese_iso_2022.eml"_s, u"まみむめも"_s, u"raasdnil@gmail.com"_s, u"Mikel Lindsaar"_s, u"すみません。"_s, {  }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/multi_charset/japanese_shift_jis.eml"_s, u"test"_s, u"xxxxxxx@docomo.ne.jp"_s, QString(), u"このメールはテスト用のメールです。"_s, {  }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/multi_charset/ks_c_5601-1987.eml"_s, u"test"_s, u"from@example.com"_s, QString(), u"스티해"_s, {  }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/plain_emails/basic_email.eml"_s, u"Testing 123"_s, u"test@lindsaar.net"_s, u"Mikel Lindsaar"_s, u"Hope it works well!"_s, {  }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/plain_emails/raw_email.eml"_s, u"NOTE: 한국말로 하는 것"_s, u"jamis@37signals.com"_s, u"Jamis Buck"_s, u"제 이름은 Jamis입니다."_s, {  }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/plain_emails/raw_email_reply.eml"_s, u"Re: Test reply email"_s, u"xxxxxxxx@xxx.org"_s, u"Testing"_s, u"Message body"_s, {  }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/plain_emails/raw_email_simple.eml"_s, u"Testing outlook"_s, u"mikel@nowhere.com"_s, u"Mikel Lindsaar"_s, u"Hello Mikel"_s, {  }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/plain_emails/raw_email_trailing_dot.eml"_s, u"[skynet-help][60666] How are intermediate files handled in SkyNet?"_s, u"noreply@rubyforge.org"_s, u"Sandy M."_s, u"Testing, testing, 123."_s, {  }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/plain_emails/raw_email_with_partially_quoted_subject.eml"_s, u"Re: Test: \"漢字\" mid \"漢字\" tail"_s, u"jamis@37signals.com"_s, u"Jamis Buck"_s, u"우리는 하나님을 믿습니다."_s, {  }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/rfc2822/example03.eml"_s, QString(), u"john.q.public@example.com"_s, u"Joe Q. Public"_s, u"Hi everyone."_s, {  }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/rfc2822/example06.eml"_s, u"Re: Saying Hello"_s, u"mary@example.net"_s, u"Mary Smith"_s, u"This is a reply to your hello."_s, {  }, true },
    { u"third_party/mikel-mail/spec/fixtures/emails/rfc6532/utf8_headers.eml"_s, u"Säying Hello"_s, u"jdöe@mächine.example"_s, u"Jöhn Doe"_s, u"body"_s, {  }, true },
    { u"third_party/mimekit/UnitTests/TestData/messages/body.6.txt"_s, u"MimeMessage.TextBody and HtmlBody tests"_s, u"mimekit@mimekit.net"_s, u"MimeKit Unit Tests"_s, u"This is the text body."_s, { u"empty.gif"_s, u"empty.jpg"_s, u"document.txt"_s }, true },
    { u"third_party/mimekit/UnitTests/TestData/messages/body.9.txt"_s, u"MimeMessage.TextBody and HtmlBody tests"_s, u"mimekit@mimekit.net"_s, u"MimeKit Unit Tests"_s, u"This is some plain text but is not the body."_s, { u"attachment.dat"_s }, true },
    { u"third_party/mimekit/UnitTests/TestData/messages/disposition-notification.txt"_s, u"Disposition notification"_s, u"joe_recipient@example.com"_s, u"Joe Recipient"_s, u"The message sent on 1995 Sep 19"_s, { u"attachment-1.bin"_s, u"First draft of report.eml"_s }, true },
    { u"third_party/mimekit/UnitTests/TestData/messages/epilogue.txt"_s, u"Re: The Once and Future OS"_s, u"pcu@umich.edu"_s, u"Peter Urka"_s, u"NeXTstep, NeXTSTEP, NEXTSTEP"_s, { u"attachment-1.ps"_s }, true },
    { u"third_party/mimekit/UnitTests/TestData/messages/japanese.txt"_s, u"日本語メールテスト (testing Japanese emails)"_s, u"x@x.com"_s, u"Atsushi Eno"_s, u"日本語が"_s, {  }, true },
    { u"third_party/mimekit/UnitTests/TestData/messages/missing-subtype.txt"_s, u"Test of an invalid mime-type"_s, u"someone@somewhere.com"_s, u"someone"_s, QString(), { u"attachment-1.bin"_s }, true },
    { u"third_party/mimekit/UnitTests/TestData/messages/simple-multipart.eml"_s, u"this is a simple multipart message"_s, u"mimekit@example.com"_s, QString(), u"This is the message body."_s, { u"attachment.txt"_s }, true },
    { u"third_party/mimekit/UnitTests/TestData/messages/stack-overflow.txt"_s, u"Message Subject"_s, u"test@test.com"_s, u"test"_s, u"Message Body"_s, {  }, true },
    { u"third_party/mimekit/UnitTests/TestData/partial/message-partial.eml"_s, u"Photo of a girl with feather earrings"_s, u"anonymous@mit.edu"_s, QString(), u"Took the attached photo of a girl on the subway."_s, { u"earrings.jpg"_s }, true },
    { u"third_party/gmime/tests/rfc2060.msg"_s, u"Sample message structure for IMAP part specifiers"_s, u"me@myself.com"_s, QString(), u"This part specifier should be: 1"_s, {}, false },
    { u"third_party/nodemailer-mailparser/test/fixtures/nodemailer.eml"_s, u"Nodemailer is unicode friendly ✔ (1476358788189)"_s, u"andris@kreata.ee"_s, u"Andris Kreata"_s, u"Hello to myself!"_s, {}, false },
    { u"third_party/nodemailer-mailparser/test/fixtures/base64encodedroot.eml"_s, QString(), u"test@example.com"_s, QString(), QString(), { u"screenshot.png"_s }, true },
    { u"third_party/nodemailer-mailparser/test/fixtures/decoderended.eml"_s, u"Fwd: fotos"_s, u"booewq@uuui.com"_s, u"wwuaof"_s, u"Be a better something."_s, {  }, true },
    { u"third_party/nodemailer-mailparser/test/fixtures/nested.eml"_s, QString(), u"u@example.com"_s, QString(), u"Dear Sir, Good evening."_s, {  }, true },
    { u"third_party/nodemailer-mailparser/test/fixtures/delivery-status.eml"_s, u"Delivery Status Notification (Failure)"_s, u"mailer-daemon@amazonses.com"_s, QString(), u"An error occurred while trying to deliver the mail"_s, { u"attachment-1.txt"_s, u"Example Subject.eml"_s }, true },
    { u"email/cjk-name-iso-2022-jp.eml"_s, u"注文の件"_s, u"hanako.tanaka@example.jp"_s, u"田中 花子"_s, u"箱が破損していました。"_s, { u"破損写真.jpg"_s }, true },
    { u"email/cjk-name-shift-jis-rfc2231.eml"_s, u"返品について"_s, u"ichiro@example.co.jp"_s, u"鈴木 一郎"_s, u"返品伝票を添付します。"_s, { u"返品伝票.pdf"_s }, true },
    { u"email/cjk-name-gb2312.eml"_s, u"发票问题"_s, u"li.na@example.cn"_s, u"李娜"_s, u"请查看附件中的发票"_s, { u"发票.pdf"_s }, true },
    { u"email/cjk-name-big5-rfc2231.eml"_s, u"退貨申請"_s, u"chan.taiman@example.tw"_s, u"陳大文"_s, u"請協助處理退貨"_s, { u"商品照片.png"_s }, true },
};
// clang-format on

void PrintTo(const Expected &expected, std::ostream *os)
{
    *os << expected.path.toStdString();
}

class ChosenMessage : public ::testing::TestWithParam<Expected> { };

TEST_P(ChosenMessage, ShowsSubjectSenderBodyAndAttachmentNames)
{
    const Expected &expected = GetParam();
    QFile file(DataDir + expected.path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << expected.path.toStdString();
    const MimeParseResult result = MimeParser::parse(file.readAll());
    ASSERT_TRUE(result.ok()) << result.failureReason.toStdString();
    const IncomingMessage &message = *result.message;
    EXPECT_EQ(message.subject, expected.subject);
    EXPECT_EQ(message.fromAddress, expected.fromAddress);
    EXPECT_EQ(message.fromName, expected.fromName);
    if (expected.bodyContains.isEmpty()) {
        EXPECT_TRUE(message.bodyText.trimmed().isEmpty()) << message.bodyText.toStdString();
    } else {
        EXPECT_TRUE(message.bodyText.simplified().contains(expected.bodyContains))
            << message.bodyText.left(300).toStdString();
    }
    QStringList names;
    for (const auto &attachment : message.attachments) {
        EXPECT_FALSE(attachment.filename.isEmpty());
        names.append(attachment.filename);
    }
    if (expected.exactAttachments) {
        EXPECT_EQ(names, expected.attachments);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, ChosenMessage, ::testing::ValuesIn(Chosen), [](const ::testing::TestParamInfo<Expected> &info) {
        QString name = QFileInfo(info.param.path).completeBaseName();
        name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]")), QStringLiteral("_"));
        return QString::number(info.index).rightJustified(2, u'0').append(u'_').append(name).toStdString();
    });

TEST(MimeFixtureCorpusTest, EnoughMessagesAreChecked)
{
    EXPECT_GE(std::size(Chosen), 40U);
}

TEST(MimeFixtureCorpusTest, EveryThirdPartyMessageParsesOrIsQuarantinedWithAReason)
{
    int fileCount = 0;
    const QList<RawMessage> messages = thirdPartyMessages(&fileCount);
    // Everything copied from the four sources (see their SOURCE.md, "Kept in Waybill"): a file that goes missing
    // fails here instead of silently shrinking the corpus.
    EXPECT_EQ(fileCount, 166);
    EXPECT_EQ(
        messages.size(), 356); // incl. 152 in jwz.mbox and 29 in content-length.mbox.txt (no blank line before "From ")
    int parsed = 0;
    for (const RawMessage &m : messages) {
        const MimeParseResult result = MimeParser::parse(m.raw);
        EXPECT_EQ(result.sha256.size(), 64) << m.origin.toStdString();
        if (result.ok()) {
            ++parsed;
            EXPECT_FALSE(result.message->externalId.isEmpty()) << m.origin.toStdString();
            for (const auto &attachment : result.message->attachments) {
                EXPECT_FALSE(attachment.filename.isEmpty()) << m.origin.toStdString();
            }
        } else {
            EXPECT_FALSE(result.failureReason.isEmpty()) << m.origin.toStdString();
        }
    }
    // Real mail, however broken, is never lost to quarantine: every one of these yields a message.
    EXPECT_EQ(parsed, messages.size());
}

TEST(MimeFixtureCorpusTest, NodemailerAttachmentsKeepTheirUnicodeNames)
{
    QFile file(DataDir + u"third_party/nodemailer-mailparser/examples/nodemailer.eml"_s);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const MimeParseResult result = MimeParser::parse(file.readAll());
    ASSERT_TRUE(result.ok());
    QStringList names;
    for (const auto &attachment : result.message->attachments) {
        names.append(attachment.filename);
    }
    EXPECT_TRUE(names.contains(u"nyan cat ✔.gif"_s)) << names.join(u'|').toStdString();
    EXPECT_TRUE(names.contains(u"image.png"_s));
    EXPECT_TRUE(names.contains(u"notes.txt"_s));
}

TEST(MimeFixtureCorpusTest, InvalidIso2022JpRfc2231NameKeepsItsReadableParts)
{
    // name*=iso-2022-jp'ja'01%20Quien%20Te%20Dij%8aat.%20Pitbull.mp3: a byte that ISO-2022-JP cannot hold.
    QFile file(
        DataDir + u"third_party/mikel-mail/spec/fixtures/emails/attachment_emails/attachment_with_encoded_name.eml"_s);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const MimeParseResult result = MimeParser::parse(file.readAll());
    ASSERT_TRUE(result.ok());
    ASSERT_EQ(result.message->attachments.size(), 1);
    const QString name = result.message->attachments.first().filename;
    EXPECT_TRUE(name.startsWith(u"01 Quien Te Dij"_s)) << name.toStdString();
    EXPECT_TRUE(name.endsWith(u"at. Pitbull.mp3"_s)) << name.toStdString();
}

} // namespace
