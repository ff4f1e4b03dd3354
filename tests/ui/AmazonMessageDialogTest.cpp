// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// "Message through Amazon…": the order panel offers it on orders synchronised from Amazon; the dialog lists the
// message types Amazon allows for the order (the Messaging model's sandbox answer,
// tests/data/third_party/amazon-sp-api-messaging) by name, only the text types selectable; the text box holds the
// type's limit and Amazon's messaging policy; Send queues the message with its type in the outbox.
#include "FakeDialogService.h"
#include "Screenshot.h"
#include "SwaggerSandbox.h"
#include "TestWorkspace.h"
#include "engine/ConversationActions.h"
#include "engine/SlaClock.h"
#include "storage/ConversationRepository.h"
#include "storage/MessageRepository.h"
#include "storage/OrderRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/SqlQuery.h"
#include "ui/AmazonMessageController.h"
#include "ui/AmazonMessageDialog.h"
#include "ui/ConversationActionController.h"
#include "ui/OrderPanelWidget.h"
#include "ui/SafeTextBrowser.h"

#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace waybill;
using waybill::testing::waitUntil;

namespace {

constexpr qint64 Now = 1772000000;
const QString Order = QStringLiteral("123-1234567-1234567"); // the Messaging sandbox example's order
const QString Account = QStringLiteral("amazon:ATVPDKIKX0DER");

/// The action names of getMessagingActionsForOrder's sandbox answer, in Amazon's order.
QStringList sandboxTypes()
{
    const waybill::testing::SwaggerSandbox sandbox(QStringLiteral(
        WAYBILL_TEST_DATA_DIR "/third_party/amazon-sp-api-messaging/models/messaging-api-model/messaging.json"));
    const QJsonObject answer
        = QJsonDocument::fromJson(sandbox.response(QStringLiteral("/messaging/v1/orders/{amazonOrderId}"),
                                      QStringLiteral("get"), QStringLiteral("200")))
              .object();
    QStringList names;
    const QJsonArray actions
        = answer.value(QStringLiteral("_links")).toObject().value(QStringLiteral("actions")).toArray();
    for (const QJsonValue &action : actions) {
        names << action.toObject().value(QStringLiteral("name")).toString();
    }
    return names;
}

domain::ConversationDetail amazonDetail()
{
    domain::ConversationDetail detail;
    detail.conversation.id = 7;
    detail.conversation.channel = domain::Channel::Amazon;
    detail.conversation.subject = QStringLiteral("Delivery instructions");
    detail.customer = domain::Customer { 3, QStringLiteral("Ava Lindqvist"), QStringLiteral("Ava"), Now - 86400 * 40,
        { { 0, QStringLiteral("amazon"), QStringLiteral("ava@marketplace.amazon.com") } } };
    domain::Order order { 11, QStringLiteral("amazon"), Order, 3, Now - 86400 * 3, QStringLiteral("USD"), 2500, 0, 0,
        2500, QStringLiteral("Shipped"),
        { { 1, QStringLiteral("TEA-EARL-100"), QStringLiteral("Earl Grey loose leaf, 100 g"), 1, 2500 } } };
    order.account = Account;
    order.externalId = Order;
    detail.order = order;
    return detail;
}

struct DialogParts {
    QListWidget *types;
    QPlainTextEdit *text;
    QPushButton *send;
    QLabel *count;
    QLabel *warning;
    QLabel *problem;
    QWidget *busy;
    QPushButton *retry;
};

DialogParts parts(ui::AmazonMessageDialog &dialog)
{
    return { dialog.findChild<QListWidget *>(QStringLiteral("typeList")),
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("textEdit")),
        dialog.findChild<QPushButton *>(QStringLiteral("sendButton")),
        dialog.findChild<QLabel *>(QStringLiteral("countLabel")),
        dialog.findChild<QLabel *>(QStringLiteral("warningLabel")),
        dialog.findChild<QLabel *>(QStringLiteral("problemLabel")),
        dialog.findChild<QWidget *>(QStringLiteral("busyBox")),
        dialog.findChild<QPushButton *>(QStringLiteral("retryButton")) };
}

QStringList itemTexts(const QListWidget &list, bool enabled)
{
    QStringList texts;
    for (int row = 0; row < list.count(); ++row) {
        if (bool(list.item(row)->flags() & Qt::ItemIsEnabled) == enabled) {
            texts << list.item(row)->text();
        }
    }
    return texts;
}

} // namespace

