// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// Finds the order an incoming message is about: an order number in the subject or body (Amazon 3-7-7,
/// eBay 2-5-5, the shop's "#1001"), a tracking number, else the customer's most recent order. Each answer has a
/// confidence (0–100) and a reason that agents see and can overrule. Reads only.
class OrderLinker final {
public:
    struct Link {
        qint64 orderId = 0;
        int confidence = 0;
        QString reason; ///< "Amazon order number in the subject"
    };

    explicit OrderLinker(const storage::Database &database, qint64 recentOrderWindowSeconds = 60 * 24 * 3600);

    Link link(const QString &subject, const QString &body, qint64 customerId, qint64 now) const;

    /// Order-number candidates in text, most specific patterns first, without duplicates.
    static QStringList orderNumbers(const QString &text);
    /// Tracking-number candidates in text (UPS, USPS, S10, long digit runs).
    static QStringList trackingNumbers(const QString &text);

private:
    Link byNumber(const QString &text, const QString &where, qint64 customerId) const;
    Link byTracking(const QString &text, const QString &where, qint64 customerId) const;

    const storage::Database &m_database;
    qint64 m_recentWindow;
};

} // namespace waybill::engine
