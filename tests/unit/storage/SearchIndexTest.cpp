// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Search: text preparation (CJK bigrams, MATCH expressions) and what an agent finds by words, order numbers,
// tracking numbers, e-mail addresses, phone numbers and names; hostile input never throws.
#include "TestWorkspace.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/MessageRepository.h"
#include "storage/OrderRepository.h"
#include "storage/SearchIndex.h"
#include "storage/SearchText.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace waybill;
using storage::SearchIndex;
namespace SearchText = storage::SearchText;

namespace {

constexpr qint64 Now = 1772000000;

class SearchIndexTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        const storage::CustomerRepository customers(db());
        olivia = customers.insert({ 0, QStringLiteral("Olivia Harper"), QStringLiteral("Olivia"), Now,
            { { 0, QStringLiteral("email"), QStringLiteral("olivia.harper@example.net") },
                { 0, QStringLiteral("phone"), QStringLiteral("+15550123456") } } });
        aiko = customers.insert({ 0, QString::fromUtf8("田中 愛子"), QString::fromUtf8("愛子"), Now,
            { { 0, QStringLiteral("email"), QStringLiteral("aiko@example.jp") } } });
        wei = customers.insert({ 0, QString::fromUtf8("王伟"), QString::fromUtf8("伟"), Now,
            { { 0, QStringLiteral("phone"), QStringLiteral("+8613800001111") } } });

        amazonOrder = order(QStringLiteral("amazon"), QStringLiteral("123-1234567-1234567"), olivia);
        shopifyOrder = order(QStringLiteral("shopify"), QStringLiteral("#1001"), aiko);
        const storage::OrderRepository orders(db());
        domain::Shipment shipment;
        shipment.orderId = shopifyOrder;
        shipment.carrier = QStringLiteral("ups");
        shipment.trackingNumber = QStringLiteral("1Z999AA10123456784");
        shipment.shippedAt = Now - 86400;
        orders.insertShipment(shipment);

        englishConversation
            = conversation(olivia, amazonOrder, 1, QStringLiteral("My umbrella arrived with a broken handle."));
        japaneseConversation
            = conversation(aiko, shopifyOrder, 2, QString::fromUtf8("配送状況を教えていただけますか。届きません。"));
        chineseConversation = conversation(wei, 0, 3, QString::fromUtf8("物流信息好几天没有更新。"));
    }

    const storage::Database &db() { return workspace.db(); }

    qint64 order(const QString &source, const QString &number, qint64 customerId)
    {
        domain::Order o;
        o.source = source;
        o.number = number;
        o.customerId = customerId;
        o.placedAt = Now - 5 * 86400;
        o.currency = QStringLiteral("USD");
        o.status = QStringLiteral("paid");
        return storage::OrderRepository(db()).insert(o);
    }

    qint64 conversation(qint64 customerId, qint64 orderId, qint64 age, const QString &text)
    {
        domain::ConversationSummary c;
        c.customerId = customerId;
        c.orderId = orderId;
        c.subject = QStringLiteral("Question");
        c.createdAt = Now - age;
        c.lastActivity = Now - age;
        const qint64 id = storage::ConversationRepository(db()).insert(c);
        message(id, text);
        return id;
    }

    void message(qint64 conversationId, const QString &text)
    {
        domain::Message m;
        m.conversationId = conversationId;
        m.bodyText = text;
        m.createdAt = Now;
        storage::MessageRepository(db()).insert(m);
    }

    QList<qint64> search(const QString &query, int limit = 20) { return SearchIndex(db()).search(query, limit); }

    waybill::testing::TestWorkspace workspace;
    qint64 olivia = 0, aiko = 0, wei = 0;
    qint64 amazonOrder = 0, shopifyOrder = 0;
    qint64 englishConversation = 0, japaneseConversation = 0, chineseConversation = 0;
};

} // namespace

TEST(SearchTextTest, IndexTextSplitsCjkRunsIntoBigrams)
{
    // 配 送 状 況 are U+914D U+9001 U+72B6 U+6CC1: "0sp9", "0sg1", "0mnq", "0lhd" in four base-36 digits.
    EXPECT_EQ(SearchText::forIndex(QString::fromUtf8("配送状況")), QStringLiteral(" |0sp90sg1 |0sg10mnq |0mnq0lhd "));
    EXPECT_EQ(SearchText::forIndex(QString::fromUtf8("届")), QStringLiteral(" |0i8a "));
    EXPECT_EQ(SearchText::forIndex(QString::fromUtf8("order 注文番号 #1001")),
        QStringLiteral("order  |0lig0k1z |0k1z0n6y |0n6y0gl3  #1001"));
    EXPECT_EQ(SearchText::forIndex(QStringLiteral("plain words stay")), QStringLiteral("plain words stay"));
    // '|' belongs to CJK tokens alone.
    EXPECT_EQ(SearchText::forIndex(QStringLiteral("a|b |0sp9")), QStringLiteral("a b  0sp9"));
    EXPECT_EQ(SearchText::forIndex(QString()), QString());
}