TEST(AmazonMessageDialogTest, ThePanelOffersItOnOrdersSynchronisedFromAmazon)
{
    ui::OrderPanelWidget panel;
    panel.setDetail(amazonDetail(), Now);
    EXPECT_TRUE(panel.plainText().contains(QStringLiteral("Message through Amazon…")))
        << panel.plainText().toStdString();
    QSignalSpy requested(&panel, &ui::OrderPanelWidget::amazonMessageRequested);
    auto *browser = panel.findChild<ui::SafeTextBrowser *>(QStringLiteral("orderPanelBrowser"));
    ASSERT_NE(browser, nullptr);
    Q_EMIT browser->linkActivated(QUrl(QStringLiteral("waybill:amazon-message")));
    EXPECT_EQ(requested.count(), 1);

    domain::ConversationDetail imported = amazonDetail(); // from a CSV export: no seller account to send through
    imported.order->account.clear();
    panel.setDetail(imported, Now);
    EXPECT_FALSE(panel.plainText().contains(QStringLiteral("Message through Amazon")));
    EXPECT_FALSE(ui::AmazonMessageController::canMessage(imported));
    domain::ConversationDetail shopify = amazonDetail();
    shopify.order->source = QStringLiteral("shopify");
    panel.setDetail(shopify, Now);
    EXPECT_FALSE(panel.plainText().contains(QStringLiteral("Message through Amazon")));
    EXPECT_TRUE(ui::AmazonMessageController::canMessage(amazonDetail()));
}

TEST(AmazonMessageDialogTest, ItWaitsForAmazonThenListsTheTypesByName)
{
    ui::AmazonMessageDialog dialog(7, Order, QStringLiteral("Ava Lindqvist"));
    const DialogParts ui = parts(dialog);
    ASSERT_TRUE(ui.types && ui.text && ui.send && ui.count && ui.warning && ui.problem && ui.busy && ui.retry);
    dialog.show();
    EXPECT_TRUE(ui.busy->isVisible());
    EXPECT_FALSE(ui.types->isVisible()) << "nothing to choose from yet";
    EXPECT_FALSE(ui.text->isVisible());
    EXPECT_FALSE(ui.send->isEnabled());
    waybill::testing::saveScreenshot(&dialog, QStringLiteral("amazon-message-busy"));

    dialog.showTypes(sandboxTypes());
    EXPECT_FALSE(ui.busy->isVisible());
    EXPECT_FALSE(ui.problem->isVisible());
    EXPECT_TRUE(ui.types->isVisible());
    EXPECT_TRUE(ui.text->isVisible());
    EXPECT_EQ(itemTexts(*ui.types, true),
        QStringList({ QStringLiteral("Confirm customization details"), QStringLiteral("Confirm delivery details"),
            QStringLiteral("Confirm order details"), QStringLiteral("Confirm service details"),
            QStringLiteral("Digital access key"), QStringLiteral("Unexpected problem") }));
    const QStringList disabled = itemTexts(*ui.types, false);
    ASSERT_EQ(disabled.size(), 4) << disabled.join(u'|').toStdString(); // "attributes" is not a message
    EXPECT_EQ(disabled.at(0), QStringLiteral("Legal disclosure — needs a document attached"));
    for (int row = 0; row < 6; ++row) {
        EXPECT_TRUE(ui.types->item(row)->flags() & Qt::ItemIsEnabled) << "the writable types come first";
    }
    EXPECT_TRUE(disabled.join(u'|').contains(QStringLiteral("Warranty — needs warranty dates")));
    EXPECT_FALSE(dialog.chooseType(QStringLiteral("warranty")));
    EXPECT_TRUE(dialog.messageType().isEmpty());
    EXPECT_FALSE(ui.text->isEnabled()) << "a type comes first";

    ASSERT_TRUE(dialog.chooseType(QStringLiteral("confirmCustomizationDetails")));
    EXPECT_TRUE(ui.text->isEnabled());
    EXPECT_EQ(ui.count->text(), QStringLiteral("0 / 800 characters"));
    ASSERT_TRUE(dialog.chooseType(QStringLiteral("confirmDeliveryDetails")));
    ui.text->setPlainText(QStringLiteral("Hello"));
    EXPECT_EQ(ui.count->text(), QStringLiteral("5 / 2000 characters"));
    EXPECT_TRUE(ui.send->isEnabled());
}

