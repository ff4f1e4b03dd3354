// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// MimeComposer round trips: what the composer writes, MimeParser reads back unchanged (CJK headers, bodies and
// file names, inline images, quotes and signatures, threading ids, large attachments), and the bytes keep the
// rules of RFC 5322 and RFC 2045 (CRLF, short lines, 7-bit headers, escaped HTML).
#include "QtPrinters.h"
#include "channels/email/HeaderEncoder.h"
#include "channels/email/MimeComposer.h"
#include "channels/email/MimeParser.h"

#include <QRandomGenerator>
#include <QSet>

#include <gtest/gtest.h>

using waybill::channels::email::HeaderEncoder;
using waybill::channels::email::MimeComposer;
using waybill::channels::email::MimeParser;
using waybill::channels::email::OutgoingMail;
using waybill::domain::IncomingAttachment;
using waybill::domain::IncomingMessage;

namespace {

constexpr qint64 March5 = 1772719380; // Thu, 05 Mar 2026 14:03:00 +0000

OutgoingMail reply()
{
    OutgoingMail mail;
    mail.from = { QStringLiteral("support@shop.example"), QStringLiteral("Kettle Shop Support") };
    mail.to = { { QStringLiteral("jane@example.com"), QStringLiteral("Jane Buyer") } };
    mail.subject = QStringLiteral("Re: Broken lid");
    mail.messageId = QStringLiteral("reply.1@shop.example");
    mail.inReplyTo = QStringLiteral("question.1@example.com");
    mail.references = { QStringLiteral("question.1@example.com") };
    mail.date = March5;
    mail.bodyText = QStringLiteral("Hello Jane,\n\nA new lid is on its way.");
    return mail;
}

IncomingMessage roundTrip(const QByteArray &raw)
{
    const auto result = MimeParser::parse(raw);
    EXPECT_TRUE(result.ok()) << result.failureReason.toStdString();
    return result.message.value_or(IncomingMessage {});
}

QString lf(QString text)
{
    return text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
}

QList<QByteArray> lines(const QByteArray &raw)
{
    QList<QByteArray> out = raw.split('\n');
    EXPECT_TRUE(out.constLast().isEmpty()) << "the message must end with CRLF";
    out.removeLast();
    return out;
}

QByteArray headerBlock(const QByteArray &raw)
{
    return raw.left(raw.indexOf("\r\n\r\n") + 2);
}

const IncomingAttachment *attachmentNamed(const IncomingMessage &message, const QString &name)
{
    for (const IncomingAttachment &attachment : message.attachments) {
        if (attachment.filename == name) {
            return &attachment;
        }
    }
    return nullptr;
}

} // namespace

TEST(MimeComposerTest, JapaneseSubjectAndBodyRoundTrip)
{
    OutgoingMail mail = reply();
    mail.subject
        = QStringLiteral("Re: ご注文の商品について（注文番号 503-1234567-7654321）配送状況のご案内と今後の対応");
    mail.bodyText = QStringLiteral("山田様\n\nお問い合わせありがとうございます。\n代替品を本日発送いたしました。");
    const QByteArray raw = MimeComposer::compose(mail);
    const IncomingMessage message = roundTrip(raw);
    EXPECT_EQ(message.subject, mail.subject);
    EXPECT_TRUE(lf(message.bodyText).startsWith(mail.bodyText)) << message.bodyText.toStdString();
    EXPECT_TRUE(message.bodyHtml.contains(QStringLiteral("代替品を本日発送いたしました。")))
        << message.bodyHtml.toStdString();
    // Headers are 7-bit; the folded subject keeps the readable "Re:".
    for (const char c : headerBlock(raw)) {
        EXPECT_EQ(c & 0x80, 0);
    }
    EXPECT_TRUE(raw.contains("Subject: Re: =?UTF-8?B?")) << raw.left(600).toStdString();
}

