// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The engine sends Amazon's review request on its own: with the Amazon account's LWA secrets from the credential
// store it syncs orders, runs the rules after the sync, and its solicitation sender asks Amazon
// (getSolicitationActionsForOrder) and requests the review for the delivered order once. ReplayHttpServer answers
// at the Selling Partner API's real paths with the sandbox examples of Amazon's Orders and Solicitations models.
#include "AmazonSellerReplay.h"
#include "FakeCredentialStore.h"
#include "ReplayHttpServer.h"
#include "SwaggerSandbox.h"
#include "TestWorkspace.h"
#include "domain/Order.h"
#include "domain/Shipment.h"
#include "engine/Engine.h"
#include "storage/AccountRepository.h"
#include "storage/AmazonSolicitationRepository.h"
#include "storage/OrderRepository.h"
#include "storage/RuleRepository.h"
#include "storage/SqlQuery.h"

#include <QDateTime>
#include <QFile>

#include <gtest/gtest.h>

namespace domain = waybill::domain;
namespace storage = waybill::storage;
using waybill::engine::Engine;
using waybill::testing::FakeCredentialStore;
using waybill::testing::ReplayHttpServer;
using waybill::testing::TestWorkspace;
using waybill::testing::waitUntil;

namespace {

constexpr qint64 Day = 24 * 3600;
const QString Order = QStringLiteral("123-1234567-1234567"); // the Solicitations sandbox example's order
const QString ReviewPath
    = QStringLiteral("/solicitations/v1/orders/123-1234567-1234567/solicitations/productReviewAndSellerFeedback");

} // namespace

TEST(EngineAmazonReviewTest, AfterTheOrderSyncTheRulesAskAmazonForAReviewOnce)
{
    TestWorkspace workspace(TestWorkspace::Kind::OnDisk);
    const waybill::testing::SwaggerSandbox solicitations(QStringLiteral(WAYBILL_TEST_DATA_DIR
        "/third_party/amazon-sp-api-messaging/models/solicitations-api-model/solicitations.json"));
    ReplayHttpServer amazon;
    amazon.route("GET",
        QStringLiteral("/solicitations/v1/orders/") + Order + QStringLiteral("?marketplaceIds=ATVPDKIKX0DER"),
        ReplayHttpServer::json(solicitations.response(
            QStringLiteral("/solicitations/v1/orders/{amazonOrderId}"), QStringLiteral("get"), QStringLiteral("200"))));
    amazon.route("POST", ReviewPath + QStringLiteral("?marketplaceIds=ATVPDKIKX0DER"),
        ReplayHttpServer::json(
            solicitations.response(QStringLiteral("/solicitations/v1/orders/{amazonOrderId}/solicitations/"
                                                  "productReviewAndSellerFeedback"),
                QStringLiteral("post"), QStringLiteral("201")),
            201));

    const domain::AmazonAccount seller = waybill::testing::AmazonSellerReplay::setUp(amazon, workspace.db());

    // An Amazon order of this seller, delivered six days ago, and a review rule without quiet hours.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    domain::Shipment shipment;
    shipment.carrier = QStringLiteral("ups");
    shipment.trackingNumber = QStringLiteral("1Z999AA10123456784");
    shipment.status = domain::TrackingStatus::Delivered;
    shipment.shippedAt = now - 9 * Day;
    shipment.deliveredAt = now - 6 * Day;
    const qint64 orderId
        = waybill::testing::AmazonSellerReplay::addOrder(workspace.db(), seller, Order, now - 12 * Day, shipment);
    workspace.db().execute(QStringLiteral("DELETE FROM rules"));
    domain::Rule rule;
    rule.name = QStringLiteral("Review request");
    rule.trigger = domain::RuleTrigger::Delivered;
    rule.triggerAmount = 5;
    rule.templateName = QStringLiteral("Review request");
    rule.reviewRequest = true;
    storage::RuleRepository(workspace.db()).insert(rule);

    auto credentials = std::make_unique<FakeCredentialStore>();
    credentials->setSecret(seller.id, QStringLiteral("Atzr|engine"));
    credentials->setSecret(domain::AmazonAccount::clientSecretKey(seller.id), QStringLiteral("lwa-secret"));
    Engine engine(workspace.directory(), std::move(credentials));
    engine.start();
    ASSERT_TRUE(waitUntil([&] { return engine.isIdle() && amazon.requestsFor(ReviewPath).size() == 1; }, 20000));
    const auto sent = storage::AmazonSolicitationRepository(workspace.db()).find(orderId);
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->state, QStringLiteral("sent"));
    EXPECT_EQ(amazon.requestsFor(ReviewPath).at(0).headers.value("x-amz-access-token"), QByteArray("Atza|engine"));

    // Another rules pass (as every ten minutes) asks for nothing more.
    engine.runRules();
    EXPECT_FALSE(waitUntil([&] { return amazon.requestsFor(ReviewPath).size() > 1; }, 1000));
    EXPECT_TRUE(waitUntil([&] { return engine.isIdle(); }, 5000));
    engine.stop();
}
