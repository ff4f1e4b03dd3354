// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Returns and claims from the order panel: the step form shows what each step needs and keeps a refused step open
// with the reason; the actions open and advance returns and claims on the conversation. WAYBILL_UI_SCREENSHOTS=DIR
// saves return-step.png there.
#include "FakeDialogService.h"
#include "Screenshot.h"
#include "TestWorkspace.h"
#include "storage/ConversationDetailReader.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/OrderRepository.h"
#include "storage/WorkflowRepository.h"
#include "ui/OrderPanelWidget.h"
#include "ui/SafeTextBrowser.h"
#include "ui/WorkflowActions.h"
#include "ui/WorkflowStepDialog.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace waybill;

namespace {

constexpr qint64 Now = 1772000000;

class WorkflowActionsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        const qint64 customer = storage::CustomerRepository(ws.db()).insert(
            { 0, QStringLiteral("Olivia Harper"), QStringLiteral("Olivia"), Now, {} });
        domain::Order order { 0, QStringLiteral("shopify"), QStringLiteral("#1001"), customer, Now - 864000,
            QStringLiteral("USD"), 5000, 1000, 0, 6000, QStringLiteral("paid"), {} };
        order.lines = { { 0, QStringLiteral("MUG-1"), QStringLiteral("Espresso cup"), 2, 1500 },
            { 0, QStringLiteral("TEA-9"), QStringLiteral("Tea set"), 1, 2000 } };
        orderId = storage::OrderRepository(ws.db()).insert(order);
        domain::Shipment shipment;
        shipment.orderId = orderId;
        shipment.carrier = QStringLiteral("ups");
        shipment.trackingNumber = QStringLiteral("1Z999AA10123456784");
        shipment.shippedAt = Now - 8 * 86400;
        storage::OrderRepository(ws.db()).insertShipment(shipment);
        domain::ConversationSummary c;
        c.subject = QStringLiteral("Broken cups");
        c.customerId = customer;
        c.orderId = orderId;
        c.createdAt = Now - 86400;
        c.lastActivity = Now - 86400;
        conversationId = storage::ConversationRepository(ws.db()).insert(c);
    }

    domain::ConversationDetail detail() { return *storage::ConversationDetailReader(ws.db()).load(conversationId); }

    waybill::testing::TestWorkspace ws;
    waybill::testing::FakeDialogService dialogs;
    QWidget parent;
    ui::WorkflowActions actions { ws.db(), dialogs, 0, [] { return Now; }, &parent };
    qint64 orderId = 0, conversationId = 0;
};

TEST_F(WorkflowActionsTest, AReturnIsOpenedWithItsItemsAndAdvancedFromThePanel)
{
    QSignalSpy changed(&actions, &ui::WorkflowActions::changed);
    ui::WorkflowForm answers;
    answers.reason = QStringLiteral("arrived broken");
    ASSERT_FALSE(detail().order->lines.isEmpty());
    answers.quantities = { { detail().order->lines.first().id, 2 } };
    dialogs.nextWorkflowAnswers = answers;
    ASSERT_TRUE(actions.openReturn(detail()));
    EXPECT_TRUE(dialogs.lastWorkflowForm->asksReason);
    EXPECT_EQ(dialogs.lastWorkflowForm->lines.size(), 2);
    ASSERT_EQ(changed.size(), 1);
    const auto returns = storage::WorkflowRepository(ws.db()).returnsForOrder(orderId);
    ASSERT_EQ(returns.size(), 1);
    EXPECT_EQ(returns.first().amountCents, 3000);

    // The next step offers the regular steps first, then the later ones with a warning.
    answers = {};
    answers.step = QStringLiteral("approved");
    dialogs.nextWorkflowAnswers = answers;
    ASSERT_TRUE(actions.advanceReturn(detail(), returns.first().id));
    EXPECT_EQ(dialogs.lastWorkflowForm->steps.first().first, QStringLiteral("approved"));
    EXPECT_EQ(dialogs.lastWorkflowForm->steps.at(1).first, QStringLiteral("rejected"));
    EXPECT_TRUE(dialogs.lastWorkflowForm->steps.at(2).second.contains(QStringLiteral("say why")));
    EXPECT_EQ(detail().conversation.returnState, QStringLiteral("approved"));

    // A skip without a note is refused with the reason and nothing changes.
    answers.step = QStringLiteral("received");
    dialogs.nextWorkflowAnswers = answers;
    EXPECT_FALSE(actions.advanceReturn(detail(), returns.first().id));
    ASSERT_EQ(dialogs.workflowRefusals.size(), 1);
    EXPECT_TRUE(dialogs.workflowRefusals.first().contains(QStringLiteral("say why")));
    EXPECT_EQ(detail().conversation.returnState, QStringLiteral("approved"));
}

