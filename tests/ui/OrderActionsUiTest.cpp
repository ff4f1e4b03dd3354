// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The order panel's refund, cancel and resend: offered on Shopify orders to supervisors and admins only, each
// confirmed with what will happen and the amount in the order's currency before the engine is asked.
#include "FakeDialogService.h"
#include "Screenshot.h"
#include "ui/OrderActionController.h"
#include "ui/OrderActionDialog.h"
#include "ui/OrderPanelWidget.h"
#include "ui/SafeTextBrowser.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace waybill;
using Kind = domain::OrderAction::Kind;

namespace {

constexpr qint64 Now = 1772000000;

/// A conversation about a Shopify order of two lines: 409.94 USD paid, 41.94 already refunded.
domain::ConversationDetail shopifyDetail()
{
    domain::ConversationDetail detail;
    detail.conversation.id = 7;
    detail.conversation.subject = QStringLiteral("Broken on arrival");
    detail.customer = domain::Customer { 3, QStringLiteral("Bob Norman"), QStringLiteral("Bob"), Now - 86400 * 400,
        { { 0, QStringLiteral("email"), QStringLiteral("bob.norman@mail.example.com") } } };
    domain::Order order { 11, QStringLiteral("shopify"), QStringLiteral("#1001"), 3, Now - 86400 * 3,
        QStringLiteral("USD"), 39800, 0, 1194, 40994, QStringLiteral("paid"),
        { { 1, QStringLiteral("IPOD2008GREEN"), QStringLiteral("IPod Nano - 8gb - green"), 2, 19900 } } };
    order.account = QStringLiteral("shopify:test-shop.myshopify.com");
    order.externalId = QStringLiteral("450789469");
    order.refundedCents = 4194;
    detail.order = order;
    return detail;
}

QString panelText(bool allowed, const domain::ConversationDetail &detail)
{
    ui::OrderPanelWidget panel;
    panel.setOrderActionsAllowed(allowed);
    panel.setDetail(detail, Now);
    return panel.plainText();
}

TEST(OrderActionsUiTest, PanelOffersActionsOnShopifyOrdersToPermittedRolesOnly)
{
    const domain::ConversationDetail detail = shopifyDetail();
    const QString allowed = panelText(true, detail);
    EXPECT_TRUE(allowed.contains(QStringLiteral("Refund…"))) << allowed.toStdString();
    EXPECT_TRUE(allowed.contains(QStringLiteral("Cancel order…")));
    EXPECT_TRUE(allowed.contains(QStringLiteral("Resend…")));
    EXPECT_TRUE(allowed.contains(QStringLiteral("Refunded"))) << allowed.toStdString();
    EXPECT_TRUE(allowed.contains(QStringLiteral("−$41.94"))) << allowed.toStdString();

    const QString refused = panelText(false, detail);
    EXPECT_FALSE(refused.contains(QStringLiteral("Refund…")));
    EXPECT_TRUE(refused.contains(QStringLiteral("supervisors and admins only")));

    domain::ConversationDetail csv = detail;
    csv.order->source = QStringLiteral("csv");
    csv.order->account.clear();
    const QString other = panelText(true, csv);
    EXPECT_FALSE(other.contains(QStringLiteral("Refund…")));
    EXPECT_FALSE(other.contains(QStringLiteral("supervisors and admins only")));

    domain::ConversationDetail cancelled = detail;
    cancelled.order->status = QStringLiteral("cancelled");
    EXPECT_FALSE(panelText(true, cancelled).contains(QStringLiteral("Cancel order…")));
}

TEST(OrderActionsUiTest, PanelLinksAskForTheAction)
{
    ui::OrderPanelWidget panel;
    panel.setOrderActionsAllowed(true);
    panel.setDetail(shopifyDetail(), Now);
    QSignalSpy requested(&panel, &ui::OrderPanelWidget::orderActionRequested);
    auto *browser = panel.findChild<ui::SafeTextBrowser *>(QStringLiteral("orderPanelBrowser"));
    ASSERT_NE(browser, nullptr);
    Q_EMIT browser->linkActivated(QUrl(QStringLiteral("waybill:order-action?kind=cancel")));
    Q_EMIT browser->linkActivated(QUrl(QStringLiteral("waybill:order-action?kind=resend")));
    ASSERT_EQ(requested.count(), 2);
    EXPECT_EQ(requested.at(0).at(0).value<Kind>(), Kind::Cancel);
    EXPECT_EQ(requested.at(1).at(0).value<Kind>(), Kind::Resend);

    panel.resize(360, 640);
    panel.show();
    waybill::testing::saveScreenshot(&panel, QStringLiteral("order-panel-actions"));
}

TEST(OrderActionsUiTest, ControllerConfirmsWithTheAmountThenAsksTheEngine)
{
    waybill::testing::FakeDialogService dialogs;
    ui::OrderActionController controller(dialogs, 4, nullptr);
    QSignalSpy requested(&controller, &ui::OrderActionController::requested);

    // Cancelled: nothing is asked of the engine.
    controller.ask(shopifyDetail(), Kind::Refund);
    ASSERT_TRUE(dialogs.lastOrderActionForm);
    EXPECT_EQ(dialogs.lastOrderActionForm->refundableCents, 36800);
    EXPECT_EQ(dialogs.lastOrderActionForm->amountCents, 36800);
    EXPECT_EQ(dialogs.lastOrderActionForm->currency, QStringLiteral("USD"));
    EXPECT_EQ(dialogs.lastOrderActionForm->storeName, QStringLiteral("Shopify (test-shop.myshopify.com)"));
    EXPECT_EQ(requested.count(), 0);

    dialogs.nextOrderActionAnswer = std::pair<qint64, QString>(2500, QStringLiteral("cracked screen"));
    controller.ask(shopifyDetail(), Kind::Refund);
    ASSERT_EQ(requested.count(), 1);
    const QList<QVariant> args = requested.at(0);
    EXPECT_EQ(args.at(0).toLongLong(), 11);
    EXPECT_EQ(args.at(1).toLongLong(), 7);
    EXPECT_EQ(args.at(2).toLongLong(), 4);
    EXPECT_EQ(args.at(3).toInt(), int(Kind::Refund));
    EXPECT_EQ(args.at(4).toLongLong(), 2500);
    EXPECT_EQ(args.at(5).toString(), QStringLiteral("cracked screen"));

    controller.showResult(1, 7, int(domain::OrderAction::State::Failed), QStringLiteral("Shopify refused it: no"));
    EXPECT_EQ(dialogs.errors.size(), 1);
}

TEST(OrderActionsUiTest, RefundDialogShowsTheAmountAndCurrencyAndCapsIt)
{
    std::optional<ui::OrderActionForm> form = ui::OrderActionController::formFor(shopifyDetail(), Kind::Refund);
    ASSERT_TRUE(form);
    ui::OrderActionDialog dialog(*form);
    auto *spin = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("amountSpin"));
    auto *buttons = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    auto *what = dialog.findChild<QLabel *>(QStringLiteral("whatLabel"));
    ASSERT_TRUE(spin && buttons && what);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    EXPECT_EQ(ok->text(), QStringLiteral("Refund 368.00 USD"));
    EXPECT_TRUE(what->text().contains(QStringLiteral("368.00 USD of 409.94 USD paid is left to refund")))
        << what->text().toStdString();
    spin->setValue(500.0); // above what is left: capped
    EXPECT_EQ(ok->text(), QStringLiteral("Refund 368.00 USD"));
    spin->setValue(41.94);
    EXPECT_EQ(ok->text(), QStringLiteral("Refund 41.94 USD"));
    dialog.findChild<QLineEdit *>(QStringLiteral("noteEdit"))->setText(QStringLiteral("  arrived damaged "));
    EXPECT_EQ(dialog.form().amountCents, 4194);
    EXPECT_EQ(dialog.form().note, QStringLiteral("arrived damaged"));
    spin->setValue(0);
    EXPECT_FALSE(ok->isEnabled());
    spin->setValue(41.94);
    EXPECT_TRUE(ok->isEnabled());
    dialog.show();
    waybill::testing::saveScreenshot(&dialog, QStringLiteral("order-action-refund"));
}

