// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Number windows: the parts of a text around its numbers, on which number patterns find what the whole text holds.
#include "text/NumberWindows.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStringList>

#include <gtest/gtest.h>

using waybill::text::NumberWindows;

namespace {

QStringList windowTexts(const NumberWindows &windows)
{
    return windows.isEmpty() ? QStringList() : windows.text().split(QChar(NumberWindows::Separator));
}

QStringList matchesInText(const QRegularExpression &re, const QString &text)
{
    QStringList out;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        out << it.next().captured(0);
    }
    return out;
}

QStringList matchesInWindows(const QRegularExpression &re, const NumberWindows &windows)
{
    return matchesInText(re, windows.text());
}

/// Words and separators that make number patterns match, nearly match and straddle word boundaries.
QString randomText(QRandomGenerator &random, int words)
{
    static const QStringList vocabulary = {
        QStringLiteral("order"),
        QStringLiteral("Order"),
        QStringLiteral("no."),
        QStringLiteral("#"),
        QStringLiteral("＃"),
        QStringLiteral("number"),
        QStringLiteral("the"),
        QStringLiteral("parcel"),
        QStringLiteral("1001"),
        QStringLiteral("#1042"),
        QStringLiteral("EU1001"),
        QStringLiteral("1088-B"),
        QStringLiteral("113-4567890-1234567"),
        QStringLiteral("12-34567-89012"),
        QStringLiteral("1Z999AA10123456784"),
        QStringLiteral("9400110200881234567890"),
        QStringLiteral("RA123456789GB"),
        QStringLiteral("123456789012"),
        QStringLiteral("555-0123"),
        QStringLiteral("x7"),
        QStringLiteral("-"),
        QStringLiteral("１２３４"),
        QString::fromUtf8("注文"),
        QString::fromUtf8("注文#1042の配送"),
        QString::fromUtf8("订单1042延迟"),
        QString::fromUtf8("番号"),
        QString::fromUtf8("𝟏𝟐𝟑"),
        QStringLiteral("naïve"),
        QStringLiteral("a-1"),
    };
    static const QStringList gaps = { QStringLiteral(" "), QStringLiteral("  "), QStringLiteral("\n"),
        QStringLiteral("\t"), QString::fromUtf8("\u3000"), QStringLiteral("\r\n") };
    QString text;
    for (int i = 0; i < words; ++i) {
        if (i > 0) {
            text += gaps.at(random.bounded(int(gaps.size())));
        }
        text += vocabulary.at(random.bounded(int(vocabulary.size())));
        if (random.bounded(4) == 0) { // glue two words now and then
            text += vocabulary.at(random.bounded(int(vocabulary.size())));
        }
    }
    return text;
}

} // namespace

TEST(NumberWindowsTest, TextWithoutDigitsHasNoWindow)
{
    EXPECT_TRUE(NumberWindows(QString()).isEmpty());
    EXPECT_TRUE(NumberWindows(QStringLiteral("Where is my parcel? It was due on Monday.")).isEmpty());
}

TEST(NumberWindowsTest, AWindowHoldsTheWordsBeforeItsNumber)
{
    const QString text = QStringLiteral("Hello there, this is about my order no. # 1001 which has not arrived.");
    EXPECT_EQ(windowTexts(NumberWindows(text)), QStringList { QStringLiteral("my order no. # 1001") });
    EXPECT_EQ(windowTexts(NumberWindows(text, 1)), QStringList { QStringLiteral("# 1001") });
    EXPECT_EQ(windowTexts(NumberWindows(text, 0)), QStringList { QStringLiteral("1001") });
}

TEST(NumberWindowsTest, NearbyNumbersShareOneWindowAndDistantOnesDoNot)
{
    const QString text = QStringLiteral("a b c d e f 12 g h 34 i j k l m n o p 56 q");
    EXPECT_EQ(windowTexts(NumberWindows(text, 2)),
        (QStringList { QStringLiteral("e f 12 g h 34"), QStringLiteral("o p 56") }));
    // Two words between the numbers are exactly what the second one reaches back over: still one window.
    EXPECT_EQ(windowTexts(NumberWindows(QStringLiteral("12 g h 34"), 2)), QStringList { QStringLiteral("12 g h 34") });
    EXPECT_EQ(windowTexts(NumberWindows(QStringLiteral("12 g h 34"), 1)),
        (QStringList { QStringLiteral("12"), QStringLiteral("h 34") }));
}

TEST(NumberWindowsTest, DigitsOfEveryScriptCount)
{
    EXPECT_EQ(windowTexts(NumberWindows(QString::fromUtf8("番号　１２３４　です"), 1)),
        QStringList { QString::fromUtf8("番号　１２３４") });
    EXPECT_EQ(windowTexts(NumberWindows(QString::fromUtf8("see 𝟏𝟐 now"), 0)), QStringList { QString::fromUtf8("𝟏𝟐") });
    EXPECT_EQ(windowTexts(NumberWindows(QString::fromUtf8("注文#1042の配送状況"), 0)),
        QStringList { QString::fromUtf8("注文#1042の配送状況") });
}

TEST(NumberWindowsTest, PatternsWithinTheContractFindWhatTheWholeTextHolds)
{
    // Case-insensitive and Unicode-aware, as the order linker's patterns are.
    const auto options = QRegularExpression::CaseInsensitiveOption;
    const QList<QRegularExpression> patterns {
        QRegularExpression(QStringLiteral("(?<![\\d-])(\\d{3}-\\d{7}-\\d{7})(?![\\d-])")),
        QRegularExpression(QStringLiteral("(?:order\\s*(?:no\\.?|number|#)?\\s*#?|注文\\s*(?:番号)?\\s*[#＃]?)\\s*"
                                          "((?:[A-Z]{1,5}-?)?\\d{3,10}(?:-[A-Z0-9]{1,5}(?![\\w-]))?)(?![\\d-])"),
            options),
        QRegularExpression(QStringLiteral("(?<![\\w#])[#＃]\\s*((?:[A-Z]{1,5}-?)?\\d{3,10})(?![\\d-])"), options),
        QRegularExpression(
            QStringLiteral("\\b(1Z[0-9A-Z]{16}|9[2345]\\d{20}|[A-Z]{2}\\d{9}[A-Z]{2}|\\d{10,15})\\b"), options),
        QRegularExpression(QStringLiteral("\\d+")),
    };
    QRandomGenerator random(20261204);
    for (int round = 0; round < 2000; ++round) {
        const QString text = randomText(random, 1 + random.bounded(60));
        const NumberWindows windows(text);
        for (const QRegularExpression &re : patterns) {
            ASSERT_EQ(matchesInWindows(re, windows), matchesInText(re, text))
                << "pattern " << re.pattern().toStdString() << "\ntext: " << text.toStdString();
        }
    }
}