TEST(SearchTextTest, QuotedReplyIsLeftOutOfTheIndexText)
{
    const QString reply = QStringLiteral("Thanks, that helps.\n\nOn Mon, 2 Nov 2026, Shop <help@shop.example> wrote:\n"
                                         "> Your parcel left our warehouse.\n>> Where is my umbrella?\n\nBest, Olivia");
    EXPECT_EQ(SearchText::withoutQuotedReply(reply), QStringLiteral("Thanks, that helps.\n\n\nBest, Olivia\n"));
    // An attribution line with blank lines before the quote goes too; a line ending in ':' without a quote stays.
    EXPECT_EQ(SearchText::withoutQuotedReply(QStringLiteral("Hi\nAm 2. Nov. schrieb Anna:\n\n  > alt\nneu")),
        QStringLiteral("Hi\n\nneu\n"));
    EXPECT_EQ(SearchText::withoutQuotedReply(QStringLiteral("My friend wrote:\nhello")),
        QStringLiteral("My friend wrote:\nhello"));
    // Text without quoted lines is returned as it is, '>' inside a line included.
    const QString plain = QStringLiteral("Size > 10 cm -> too big");
    EXPECT_EQ(SearchText::withoutQuotedReply(plain), plain);
    EXPECT_EQ(SearchText::forMessage(QString::fromUtf8("届\n> 配送状況")), QStringLiteral(" |0i8a \n"));
}

TEST(SearchTextTest, MatchExpressions)
{
    EXPECT_EQ(
        SearchText::matchExpression(QStringLiteral("broken umbrella")), QStringLiteral("\"broken\" AND \"umbrella\"*"));
    EXPECT_EQ(SearchText::matchExpression(QString::fromUtf8("配送")), QStringLiteral("\"|0sp90sg1\"*"));
    EXPECT_EQ(SearchText::matchExpression(QString::fromUtf8("配送状況")),
        QStringLiteral("\"|0sp90sg1 |0sg10mnq |0mnq0lhd\"*"));
    // One CJK character matches as the prefix of a bigram.
    EXPECT_EQ(SearchText::matchExpression(QString::fromUtf8("届")), QStringLiteral("\"|0i8a\"*"));
    EXPECT_EQ(SearchText::matchExpression(QString::fromUtf8("注文abc")), QStringLiteral("\"|0lig0k1z\" AND \"abc\"*"));
    // Quotes and operators typed by people are never FTS syntax.
    EXPECT_EQ(SearchText::matchExpression(QStringLiteral("say \"hi\"")), QStringLiteral("\"say\" AND \"hi\"*"));
    EXPECT_EQ(
        SearchText::matchExpression(QStringLiteral("NEAR(a b)")), QStringLiteral("\"NEAR\" AND \"a\" AND \"b\"*"));
    EXPECT_EQ(SearchText::matchExpression(QStringLiteral("broken umbrella"), false),
        QStringLiteral("\"broken\" AND \"umbrella\""));
    EXPECT_TRUE(SearchText::matchExpression(QString()).isEmpty());
    EXPECT_TRUE(SearchText::matchExpression(QStringLiteral("  \"*()- ")).isEmpty());
    EXPECT_TRUE(SearchText::isCjk(U'配'));
    EXPECT_TRUE(SearchText::isCjk(U'か'));
    EXPECT_TRUE(SearchText::isCjk(U'한'));
    EXPECT_FALSE(SearchText::isCjk(U'a'));
    EXPECT_FALSE(SearchText::isCjk(U'é'));
}

TEST_F(SearchIndexTest, FindsAnEnglishWordAndItsPrefix)
{
    EXPECT_EQ(search(QStringLiteral("umbrella")), QList<qint64> { englishConversation });
    EXPECT_EQ(search(QStringLiteral("UMBRELLA")), QList<qint64> { englishConversation });
    EXPECT_EQ(search(QStringLiteral("broken umbrella")), QList<qint64> { englishConversation });
    // Message text matches whole words; only names match as a prefix.
    EXPECT_TRUE(search(QStringLiteral("umbrel")).isEmpty());
    EXPECT_TRUE(search(QStringLiteral("umbrella giraffe")).isEmpty());
}

TEST_F(SearchIndexTest, FindsJapaneseAndChineseWordsInsideLongerRuns)
{
    EXPECT_EQ(search(QString::fromUtf8("配送")), QList<qint64> { japaneseConversation });
    EXPECT_EQ(search(QString::fromUtf8("配送状況")), QList<qint64> { japaneseConversation });
    EXPECT_EQ(search(QString::fromUtf8("届")), QList<qint64> { japaneseConversation });
    EXPECT_EQ(search(QString::fromUtf8("物流")), QList<qint64> { chineseConversation });
    EXPECT_EQ(search(QString::fromUtf8("更新")), QList<qint64> { chineseConversation });
    EXPECT_TRUE(search(QString::fromUtf8("配達")).isEmpty());
}

