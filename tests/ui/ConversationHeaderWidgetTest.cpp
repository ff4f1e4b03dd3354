// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The marketplace deadline clock above an Amazon conversation: shown while Amazon waits for an answer, counted
// down on the injected clock, coloured when at risk or overdue, and absent for e-mail and closed conversations.
#include "ui/ConversationHeaderWidget.h"

#include <QLabel>

#include <gtest/gtest.h>

using namespace waybill;
using ui::ConversationHeaderWidget;

namespace {

constexpr qint64 Received = 1770504000; // 2026-02-07 22:40 UTC, a Saturday night

domain::ConversationSummary amazonConversation()
{
    domain::ConversationSummary c;
    c.id = 7;
    c.channel = domain::Channel::Amazon;
    c.subject = QStringLiteral("Inquiry from Amazon customer Sam Rivera (Order: 114-3941689-8772232)");
    c.customerName = QStringLiteral("Sam Rivera");
    c.status = domain::ConversationStatus::Open;
    c.marketDueAt = Received + 24 * 3600;
    return c;
}

QLabel *deadline(const ConversationHeaderWidget &header)
{
    return header.findChild<QLabel *>(QStringLiteral("marketDeadlineLabel"));
}

} // namespace

TEST(ConversationHeaderWidgetTest, AmazonConversationShowsItsDeadlineCountingDown)
{
    qint64 now = Received + 3600;
    ConversationHeaderWidget header;
    header.setClock([&now] { return now; });
    header.setSummary(amazonConversation(), 1);
    QLabel *label = deadline(header);
    ASSERT_TRUE(label);
    EXPECT_FALSE(label->isHidden());
    EXPECT_EQ(label->text(), QStringLiteral("Amazon deadline: 23h 0m left"));
    EXPECT_TRUE(label->toolTip().contains(QStringLiteral("all hours"))) << label->toolTip().toStdString();
    const QString calm = label->styleSheet();

    now = Received + 23 * 3600; // one hour left: at risk
    header.setClock([&now] { return now; });
    EXPECT_EQ(label->text(), QStringLiteral("Amazon deadline: 1h 0m left"));
    EXPECT_NE(label->styleSheet(), calm);

    now = Received + 26 * 3600;
    header.setClock([&now] { return now; });
    EXPECT_TRUE(label->text().contains(QStringLiteral("overdue"))) << label->text().toStdString();
}

TEST(ConversationHeaderWidgetTest, EbayConversationShowsEbaysDeadline)
{
    ConversationHeaderWidget header;
    header.setClock([] { return Received + 2 * 3600; });
    domain::ConversationSummary ebay = amazonConversation();
    ebay.channel = domain::Channel::Ebay;
    ebay.subject = QStringLiteral("Question for item #110001567511 - Cowboy Boots");
    header.setSummary(ebay, 1);
    ASSERT_TRUE(deadline(header));
    EXPECT_FALSE(deadline(header)->isHidden());
    EXPECT_EQ(deadline(header)->text(), QStringLiteral("eBay deadline: 22h 0m left"));
}

TEST(ConversationHeaderWidgetTest, NoClockForEmailOrClosedConversations)
{
    ConversationHeaderWidget header;
    header.setClock([] { return Received; });
    domain::ConversationSummary email = amazonConversation();
    email.channel = domain::Channel::Email;
    email.marketDueAt = 0;
    header.setSummary(email, 1);
    EXPECT_TRUE(deadline(header)->isHidden());

    domain::ConversationSummary closed = amazonConversation();
    closed.status = domain::ConversationStatus::Closed;
    header.setSummary(closed, 1);
    EXPECT_TRUE(deadline(header)->isHidden());

    header.setSummary(amazonConversation(), 1);
    EXPECT_FALSE(deadline(header)->isHidden());
    header.clear();
    EXPECT_TRUE(deadline(header)->isHidden());
}
