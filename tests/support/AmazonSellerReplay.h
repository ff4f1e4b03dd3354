// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AmazonAccount.h"
#include "domain/Shipment.h"

#include <QString>

namespace waybill::storage {
class Database;
}

namespace waybill::testing {

class ReplayHttpServer;

/// An Amazon seller on the US marketplace (ATVPDKIKX0DER) whose Login with Amazon and Selling Partner API are one
/// ReplayHttpServer, for engine tests: the token endpoint and the order sync's recorded answers
/// (tests/data/third_party/amazon-sp-api-orders) are routed, so the engine's first sync pass succeeds.
class AmazonSellerReplay final {
public:
    AmazonSellerReplay() = delete;

    /// Routes the token and order sync answers on `server` and saves the seller's account in `database`; returns it.
    static domain::AmazonAccount setUp(ReplayHttpServer &server, const storage::Database &database);
    /// Adds the seller's order `number` (its Amazon order id too), placed at `placedAt`, with `shipment` (its order
    /// id is set here); returns the order id.
    static qint64 addOrder(const storage::Database &database, const domain::AmazonAccount &seller,
        const QString &number, qint64 placedAt, domain::Shipment shipment);
};

} // namespace waybill::testing