TEST(AmazonMessageDialogTest, AmazonsPolicyAndTheLimitDecideWhetherSendWorks)
{
    ui::AmazonMessageDialog dialog(7, Order, QString());
    const DialogParts ui = parts(dialog);
    dialog.show();
    dialog.showTypes(sandboxTypes());
    ASSERT_TRUE(dialog.chooseType(QStringLiteral("confirmDeliveryDetails")));

    ui.text->setPlainText(QStringLiteral("Please book a slot at https://slots.example.com/harbor-tea"));
    EXPECT_FALSE(ui.send->isEnabled());
    dialog.resize(580, 560);
    waybill::testing::saveScreenshot(&dialog, QStringLiteral("amazon-message-link-blocked"));
    EXPECT_TRUE(ui.warning->isVisible());
    EXPECT_TRUE(ui.warning->text().startsWith(QStringLiteral("Cannot send: "))) << ui.warning->text().toStdString();
    EXPECT_TRUE(ui.warning->text().contains(QStringLiteral("slots.example.com")));

    // Contact details only warn: the agent reads it and may still send.
    ui.text->setPlainText(QStringLiteral("Which day suits you? Or write to help@harbortea.example."));
    EXPECT_TRUE(ui.send->isEnabled());
    EXPECT_TRUE(ui.warning->text().startsWith(QStringLiteral("Check before sending: ")))
        << ui.warning->text().toStdString();

    ASSERT_TRUE(dialog.chooseType(QStringLiteral("digitalAccessKey")));
    ui.text->setPlainText(QString(401, u'k'));
    EXPECT_FALSE(ui.send->isEnabled());
    EXPECT_TRUE(ui.warning->text().contains(QStringLiteral("at most 400 characters")));

    ui.text->setPlainText(QStringLiteral("Your key: HT-4411-AC"));
    EXPECT_TRUE(ui.send->isEnabled());
    EXPECT_FALSE(ui.warning->isVisible());
}

TEST(AmazonMessageDialogTest, WhenAmazonCannotBeAskedItSaysSoAndAsksAgainOnRequest)
{
    ui::AmazonMessageDialog dialog(7, Order, QString());
    const DialogParts ui = parts(dialog);
    QSignalSpy again(&dialog, &ui::AmazonMessageDialog::typesRequested);
    dialog.show();
    dialog.showProblem(QStringLiteral("Amazon Harbor Tea US: Amazon could not be reached"));
    EXPECT_TRUE(ui.problem->isVisible());
    EXPECT_TRUE(ui.problem->text().contains(QStringLiteral("Harbor Tea US: Amazon could not be reached.")))
        << ui.problem->text().toStdString();
    EXPECT_TRUE(ui.problem->text().contains(QStringLiteral("Nothing was sent")));
    EXPECT_FALSE(ui.busy->isVisible());
    EXPECT_EQ(ui.types->count(), 0);
    EXPECT_FALSE(ui.types->isVisible());
    EXPECT_FALSE(ui.text->isVisible());
    EXPECT_FALSE(ui.send->isEnabled());
    waybill::testing::saveScreenshot(&dialog, QStringLiteral("amazon-message-problem"));

    ui.retry->click();
    ASSERT_EQ(again.count(), 1);
    EXPECT_EQ(again.at(0).at(0).toLongLong(), 7);
    EXPECT_TRUE(ui.busy->isVisible());
    EXPECT_FALSE(ui.problem->isVisible());

    dialog.showTypes({ QStringLiteral("legalDisclosure"), QStringLiteral("attributes") });
    EXPECT_TRUE(ui.problem->isVisible());
    EXPECT_TRUE(ui.problem->text().contains(QStringLiteral("can be written in Waybill")));
    EXPECT_FALSE(ui.send->isEnabled());
    dialog.showTypes({});
    EXPECT_TRUE(ui.problem->text().contains(QStringLiteral("Amazon allows no message about order")));
}