TEST_F(WorkflowActionsTest, AClaimIsOpenedAndFiledWithTheCarriersNumber)
{
    ui::WorkflowForm answers;
    answers.kind = QStringLiteral("lost");
    dialogs.nextWorkflowAnswers = answers;
    ASSERT_TRUE(actions.openClaim(detail()));
    const auto claims = storage::WorkflowRepository(ws.db()).claimsForOrder(orderId);
    ASSERT_EQ(claims.size(), 1);
    answers = {};
    answers.step = QStringLiteral("filed");
    answers.note = QStringLiteral("lost parcels need no photos");
    answers.reference = QStringLiteral("UPS-CLM-1");
    answers.remedy = QStringLiteral("reship");
    dialogs.nextWorkflowAnswers = answers;
    ASSERT_TRUE(actions.advanceClaim(detail(), claims.first().id));
    EXPECT_TRUE(dialogs.lastWorkflowForm->forClaim);
    const auto filed = storage::WorkflowRepository(ws.db()).findClaim(claims.first().id);
    EXPECT_EQ(filed->state, QStringLiteral("filed"));
    EXPECT_EQ(filed->claimNumber, QStringLiteral("UPS-CLM-1"));
    EXPECT_EQ(filed->remedy, QStringLiteral("reship"));
}

TEST_F(WorkflowActionsTest, TheStepFormShowsWhatTheStepNeedsAndKeepsARefusalOpen)
{
    ui::WorkflowForm form;
    form.title = QStringLiteral("Return: Return label sent");
    form.steps = { { QStringLiteral("in_transit"), QStringLiteral("Return in transit") },
        { QStringLiteral("received"), QStringLiteral("Return received (skips steps: say why)") } };
    form.currency = QStringLiteral("USD");
    int applied = 0;
    ui::WorkflowStepDialog dialog(form, [&](const ui::WorkflowForm &answers) {
        ++applied;
        return answers.reference.isEmpty() ? QStringLiteral("Add the return parcel's tracking number.") : QString();
    });
    dialog.resize(520, 360);
    dialog.show();
    auto *reference = dialog.findChild<QLineEdit *>(QStringLiteral("referenceEdit"));
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    ASSERT_TRUE(reference && error);
    EXPECT_TRUE(reference->isVisible()); // in transit needs the tracking number
    dialog.submit();
    EXPECT_EQ(applied, 1);
    EXPECT_TRUE(error->isVisible());
    EXPECT_TRUE(error->text().contains(QStringLiteral("tracking number")));
    EXPECT_EQ(dialog.result(), 0);
    waybill::testing::saveScreenshot(&dialog, QStringLiteral("return-step"));
    dialog.findChild<QComboBox *>(QStringLiteral("stepCombo"))->setCurrentIndex(1);
    EXPECT_FALSE(reference->isVisible());
    reference->setText(QStringLiteral("RR123456785GB"));
    dialog.submit();
    EXPECT_EQ(dialog.result(), int(QDialog::Accepted));
}

TEST_F(WorkflowActionsTest, ThePanelOffersTheWorkflowLinks)
{
    ui::OrderPanelWidget panel;
    panel.setDetail(detail(), Now);
    EXPECT_TRUE(panel.plainText().contains(QStringLiteral("New return…")));
    EXPECT_TRUE(panel.plainText().contains(QStringLiteral("Open a delivery claim…")));
    EXPECT_TRUE(panel.plainText().contains(QStringLiteral("Copy link")));
    // The shipment's tracking link goes to the clipboard.
    QSignalSpy copied(&panel, &ui::OrderPanelWidget::linkCopied);
    auto *browser = panel.findChild<ui::SafeTextBrowser *>();
    ASSERT_NE(browser, nullptr);
    Q_EMIT browser->linkActivated(QUrl(QStringLiteral("waybill:copy-link?url=")
        + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("https://www.ups.com/track?tracknum=1Z9")))));
    ASSERT_EQ(copied.size(), 1);
    EXPECT_EQ(copied.first().first().toString(), QStringLiteral("https://www.ups.com/track?tracknum=1Z9"));
    EXPECT_EQ(QGuiApplication::clipboard()->text(), QStringLiteral("https://www.ups.com/track?tracknum=1Z9"));
}

} // namespace
