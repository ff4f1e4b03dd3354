// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace waybill::storage {
class Database;
class SqlQuery;
} // namespace waybill::storage

namespace waybill::text {
class NumberWindows;
} // namespace waybill::text

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

    /// The numbers a message names, found without the database (any thread); link() looks them up.
    struct Candidates {
        QStringList subjectOrders;
        QStringList bodyOrders;
        QStringList bareOrders; ///< "#1001" with no word saying it is an order, in subject or body
        QStringList subjectTracking;
        QStringList bodyTracking;

        static Candidates in(const QString &subject, const QString &body);
    };

    /// Incoming mail is linked to the order found when the confidence reaches this; below it the agent decides.
    static constexpr int AutoLinkConfidence = 70;
    /// A bare "#1001" of someone else's order (an apartment, a ticket?): offered, never linked on its own.
    static constexpr int BareNumberConfidence = 60;

    explicit OrderLinker(const storage::Database &database, qint64 recentOrderWindowSeconds = 60 * 24 * 3600);

    /// `newCustomer`: the customer was created for this very message and has no orders of their own yet.
    Link link(const Candidates &candidates, qint64 customerId, qint64 now, bool newCustomer = false) const;
    Link link(const QString &subject, const QString &body, qint64 customerId, qint64 now) const;

    /// Order-number candidates in text, most specific patterns first, bare "#1001" last, without duplicates.
    static QStringList orderNumbers(const QString &text);
    /// Appends the order numbers in text to `named` (marketplace patterns, and shop numbers with a word such as
    /// "order" or 注文) and to `bare` (a "#1001" alone), without duplicates.
    static void findOrderNumbers(const QString &text, QStringList &named, QStringList &bare);
    /// Tracking-number candidates in text (UPS, USPS, S10, long digit runs).
    static QStringList trackingNumbers(const QString &text);

private:
    /// An order found for a number: its id, source, whether it is the customer's, when it was placed.
    struct Known {
        qint64 orderId = 0;
        QString source;
        bool sameCustomer = false;
        qint64 placedAt = 0;
    };

    static void findOrderNumbers(const text::NumberWindows &windows, QStringList &named, QStringList &bare);
    static QStringList trackingNumbers(const text::NumberWindows &windows);
    /// number → the order it names (the customer's own first, then the newest), in one statement.
    QHash<QString, Known> knownOrders(const QStringList &numbers, qint64 customerId) const;
    /// tracking number → the order it ships, in one statement.
    QHash<QString, Known> knownShipments(const QStringList &numbers, qint64 customerId) const;
    static Link numberLink(const QString &number, const Known &order, const QString &where, qint64 customerId);
    /// Prepares `selectWhereIn` + "?, …)" for the values, binds and runs it; read the rows, then finish().
    storage::SqlQuery &lookUp(const QString &selectWhereIn, const QStringList &values) const;

    const storage::Database &m_database;
    qint64 m_recentWindow;
};

} // namespace waybill::engine