TEST(AmazonMessageDialogTest, SendQueuesTheMessageWithItsTypeForTheOrdersAccount)
{
    waybill::testing::TestWorkspace workspace;
    const storage::Database &db = workspace.db();
    domain::ConversationDetail detail = amazonDetail();
    const storage::OrderRepository orders(db);
    detail.order->customerId = 0; // no customer rows in this workspace
    detail.order->id = orders.insert(*detail.order);
    storage::SqlQuery link(db, QStringLiteral("UPDATE orders SET account = ?, external_id = ? WHERE id = ?"));
    link.bind(Account).bind(Order).bind(detail.order->id).exec();
    domain::ConversationSummary conversation;
    conversation.channel = domain::Channel::Amazon;
    conversation.subject = QStringLiteral("Delivery instructions");
    conversation.orderId = detail.order->id;
    conversation.createdAt = Now - 3600;
    conversation.lastActivity = Now - 3600;
    detail.conversation.id = storage::ConversationRepository(db).insert(conversation);
    const auto current = [&] {
        return ui::ConversationActionController::Target { detail.conversation.id,
            storage::ConversationRepository(db).find(detail.conversation.id)->version };
    };

    const engine::SlaClock sla;
    engine::ConversationActions actions(db, sla, 0, [] { return Now; });
    waybill::testing::FakeDialogService dialogs;
    QWidget window;
    ui::ConversationActionController controller(actions, dialogs, &window);
    ui::AmazonMessageController messages(controller, current, &window);
    QSignalSpy asked(&messages, &ui::AmazonMessageController::typesRequested);
    QSignalSpy queued(&messages, &ui::AmazonMessageController::queued);

    messages.open(detail);
    ASSERT_EQ(asked.count(), 1);
    EXPECT_EQ(asked.at(0).at(0).toLongLong(), detail.conversation.id);
    QPointer<ui::AmazonMessageDialog> dialog = messages.dialog();
    ASSERT_TRUE(dialog);
    const DialogParts ui = parts(*dialog);
    messages.showTypes(detail.conversation.id + 1, {}, QStringLiteral("another conversation's answer"));
    EXPECT_TRUE(ui.busy->isVisible()) << "an answer for another conversation is not this one's";
    messages.showTypes(detail.conversation.id, sandboxTypes(), QString());
    ASSERT_TRUE(dialog->chooseType(QStringLiteral("confirmDeliveryDetails")));
    const QString text = QStringLiteral("Hello Ava, the carrier asks for the gate code to deliver order %1. Could you "
                                        "reply with it?")
                             .arg(Order);
    ui.text->setPlainText(text);
    dialog->resize(580, 560);
    waybill::testing::saveScreenshot(dialog, QStringLiteral("amazon-message-dialog"));
    ui.send->click();

    ASSERT_EQ(queued.count(), 1);
    const qint64 messageId = queued.at(0).at(0).toLongLong();
    const auto row = storage::OutboxRepository(db).forMessage(messageId);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->channel, QStringLiteral("amazon"));
    EXPECT_EQ(row->account, Account);
    EXPECT_EQ(row->messageType, QStringLiteral("confirmDeliveryDetails"));
    EXPECT_EQ(row->state, QStringLiteral("pending"));
    const auto message = storage::MessageRepository(db).find(messageId);
    ASSERT_TRUE(message);
    EXPECT_EQ(message->bodyText, text);
    EXPECT_EQ(message->delivery, domain::Message::Delivery::Queued);
    EXPECT_EQ(message->direction, domain::Message::Direction::Outbound);
    EXPECT_TRUE(dialogs.errors.isEmpty()) << dialogs.errors.join(u'\n').toStdString();
    EXPECT_TRUE(waitUntil([&] { return dialog.isNull(); }, 2000)) << "closed once queued";
}

TEST(AmazonMessageDialogTest, AFailureToQueueKeepsTheDialogAndTheText)
{
    waybill::testing::TestWorkspace workspace;
    const engine::SlaClock sla;
    engine::ConversationActions actions(workspace.db(), sla, 0, [] { return Now; });
    waybill::testing::FakeDialogService dialogs;
    QWidget window;
    ui::ConversationActionController controller(actions, dialogs, &window);
    // The conversation does not exist in this workspace: queuing fails with the reason.
    ui::AmazonMessageController messages(
        controller,
        [] {
            return ui::ConversationActionController::Target { 7, 1 };
        },
        &window);
    QSignalSpy queued(&messages, &ui::AmazonMessageController::queued);
    messages.open(amazonDetail());
    QPointer<ui::AmazonMessageDialog> dialog = messages.dialog();
    ASSERT_TRUE(dialog);
    messages.showTypes(7, sandboxTypes(), QString());
    ASSERT_TRUE(dialog->chooseType(QStringLiteral("unexpectedProblem")));
    const DialogParts ui = parts(*dialog);
    ui.text->setPlainText(QStringLiteral("Your parcel is delayed."));
    ui.send->click();
    EXPECT_EQ(queued.count(), 0);
    ASSERT_EQ(dialogs.errors.size(), 1);
    ASSERT_TRUE(dialog);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(dialog->text(), QStringLiteral("Your parcel is delayed."));
    EXPECT_TRUE(ui.send->isEnabled());
    EXPECT_EQ(storage::OutboxRepository(workspace.db()).pendingCount(), 0);
}