TEST_F(SearchIndexTest, FindsAReplyByItsOwnWordsAndNotByWhatItQuotes)
{
    message(englishConversation,
        QStringLiteral("Could you send a replacement?\n\nOn Tuesday Olivia wrote:\n> broken handle again\n"));
    message(chineseConversation, QStringLiteral("Replacement sent.\n> My umbrella arrived with a broken handle."));
    QList<qint64> found = search(QStringLiteral("replacement"));
    std::sort(found.begin(), found.end());
    EXPECT_EQ(found, (QList<qint64> { englishConversation, chineseConversation }));
    // The quoted words find only the conversation that wrote them.
    EXPECT_EQ(search(QStringLiteral("broken handle")), QList<qint64> { englishConversation });
}

TEST_F(SearchIndexTest, FindsOrderNumbers)
{
    EXPECT_EQ(search(QStringLiteral("123-1234567-1234567")), QList<qint64> { englishConversation });
    EXPECT_EQ(search(QStringLiteral("#1001")), QList<qint64> { japaneseConversation });
    EXPECT_EQ(search(QStringLiteral("1001")), QList<qint64> { japaneseConversation });
    EXPECT_EQ(search(QStringLiteral(" 1001 ")), QList<qint64> { japaneseConversation });
}

TEST_F(SearchIndexTest, FindsTrackingNumbersHoweverTyped)
{
    EXPECT_EQ(search(QStringLiteral("1Z999AA10123456784")), QList<qint64> { japaneseConversation });
    EXPECT_EQ(search(QStringLiteral("1z999aa10123456784")), QList<qint64> { japaneseConversation });
    EXPECT_EQ(search(QStringLiteral("1Z 999 AA1 0123 456 784")), QList<qint64> { japaneseConversation });
}

TEST_F(SearchIndexTest, FindsEmailAddressesInAnyCase)
{
    EXPECT_EQ(search(QStringLiteral("olivia.harper@example.net")), QList<qint64> { englishConversation });
    EXPECT_EQ(search(QStringLiteral("Olivia.Harper@EXAMPLE.net")), QList<qint64> { englishConversation });
    EXPECT_EQ(search(QStringLiteral("AIKO@EXAMPLE.JP")), QList<qint64> { japaneseConversation });
}

TEST_F(SearchIndexTest, FindsPhoneNumbersTypedWithPunctuation)
{
    EXPECT_EQ(search(QStringLiteral("+1 (555) 012-3456")), QList<qint64> { englishConversation });
    EXPECT_EQ(search(QStringLiteral("1-555-012-3456")), QList<qint64> { englishConversation });
    EXPECT_EQ(search(QStringLiteral("+86 138 0000 1111")), QList<qint64> { chineseConversation });
}

TEST_F(SearchIndexTest, FindsCustomersByName)
{
    EXPECT_EQ(search(QStringLiteral("Harper")), QList<qint64> { englishConversation });
    EXPECT_EQ(search(QStringLiteral("olivia harp")), QList<qint64> { englishConversation });
    EXPECT_EQ(search(QString::fromUtf8("田中")), QList<qint64> { japaneseConversation });
    EXPECT_EQ(search(QString::fromUtf8("王伟")), QList<qint64> { chineseConversation });
}

TEST_F(SearchIndexTest, ResultsAreNewestFirstAndLimited)
{
    QList<qint64> expected;
    for (int i = 0; i < 6; ++i) {
        expected.prepend(conversation(0, 0, 100 - i, QStringLiteral("parcel lost number %1").arg(i)));
    }
    EXPECT_EQ(search(QStringLiteral("parcel lost")), expected);
    EXPECT_EQ(search(QStringLiteral("parcel lost"), 3), expected.mid(0, 3));
    EXPECT_EQ(search(QStringLiteral("parcel"), 1), expected.mid(0, 1));
    EXPECT_TRUE(search(QStringLiteral("parcel"), 0).isEmpty());

    // A conversation with many matching messages is listed once.
    for (int i = 0; i < 5; ++i) {
        message(englishConversation, QStringLiteral("parcel lost again"));
    }
    const QList<qint64> again = search(QStringLiteral("parcel lost"));
    EXPECT_EQ(again.first(), englishConversation);
    EXPECT_EQ(again.size(), 7);
}

TEST_F(SearchIndexTest, HostileInputNeverThrows)
{
    const QStringList hostile
        = { QStringLiteral("\""), QStringLiteral("*"), QStringLiteral("NEAR("), QStringLiteral("AND OR"),
              QStringLiteral("\"unclosed"), QStringLiteral(")("), QStringLiteral("body:x"), QStringLiteral("^start"),
              QStringLiteral("-"), QStringLiteral("a OR b NOT"), QStringLiteral("'; DROP TABLE messages; --"),
              QString(2000, u'x'), QString::fromUtf8("配\"送*"), QStringLiteral("   ") };
    for (const QString &query : hostile) {
        EXPECT_NO_THROW(search(query)) << query.toStdString();
    }
    EXPECT_EQ(search(QStringLiteral("umbrella")), QList<qint64> { englishConversation });
}
