// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The pure pieces under MimeParser: charset labels and detection, RFC 2047 header text, message ids and the
// HTML-to-text fallback.
#include "channels/email/CharsetDecoder.h"
#include "channels/email/EncodedWordDecoder.h"
#include "channels/email/HtmlToText.h"
#include "channels/email/MessageIds.h"

#include <QFile>

#include <gtest/gtest.h>

using waybill::channels::email::CharsetDecoder;
using waybill::channels::email::EncodedWordDecoder;
using waybill::channels::email::HtmlToText;
using waybill::channels::email::MessageIds;

namespace {

QByteArray filter(const char *name)
{
    QFile file(
        QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/gmime/tests/data/filters/") + QString::fromLatin1(name));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name;
    return file.readAll();
}

} // namespace

TEST(MimeCharsetTest, LabelledCharsetsDecodeToTheReferenceText)
{
    const QString japanese = QString::fromUtf8(filter("japanese.utf-8.txt"));
    EXPECT_EQ(CharsetDecoder::decode(filter("japanese.shift-jis.txt"), "Shift_JIS").left(200), japanese.left(200));
    EXPECT_EQ(CharsetDecoder::decode(filter("japanese.iso-2022-jp.txt"), "iso-2022-jp").left(200), japanese.left(200));
    const QString cyrillic = CharsetDecoder::decode(filter("cyrillic.cp1251.txt"), "windows-1251");
    EXPECT_EQ(cyrillic, CharsetDecoder::decode(filter("cyrillic.koi8-r.txt"), "koi8-r"));
    EXPECT_TRUE(cyrillic.startsWith(QStringLiteral("Лорем ипсум")));
}

TEST(MimeCharsetTest, AliasesMapToTheSupersetsMailUses)
{
    EXPECT_EQ(CharsetDecoder::canonicalName("GB2312"), QByteArray("GB18030"));
    EXPECT_EQ(CharsetDecoder::canonicalName("\"x-sjis\""), QByteArray("Shift_JIS"));
    EXPECT_EQ(CharsetDecoder::canonicalName("ks_c_5601-1987"), QByteArray("windows-949"));
    EXPECT_EQ(CharsetDecoder::canonicalName("ISO-8859-1"), QByteArray("windows-1252"));
    EXPECT_EQ(CharsetDecoder::canonicalName("utf-8*en"), QByteArray("UTF-8"));
    EXPECT_TRUE(CharsetDecoder::canonicalName("no-such-charset").isEmpty());
    // The euro sign exists in windows-1252 but not in Latin-1; mail labelled Latin-1 means it.
    EXPECT_EQ(CharsetDecoder::decode("\x80 5", "iso-8859-1"), QStringLiteral("€ 5"));
}

TEST(MimeCharsetTest, UnlabelledTextIsDetectedByPlausibility)
{
    EXPECT_EQ(CharsetDecoder::detect("plain"), QByteArray("us-ascii"));
    EXPECT_EQ(CharsetDecoder::detect(QStringLiteral("Grüße").toUtf8()), QByteArray("UTF-8"));
    EXPECT_EQ(CharsetDecoder::detect(filter("japanese.shift-jis.txt")), QByteArray("Shift_JIS"));
    EXPECT_EQ(CharsetDecoder::detect(filter("japanese.iso-2022-jp.txt")), QByteArray("ISO-2022-JP"));
    EXPECT_EQ(CharsetDecoder::detect(filter("french-fable.cp1252.txt")), QByteArray("windows-1252"));
    const QByteArray gb
        = CharsetDecoder::decode(QStringLiteral("您好，我的订单还没有到，请帮我查一下。").toUtf8(), "UTF-8").toUtf8();
    EXPECT_EQ(CharsetDecoder::detect(QByteArray("\xc4\xfa\xba\xc3\xa3\xac\xce\xd2\xb5\xc4\xb6\xa9\xb5\xa5")),
        QByteArray("GB18030")); // 您好，我的订单 in GB2312
    EXPECT_FALSE(gb.isEmpty());
    // Wrong labels: 8-bit under us-ascii, invalid UTF-8 under utf-8.
    EXPECT_EQ(CharsetDecoder::decode("caf\xe9", "us-ascii"), QStringLiteral("café"));
    EXPECT_EQ(CharsetDecoder::decode("caf\xe9 cr\xe8me", "utf-8"), QStringLiteral("café crème"));
}

TEST(MimeCharsetTest, EncodedWordsTheWayRealMailWritesThem)
{
    EXPECT_EQ(EncodedWordDecoder::decode("=?UTF-8?B?TXlTdXJ2ZXk=?=\r\n =?UTF-8?B?LmNvbTogIFk=?="),
        QStringLiteral("MySurvey.com: Y"));
    EXPECT_EQ(EncodedWordDecoder::decode("Re: =?utf-8?q?hello world?="), QStringLiteral("Re: hello world"));
    EXPECT_EQ(EncodedWordDecoder::decode("\"=?utf-8?Q?J=C3=B6rg?=\" and more"), QStringLiteral("\"Jörg\" and more"));
    EXPECT_EQ(EncodedWordDecoder::decode("pre=?utf-8?Q?=C3=A9?=post"), QStringLiteral("preépost"));
    EXPECT_EQ(EncodedWordDecoder::decode("=?unknown-8bit?Q?Gr=C3=BC=C3=9Fe?="), QStringLiteral("Grüße"));
    EXPECT_EQ(EncodedWordDecoder::decode("=?NONE?B?VEVTVA=?="), QStringLiteral("TEST"));
    EXPECT_EQ(EncodedWordDecoder::decode("=?ISO-2022-JP?B?GyRCJDMkcyRLJEEkTxsoQg==?="), QStringLiteral("こんにちは"));
    EXPECT_EQ(EncodedWordDecoder::decode("broken =?utf-8?Q?no end"), QStringLiteral("broken =?utf-8?Q?no end"));
    EXPECT_EQ(EncodedWordDecoder::decode("\x1b$B$3$s$K$A$O\x1b(B"), QStringLiteral("こんにちは"));
    EXPECT_EQ(
        EncodedWordDecoder::repair8bit("Ren\xe9 <rene@example.fr>"), QStringLiteral("René <rene@example.fr>").toUtf8());
}

TEST(MimeCharsetTest, MessageIdsAreTolerant)
{
    EXPECT_EQ(MessageIds::parseList("<a@x> <b@x>\r\n\t<a@x> garbage <c@x"),
        QStringList({ QStringLiteral("a@x"), QStringLiteral("b@x") }));
    EXPECT_EQ(MessageIds::parseOne("bare-id@example.com"), QStringLiteral("bare-id@example.com"));
    EXPECT_EQ(MessageIds::parseOne("Your message of 3 May <id@x> (comment)"), QStringLiteral("id@x"));
    EXPECT_EQ(MessageIds::fromHeaderBlock("Subject: x\r\nMessage-ID:\r\n <folded@x>\r\n"), QStringLiteral("folded@x"));
}

TEST(MimeCharsetTest, HtmlBecomesReadableText)
{
    EXPECT_EQ(HtmlToText::convert(QStringLiteral("<html><head><style>p{}</style><title>t</title></head><body>"
                                                 "<p>Hello&nbsp;there,</p><p>order&#32;#42 &amp; more</p>"
                                                 "<script>alert(1)</script><div>Bye<br>now</div></body></html>")),
        QStringLiteral("Hello there,\norder #42 & more\nBye\nnow"));
}

TEST(MimeCharsetTest, AdjacentIso2022JpWordsDecodeAsOneText)
{
    EXPECT_EQ(EncodedWordDecoder::decode("=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?= =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?="),
        QString::fromUtf8("テストテスト"));
    EXPECT_EQ(EncodedWordDecoder::decode("Re: TEST =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?="),
        QString::fromUtf8("Re: TEST テスト"));
}