TEST(MimeComposerTest, ChineseAndPunctuatedDisplayNames)
{
    OutgoingMail mail = reply();
    mail.from = { QStringLiteral("support@shop.example"), QStringLiteral("王小明（客服部）") };
    mail.to = { { QStringLiteral("doe@example.com"), QStringLiteral("Doe, John \"JD\"") },
        { QStringLiteral("li@example.cn"), QStringLiteral("李雷") } };
    mail.cc = { { QStringLiteral("boss@例え.jp"), QString() } };
    mail.replyTo = { QStringLiteral("reply@shop.example"), QString() };
    const QByteArray raw = MimeComposer::compose(mail);
    const IncomingMessage message = roundTrip(raw);
    EXPECT_EQ(message.fromName, QStringLiteral("王小明（客服部）"));
    EXPECT_EQ(message.fromAddress, QStringLiteral("support@shop.example"));
    EXPECT_EQ(message.to, (QStringList { QStringLiteral("doe@example.com"), QStringLiteral("li@example.cn") }));
    // Written in IDNA form; GMime reads it back as Unicode.
    EXPECT_TRUE(raw.contains("Cc: boss@xn--r8jz45g.jp\r\n"));
    EXPECT_EQ(message.cc, QStringList { QStringLiteral("boss@例え.jp") });
    EXPECT_EQ(message.replyTo, QStringLiteral("reply@shop.example"));
    EXPECT_TRUE(raw.contains("\"Doe, John \\\"JD\\\"\" <doe@example.com>,")) << headerBlock(raw).toStdString();
}

TEST(MimeComposerTest, JapaneseAttachmentNames)
{
    OutgoingMail mail = reply();
    const QString shortName = QStringLiteral("請求書.pdf");
    const QString longName
        = QStringLiteral("ご注文明細書_株式会社ケトルショップ_2026年3月5日発行_お客様控え_再発行版.pdf");
    mail.attachments = { { shortName, QStringLiteral("application/pdf"), QByteArrayLiteral("%PDF-1.4 one"), {} },
        { longName, QStringLiteral("application/pdf"), QByteArrayLiteral("%PDF-1.4 two"), {} },
        { QStringLiteral("notes.txt"), QStringLiteral("text/plain"), QByteArrayLiteral("a\nb\r\nc"), {} } };
    const QByteArray raw = MimeComposer::compose(mail);
    const IncomingMessage message = roundTrip(raw);
    ASSERT_EQ(message.attachments.size(), 3);
    const IncomingAttachment *first = attachmentNamed(message, shortName);
    const IncomingAttachment *second = attachmentNamed(message, longName);
    const IncomingAttachment *third = attachmentNamed(message, QStringLiteral("notes.txt"));
    ASSERT_NE(first, nullptr);
    ASSERT_NE(second, nullptr);
    ASSERT_NE(third, nullptr);
    EXPECT_EQ(first->content, QByteArrayLiteral("%PDF-1.4 one"));
    EXPECT_EQ(second->content, QByteArrayLiteral("%PDF-1.4 two"));
    EXPECT_EQ(third->content, QByteArrayLiteral("a\nb\r\nc"));
    EXPECT_EQ(first->mimeType, QStringLiteral("application/pdf"));
    // RFC 2231 for current clients (continued when long), RFC 2047 in name= for old ones.
    EXPECT_TRUE(raw.contains("filename*=UTF-8''%E8%AB%8B")) << raw.toStdString();
    EXPECT_TRUE(raw.contains("filename*0*=UTF-8''")) << raw.toStdString();
    EXPECT_TRUE(raw.contains("name=\"=?UTF-8?B?")) << raw.toStdString();
    EXPECT_TRUE(raw.contains("filename=\"notes.txt\"")) << raw.toStdString();
}

