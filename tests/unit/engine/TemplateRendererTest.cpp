// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Reply templates: every placeholder filled from the conversation's customer, order, shipment and return; missing
// values listed and left visible; unknown placeholders reported.
#include "engine/TemplateRenderer.h"

#include <QDateTime>
#include <QLocale>

#include <gtest/gtest.h>

using waybill::domain::ConversationDetail;
using waybill::engine::TemplateRenderer;

namespace {

constexpr qint64 Expected = 1772200000;

ConversationDetail fullDetail()
{
    ConversationDetail detail;
    detail.customer = waybill::domain::Customer { 7, QStringLiteral("Olivia Harper"), QStringLiteral("Olivia"), 0, {} };
    waybill::domain::Order order;
    order.number = QStringLiteral("#1001");
    detail.order = order;
    waybill::domain::Shipment older;
    older.carrier = QStringLiteral("usps");
    older.trackingNumber = QStringLiteral("9400111899223197428490");
    older.status = waybill::domain::TrackingStatus::Delivered;
    waybill::domain::Shipment newest;
    newest.carrier = QStringLiteral("ups");
    newest.trackingNumber = QStringLiteral("1Z999AA10123456784");
    newest.status = waybill::domain::TrackingStatus::InTransit;
    newest.expectedAt = Expected;
    detail.shipments = { older, newest };
    waybill::domain::ReturnRequest request;
    request.state = QStringLiteral("label_sent");
    detail.returns = { request };
    return detail;
}

QString allPlaceholders()
{
    QString text;
    for (const QString &name : TemplateRenderer::placeholders()) {
        text += name + QStringLiteral("=[{{") + name + QStringLiteral("}}]\n");
    }
    return text;
}

} // namespace

TEST(TemplateRendererTest, FillsEveryPlaceholder)
{
    const auto result = TemplateRenderer::render(allPlaceholders(), fullDetail(), QStringLiteral("Mia Chen"));
    EXPECT_TRUE(result.missing.isEmpty()) << result.missing.join(u',').toStdString();
    EXPECT_TRUE(result.unknown.isEmpty()) << result.unknown.join(u',').toStdString();
    EXPECT_FALSE(result.text.contains(QStringLiteral("{{"))) << result.text.toStdString();
    const QString eta = QLocale().toString(QDateTime::fromSecsSinceEpoch(Expected).date(), QLocale::LongFormat);
    const QStringList expected = {
        QStringLiteral("customer.first_name=[Olivia]"),
        QStringLiteral("customer.name=[Olivia Harper]"),
        QStringLiteral("order.number=[#1001]"),
        QStringLiteral("shipment.carrier=[UPS]"),
        QStringLiteral("shipment.tracking_number=[1Z999AA10123456784]"),
        QStringLiteral("shipment.tracking_url=[https://www.ups.com/track?tracknum=1Z999AA10123456784]"),
        QStringLiteral("shipment.status=[in transit]"),
        QStringLiteral("shipment.eta=[") + eta + u']',
        QStringLiteral("return.status=[return label sent]"),
        QStringLiteral("agent.name=[Mia Chen]"),
    };
    for (const QString &line : expected) {
        EXPECT_TRUE(result.text.contains(line)) << line.toStdString() << "\nin:\n" << result.text.toStdString();
    }
}

TEST(TemplateRendererTest, TheDemoTemplateReadsNaturally)
{
    const QString body
        = QStringLiteral("Hi {{customer.first_name}},\n\nYour order {{order.number}} is with "
                         "{{shipment.carrier}} and is currently {{shipment.status}}.\n\n{{ agent.name }}");
    const auto result = TemplateRenderer::render(body, fullDetail(), QStringLiteral("Mia Chen"));
    EXPECT_EQ(result.text,
        QStringLiteral("Hi Olivia,\n\nYour order #1001 is with UPS and is currently in transit.\n\n"
                       "Mia Chen"));
}

TEST(TemplateRendererTest, MissingValuesAreListedAndLeftVisible)
{
    ConversationDetail detail;
    detail.customer = waybill::domain::Customer { 7, QStringLiteral("Olivia Harper"), {}, 0, {} };
    const QString body = QStringLiteral("Hi {{customer.first_name}}, {{order.number}} via {{shipment.carrier}} "
                                        "({{shipment.tracking_url}}). Again: {{order.number}}. {{agent.name}}");
    const auto result = TemplateRenderer::render(body, detail, QString());
    // Without a first name the first word of the name is used.
    EXPECT_TRUE(result.text.startsWith(QStringLiteral("Hi Olivia, {{order.number}} via {{shipment.carrier}} "
                                                      "({{shipment.tracking_url}}). Again: {{order.number}}.")))
        << result.text.toStdString();
    EXPECT_EQ(result.missing,
        (QStringList { QStringLiteral("order.number"), QStringLiteral("shipment.carrier"),
            QStringLiteral("shipment.tracking_url"), QStringLiteral("agent.name") }));
    EXPECT_TRUE(result.unknown.isEmpty());
}

TEST(TemplateRendererTest, DeliveredShipmentHasNoEtaAndUnknownCarrierNoUrl)
{
    ConversationDetail detail = fullDetail();
    detail.shipments.last().status = waybill::domain::TrackingStatus::Delivered;
    detail.shipments.last().carrier = QStringLiteral("local_courier");
    const auto result = TemplateRenderer::render(
        QStringLiteral("{{shipment.carrier}} {{shipment.status}} {{shipment.eta}} {{shipment.tracking_url}}"), detail,
        QStringLiteral("Mia Chen"));
    EXPECT_EQ(result.text, QStringLiteral("local_courier delivered {{shipment.eta}} {{shipment.tracking_url}}"));
    EXPECT_EQ(
        result.missing, (QStringList { QStringLiteral("shipment.eta"), QStringLiteral("shipment.tracking_url") }));
}

TEST(TemplateRendererTest, UnknownPlaceholdersAreReported)
{
    const auto result = TemplateRenderer::render(
        QStringLiteral("Total {{order.total}}, {{customer.nickname}} and {{order.total}}; {not} {{ }} {{UPPER}}"),
        fullDetail(), QStringLiteral("Mia Chen"));
    EXPECT_EQ(result.unknown, (QStringList { QStringLiteral("order.total"), QStringLiteral("customer.nickname") }));
    EXPECT_TRUE(result.missing.isEmpty());
    EXPECT_EQ(result.text,
        QStringLiteral("Total {{order.total}}, {{customer.nickname}} and {{order.total}}; {not} {{ }} {{UPPER}}"));
}

TEST(TemplateRendererTest, EveryAdvertisedPlaceholderIsKnown)
{
    const QStringList names = TemplateRenderer::placeholders();
    EXPECT_EQ(names.size(), 10);
    const auto result = TemplateRenderer::render(allPlaceholders(), ConversationDetail {}, QString());
    EXPECT_TRUE(result.unknown.isEmpty());
    EXPECT_EQ(result.missing, names);
}
