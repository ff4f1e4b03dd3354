// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The order panel of an eBay conversation shows the listing the buyer wrote about (its title, item number, a link to
// it and "Copy link"), above the order, whether or not an order is linked; other conversations show no listing.
#include "Screenshot.h"
#include "ui/OrderPanelWidget.h"
#include "ui/SafeTextBrowser.h"

#include <QApplication>
#include <QClipboard>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace waybill;

namespace {

constexpr qint64 Now = 1772000000;

domain::ConversationDetail ebayQuestion()
{
    domain::ConversationDetail detail;
    detail.conversation.id = 9;
    detail.conversation.channel = domain::Channel::Ebay;
    detail.customer = domain::Customer { 4, QStringLiteral("fguser2"), QStringLiteral("fguser2"), Now - 86400,
        { { 0, QStringLiteral("ebay"), QStringLiteral("fguser2") },
            { 0, QStringLiteral("email"), QStringLiteral("unitednerdsco@hotmail.com") } } };
    detail.listing = domain::MarketplaceListing { QStringLiteral("ebay"), QStringLiteral("110001567511"),
        QStringLiteral("UNC North Carolina Tarheels Fleece Jacket- Large L NWT") };
    return detail;
}

QString html(const ui::OrderPanelWidget &panel)
{
    const auto *browser = panel.findChild<ui::SafeTextBrowser *>(QStringLiteral("orderPanelBrowser"));
    EXPECT_NE(browser, nullptr);
    return browser ? browser->toHtml() : QString();
}

} // namespace

TEST(OrderPanelListingTest, AnEbayQuestionShowsItsListingAboveTheOrder)
{
    ui::OrderPanelWidget panel;
    panel.resize(360, 520);
    panel.show();
    panel.setDetail(ebayQuestion(), Now);
    const QString text = panel.plainText();
    EXPECT_TRUE(text.contains(QStringLiteral("EBAY LISTING"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("UNC North Carolina Tarheels Fleece Jacket- Large L NWT")));
    EXPECT_TRUE(text.contains(QStringLiteral("110001567511")));
    EXPECT_LT(text.indexOf(QStringLiteral("EBAY LISTING")), text.indexOf(QStringLiteral("ORDER")));
    EXPECT_TRUE(html(panel).contains(QStringLiteral("https://www.ebay.com/itm/110001567511")));
    waybill::testing::saveScreenshot(&panel, QStringLiteral("order-panel-ebay-listing"));

    // "Copy link" puts the listing's address on the clipboard.
    QSignalSpy copied(&panel, &ui::OrderPanelWidget::linkCopied);
    auto *browser = panel.findChild<ui::SafeTextBrowser *>(QStringLiteral("orderPanelBrowser"));
    ASSERT_NE(browser, nullptr);
    Q_EMIT browser->linkActivated(
        QUrl(QStringLiteral("waybill:copy-link?url=https%3A%2F%2Fwww.ebay.com%2Fitm%2F110001567511")));
    ASSERT_EQ(copied.count(), 1);
    EXPECT_EQ(QApplication::clipboard()->text(), QStringLiteral("https://www.ebay.com/itm/110001567511"));
}

TEST(OrderPanelListingTest, OtherConversationsShowNoListing)
{
    ui::OrderPanelWidget panel;
    domain::ConversationDetail detail = ebayQuestion();
    detail.listing.reset();
    detail.conversation.channel = domain::Channel::Email;
    panel.setDetail(detail, Now);
    EXPECT_FALSE(panel.plainText().contains(QStringLiteral("LISTING"))) << panel.plainText().toStdString();
}