TEST(MimeComposerTest, InlineImageByContentId)
{
    OutgoingMail mail = reply();
    mail.bodyHtml = QStringLiteral("<p>Our new lid:</p><p><img src=\"cid:lid.photo@shop.example\"></p>");
    QByteArray png = QByteArrayLiteral("\x89PNG\r\n\x1a\n");
    png += QByteArray(5000, '\x07');
    mail.attachments
        = { { QStringLiteral("lid.png"), QStringLiteral("image/png"), png, QStringLiteral("lid.photo@shop.example") },
              { QStringLiteral("receipt.pdf"), QStringLiteral("application/pdf"), QByteArrayLiteral("%PDF"), {} } };
    const QByteArray raw = MimeComposer::compose(mail);
    EXPECT_TRUE(raw.contains("Content-Type: multipart/mixed;")) << raw.toStdString();
    EXPECT_TRUE(raw.contains("Content-Type: multipart/alternative;"));
    EXPECT_TRUE(raw.contains("Content-Type: multipart/related; type=\"text/html\";"));
    EXPECT_TRUE(raw.contains("Content-ID: <lid.photo@shop.example>"));
    const IncomingMessage message = roundTrip(raw);
    EXPECT_TRUE(message.bodyHtml.contains(QStringLiteral("cid:lid.photo@shop.example")));
    // The text alternative is derived from the HTML when the agent wrote only HTML.
    EXPECT_TRUE(message.bodyText.contains(QStringLiteral("Hello Jane"))
        || message.bodyText.contains(QStringLiteral("Our new lid")))
        << message.bodyText.toStdString();
    const IncomingAttachment *image = attachmentNamed(message, QStringLiteral("lid.png"));
    ASSERT_NE(image, nullptr);
    EXPECT_EQ(image->contentId, QStringLiteral("lid.photo@shop.example"));
    EXPECT_TRUE(image->isInline);
    EXPECT_EQ(image->content, png);
    const IncomingAttachment *receipt = attachmentNamed(message, QStringLiteral("receipt.pdf"));
    ASSERT_NE(receipt, nullptr);
    EXPECT_FALSE(receipt->isInline);
}

TEST(MimeComposerTest, QuoteAndSignatureInBothParts)
{
    OutgoingMail mail = reply();
    mail.signature = QStringLiteral("Kettle Shop – Customer care\nhttps://shop.example/help");
    mail.quote = { QStringLiteral("Jane Buyer"), March5 - 3600,
        QStringLiteral("The lid arrived chipped.\n\n> an older quote\nCan you help?"), {} };
    const QByteArray raw = MimeComposer::compose(mail);
    const IncomingMessage message = roundTrip(raw);
    const QString text = lf(message.bodyText);
    EXPECT_TRUE(text.contains(QStringLiteral("A new lid is on its way.\n\n-- \nKettle Shop – Customer care\n")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("On Thu, 5 Mar 2026 13:03, Jane Buyer wrote:\n"
                                             "> The lid arrived chipped.\n>\n>> an older quote\n> Can you help?")))
        << text.toStdString();
    EXPECT_TRUE(text.indexOf(QStringLiteral("-- \n")) < text.indexOf(QStringLiteral("wrote:")));
    const QString html = message.bodyHtml;
    EXPECT_TRUE(html.contains(QStringLiteral("-- <br>"))) << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("Kettle Shop – Customer care")));
    EXPECT_TRUE(html.contains(QStringLiteral("<a href=\"https://shop.example/help\">https://shop.example/help</a>")));
    EXPECT_TRUE(html.contains(QStringLiteral("<blockquote type=\"cite\"")));
    EXPECT_TRUE(html.contains(QStringLiteral("The lid arrived chipped.")));
    EXPECT_TRUE(html.contains(QStringLiteral("&gt; an older quote")));
    EXPECT_TRUE(html.contains(QStringLiteral("On Thu, 5 Mar 2026 13:03, Jane Buyer wrote:")));
}

TEST(MimeComposerTest, AgentHtmlKeepsItsDocumentAndGetsTheQuote)
{
    OutgoingMail mail = reply();
    mail.bodyHtml = QStringLiteral("<html><body><p><b>Sorry</b> about the lid.</p></body></html>");
    mail.signature = QStringLiteral("Kettle Shop");
    mail.signatureHtml = QStringLiteral("<i>Kettle Shop</i>");
    mail.quote = { QStringLiteral("Jane"), 0, QStringLiteral("Broken."), {} };
    const QString html = MimeComposer::fullHtml(mail);
    EXPECT_TRUE(html.startsWith(QStringLiteral("<html><body><p><b>Sorry</b>"))) << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("-- <br>\n<i>Kettle Shop</i>")));
    EXPECT_TRUE(html.contains(QStringLiteral("<p>Jane wrote:</p>")));
    EXPECT_TRUE(html.endsWith(QStringLiteral("</div>\n</body></html>")));
}

