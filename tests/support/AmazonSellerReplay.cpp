// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmazonSellerReplay.h"

#include "ReplayHttpServer.h"
#include "storage/AccountRepository.h"
#include "storage/OrderRepository.h"
#include "storage/SqlQuery.h"

namespace waybill::testing {

namespace {

QString recorded(const char *name)
{
    return QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/amazon-sp-api-orders/") + QString::fromLatin1(name);
}

} // namespace

domain::AmazonAccount AmazonSellerReplay::setUp(ReplayHttpServer &server, const storage::Database &database)
{
    server.route("POST", QStringLiteral("/auth/o2/token"),
        ReplayHttpServer::json(R"({"access_token":"Atza|engine","token_type":"bearer","expires_in":3600})"));
    server.route("GET",
        QStringLiteral("/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=1970-01-01T00:00:00Z"),
        ReplayHttpServer::file(recorded("getOrders.200.json")));
    for (const QString &synced : { QStringLiteral("902-1845936-5435065"), QStringLiteral("902-8745147-1934268") }) {
        server.route("GET", QStringLiteral("/orders/v0/orders/%1/orderItems").arg(synced),
            ReplayHttpServer::file(recorded("getOrderItems.200.json")));
    }
    domain::AmazonAccount seller;
    seller.marketplaceIds = { QStringLiteral("ATVPDKIKX0DER") };
    seller.id = domain::AmazonAccount::idFor(seller.marketplaceIds);
    seller.name = QStringLiteral("US");
    seller.baseUrl = server.baseUrl().toString();
    seller.lwaUrl = server.baseUrl().toString() + QStringLiteral("/auth/o2/token");
    seller.clientId = QStringLiteral("amzn1.application-oa2-client.engine");
    seller.syncSince = QStringLiteral("1970-01-01T00:00:00Z");
    storage::AccountRepository(database).saveAmazonAccount(seller, 0);
    return seller;
}

qint64 AmazonSellerReplay::addOrder(const storage::Database &database, const domain::AmazonAccount &seller,
    const QString &number, qint64 placedAt, domain::Shipment shipment)
{
    const storage::OrderRepository orders(database);
    const qint64 orderId = orders.insert({ 0, QStringLiteral("amazon"), number, 0, placedAt, QStringLiteral("USD"),
        2500, 0, 0, 2500, QStringLiteral("Shipped"), {} });
    storage::SqlQuery q(database, QStringLiteral("UPDATE orders SET account = ?, external_id = ? WHERE id = ?"));
    q.bind(seller.id).bind(number).bind(orderId).exec();
    shipment.orderId = orderId;
    orders.insertShipment(shipment);
    return orderId;
}

} // namespace waybill::testing