TEST(OrderActionsUiTest, CancelAndResendDialogsSayWhatHappensForHowMuch)
{
    ui::OrderActionDialog cancel(*ui::OrderActionController::formFor(shopifyDetail(), Kind::Cancel));
    EXPECT_FALSE(cancel.findChild<QDoubleSpinBox *>(QStringLiteral("amountSpin"))->isVisibleTo(&cancel));
    EXPECT_TRUE(
        cancel.findChild<QLabel *>(QStringLiteral("titleLabel"))->text().contains(QStringLiteral("409.94 USD")));
    EXPECT_EQ(cancel.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->text(),
        QStringLiteral("Cancel order #1001"));
    EXPECT_EQ(cancel.form().amountCents, 40994);
    EXPECT_FALSE(cancel.findChild<QLineEdit *>(QStringLiteral("noteEdit"))->isVisibleTo(&cancel));
    cancel.show();
    waybill::testing::saveScreenshot(&cancel, QStringLiteral("order-action-cancel"));

    ui::OrderActionDialog resend(*ui::OrderActionController::formFor(shopifyDetail(), Kind::Resend));
    const QString text = resend.findChild<QLabel *>(QStringLiteral("whatLabel"))->text();
    EXPECT_TRUE(text.contains(QStringLiteral("same 2 items"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("409.94 USD")));
    resend.show();
    waybill::testing::saveScreenshot(&resend, QStringLiteral("order-action-resend"));

    // A currency without minor units has no decimals.
    domain::ConversationDetail yen = shopifyDetail();
    yen.order->currency = QStringLiteral("JPY");
    yen.order->totalCents = 5000;
    yen.order->refundedCents = 0;
    ui::OrderActionDialog refundYen(*ui::OrderActionController::formFor(yen, Kind::Refund));
    EXPECT_EQ(
        refundYen.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->text(),
        QStringLiteral("Refund 5000 JPY"));
}

} // namespace