TEST(MimeComposerTest, ThreadingHeadersPreserved)
{
    OutgoingMail mail = reply();
    IncomingMessage parent;
    parent.messageId = QStringLiteral("m30@example.com");
    for (int i = 1; i < 30; ++i) {
        parent.references.append(QStringLiteral("m%1@example.com").arg(i));
    }
    mail.inReplyTo = parent.messageId;
    mail.references = MimeComposer::replyReferences(parent);
    ASSERT_EQ(mail.references.size(), MimeComposer::DefaultMaxReferences);
    EXPECT_EQ(mail.references.constFirst(), QStringLiteral("m1@example.com"));
    EXPECT_EQ(mail.references.at(1), QStringLiteral("m12@example.com"));
    EXPECT_EQ(mail.references.constLast(), QStringLiteral("m30@example.com"));
    const QByteArray raw = MimeComposer::compose(mail);
    const IncomingMessage message = roundTrip(raw);
    EXPECT_EQ(message.messageId, mail.messageId);
    EXPECT_EQ(message.inReplyTo, mail.inReplyTo);
    EXPECT_EQ(message.references, mail.references);
    EXPECT_EQ(message.sentAt, March5);
    EXPECT_FALSE(raw.contains("Auto-Submitted"));
    EXPECT_FALSE(message.isAutoReply);
}

TEST(MimeComposerTest, ReplyReferencesFollowRfc5322)
{
    EXPECT_EQ(MimeComposer::replyReferences(QStringLiteral("<b@x>"), { QStringLiteral("a@x") }),
        (QStringList { QStringLiteral("a@x"), QStringLiteral("b@x") }));
    // No References: the parent's single In-Reply-To stands in.
    EXPECT_EQ(MimeComposer::replyReferences(QStringLiteral("b@x"), {}, QStringLiteral("a@x")),
        (QStringList { QStringLiteral("a@x"), QStringLiteral("b@x") }));
    EXPECT_EQ(MimeComposer::replyReferences(QStringLiteral("b@x"), { QStringLiteral("b@x"), QStringLiteral("a@x") }),
        (QStringList { QStringLiteral("a@x"), QStringLiteral("b@x") }));
    EXPECT_EQ(MimeComposer::replyReferences(QString(), {}), QStringList());
}

TEST(MimeComposerTest, NewMessageIdsAreUnique)
{
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i) {
        const QString id = MimeComposer::newMessageId(QStringLiteral("Shop.Example"));
        EXPECT_TRUE(id.endsWith(QStringLiteral("@shop.example"))) << id.toStdString();
        EXPECT_FALSE(id.contains(QLatin1Char('<')));
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 1000);
    EXPECT_TRUE(MimeComposer::newMessageId(QStringLiteral("ケトル.jp")).endsWith(QStringLiteral("@xn--rck3buf.jp")));
    EXPECT_TRUE(MimeComposer::newMessageId(QStringLiteral("bad host>")).endsWith(QStringLiteral("@waybill.invalid")));
}

