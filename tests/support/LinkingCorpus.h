// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace waybill::storage {
class Database;
}

namespace waybill::testing {

/// A labelled corpus for order linking: customers with Shopify, Amazon and eBay orders and shipments are written to
/// the workspace, and messages come back with the order each one is about (0: none, or not decidable from the
/// message). The mix: order numbers in the subject or body among phone numbers, amounts, dates, postcodes and
/// apartment numbers; tracking numbers; no number from a customer with one recent order (that order) or with
/// several (none); strangers with no orders; someone writing about another customer's marketplace order; English,
/// Japanese, Chinese and German wording. Deterministic for a seed.
class LinkingCorpus final {
public:
    struct Message {
        QString fromAddress;
        QString subject;
        QString body;
        qint64 expectedOrderId = 0;
        QString kind; ///< which part of the mix, for reporting
    };

    static constexpr qint64 Now = 1772000000;

    /// Writes `customers` customers with their orders, then makes `messages` labelled messages.
    static QList<Message> generate(const storage::Database &database, int customers, int messages, quint32 seed);
};

} // namespace waybill::testing