TEST(MimeComposerTest, EveryLineIsShortAndEndsWithCrlf)
{
    OutgoingMail mail = reply();
    mail.subject = QStringLiteral("Re: ") + QString(300, QChar(0x5b57)) + QStringLiteral(" and a plain English tail")
        + QString(120, QLatin1Char('x'));
    mail.to.clear();
    for (int i = 0; i < 12; ++i) {
        mail.to.append({ QStringLiteral("person%1@example.com").arg(i), QStringLiteral("顧客 %1 様").arg(i) });
    }
    for (int i = 0; i < 15; ++i) {
        mail.references.append(QStringLiteral("%1.%2@mail.example.com").arg(QString(40, QLatin1Char('r'))).arg(i));
    }
    mail.bodyText = QString(3000, QLatin1Char('y')) + QStringLiteral("\n") + QString(2000, QChar(0x65e5))
        + QStringLiteral("\ntrailing space   \nline with a bare\rcarriage return");
    mail.attachments = { { QString(150, QChar(0x540d)) + QStringLiteral(".bin"), QStringLiteral("application/x-thing"),
        QByteArray(10000, 'z'), {} } };
    const QByteArray raw = MimeComposer::compose(mail);
    ASSERT_FALSE(raw.contains("\n\n"));
    const QByteArray headers = headerBlock(raw);
    for (const QByteArray &line : lines(raw)) {
        ASSERT_TRUE(line.endsWith('\r')) << line.toStdString();
        EXPECT_LE(line.size() - 1, 998) << line.left(80).toStdString();
        EXPECT_EQ(line.left(line.size() - 1).indexOf('\r'), -1);
    }
    for (const QByteArray &line : lines(headers)) {
        EXPECT_LE(line.size() - 1, HeaderEncoder::MaxLineLength) << line.toStdString();
    }
    const IncomingMessage message = roundTrip(raw);
    EXPECT_EQ(message.subject, mail.subject);
    EXPECT_EQ(message.to.size(), 12);
    EXPECT_EQ(message.references.size(), mail.references.size());
    ASSERT_EQ(message.attachments.size(), 1);
    EXPECT_EQ(message.attachments.constFirst().filename, mail.attachments.constFirst().filename);
    EXPECT_TRUE(lf(message.bodyText).contains(QStringLiteral("trailing space   \nline with a bare\ncarriage return")))
        << message.bodyText.right(200).toStdString();
}

TEST(MimeComposerTest, HeaderValuesCannotInjectFields)
{
    OutgoingMail mail = reply();
    mail.subject = QStringLiteral("Hello\r\nBcc: victim@example.com");
    mail.from.name = QStringLiteral("Support\nX-Evil: 1");
    const QByteArray raw = MimeComposer::compose(mail);
    EXPECT_FALSE(raw.contains("\r\nBcc:"));
    EXPECT_FALSE(raw.contains("\r\nX-Evil:"));
    EXPECT_EQ(roundTrip(raw).subject, QStringLiteral("Hello Bcc: victim@example.com"));
}

TEST(MimeComposerTest, FromAndDotLinesSurvive)
{
    OutgoingMail mail = reply();
    mail.bodyText = QStringLiteral("From the warehouse:\n.\n..two dots\n.hidden\nFrom: not a header");
    const QByteArray raw = MimeComposer::compose(mail);
    const QByteArray body = raw.mid(raw.indexOf("\r\n\r\n"));
    EXPECT_FALSE(body.contains("\r\nFrom ")) << body.toStdString();
    EXPECT_FALSE(body.contains("\r\n.")) << body.toStdString();
    const IncomingMessage message = roundTrip(raw);
    EXPECT_TRUE(lf(message.bodyText).startsWith(mail.bodyText)) << message.bodyText.toStdString();
}

TEST(MimeComposerTest, ThreeMegabyteAttachmentIsByteExact)
{
    OutgoingMail mail = reply();
    QByteArray content(3 * 1024 * 1024 + 7, Qt::Uninitialized);
    QRandomGenerator generator(20260305);
    for (char &c : content) {
        c = char(generator.bounded(256));
    }
    mail.attachments = { { QStringLiteral("photos.zip"), QStringLiteral("application/zip"), content, {} } };
    const QByteArray raw = MimeComposer::compose(mail);
    const IncomingMessage message = roundTrip(raw);
    ASSERT_EQ(message.attachments.size(), 1);
    EXPECT_EQ(message.attachments.constFirst().content.size(), content.size());
    EXPECT_TRUE(message.attachments.constFirst().content == content);
}

TEST(MimeComposerTest, HtmlPartEscapesWhatTheAgentTyped)
{
    OutgoingMail mail = reply();
    mail.bodyText = QStringLiteral(
        "Try <script>alert('x')</script> & \"quotes\"\nSee www.shop.example/faq, or mail help@shop.example.");
    const IncomingMessage message = roundTrip(MimeComposer::compose(mail));
    EXPECT_FALSE(message.bodyHtml.contains(QStringLiteral("<script")));
    EXPECT_TRUE(message.bodyHtml.contains(
        QStringLiteral("Try &lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;quotes&quot;<br>")))
        << message.bodyHtml.toStdString();
    EXPECT_TRUE(message.bodyHtml.contains(
        QStringLiteral("<a href=\"https://www.shop.example/faq\">www.shop.example/faq</a>, or mail "
                       "<a href=\"mailto:help@shop.example\">help@shop.example</a>.")))
        << message.bodyHtml.toStdString();
    EXPECT_TRUE(lf(message.bodyText).startsWith(mail.bodyText));
}

TEST(MimeComposerTest, EightBitOnlyWhenAllowed)
{
    OutgoingMail mail = reply();
    mail.bodyText = QStringLiteral("Café crème – 東京");
    const QByteArray sevenBit = MimeComposer::compose(mail);
    EXPECT_FALSE(sevenBit.contains("Content-Transfer-Encoding: 8bit"));
    for (const char c : sevenBit) {
        ASSERT_EQ(c & 0x80, 0);
    }
    mail.allow8bit = true;
    const QByteArray eightBit = MimeComposer::compose(mail);
    EXPECT_TRUE(eightBit.contains("Content-Transfer-Encoding: 8bit"));
    EXPECT_TRUE(lf(roundTrip(eightBit).bodyText).startsWith(mail.bodyText));
}

TEST(MimeComposerTest, PlainTextOnlyHasNoHtml)
{
    OutgoingMail mail = reply();
    mail.plainTextOnly = true;
    mail.attachments
        = { { QStringLiteral("a.png"), QStringLiteral("image/png"), QByteArrayLiteral("png"), QStringLiteral("a@b") } };
    const QByteArray raw = MimeComposer::compose(mail);
    EXPECT_FALSE(raw.contains("text/html"));
    const IncomingMessage message = roundTrip(raw);
    EXPECT_TRUE(message.bodyHtml.isEmpty());
    ASSERT_EQ(message.attachments.size(), 1);
}

TEST(MimeComposerTest, DateFieldFollowsRfc5322)
{
    EXPECT_EQ(HeaderEncoder::date(March5, 0), QByteArrayLiteral("Thu, 05 Mar 2026 14:03:00 +0000"));
    EXPECT_EQ(HeaderEncoder::date(March5, 540), QByteArrayLiteral("Thu, 05 Mar 2026 23:03:00 +0900"));
    EXPECT_EQ(HeaderEncoder::date(March5, -210), QByteArrayLiteral("Thu, 05 Mar 2026 10:33:00 -0330"));
    OutgoingMail mail = reply();
    mail.utcOffsetMinutes = 540;
    EXPECT_EQ(roundTrip(MimeComposer::compose(mail)).sentAt, March5);
}

TEST(MimeComposerTest, LatinTextAndLiteralEncodedWordMarkers)
{
    OutgoingMail mail = reply();
    const QStringList subjects { QStringLiteral("Re: Commande reçue – merci beaucoup, à bientôt"),
        QStringLiteral("Re: what does =?utf-8?q?x?= mean"), QStringLiteral("Re: 50% off_now? a=b \"quoted\""),
        QStringLiteral("Emoji 📦🚚 parcel") };
    for (const QString &subject : subjects) {
        mail.subject = subject;
        mail.from.name = QStringLiteral("A very long support team name, with a comma, that has to fold somewhere "
                                        "because it is longer than one line");
        const QByteArray raw = MimeComposer::compose(mail);
        for (const QByteArray &line : lines(headerBlock(raw))) {
            EXPECT_LE(line.size() - 1, HeaderEncoder::MaxLineLength) << line.toStdString();
        }
        const IncomingMessage message = roundTrip(raw);
        EXPECT_EQ(message.subject, subject);
        EXPECT_EQ(message.fromName, mail.from.name);
    }
}
