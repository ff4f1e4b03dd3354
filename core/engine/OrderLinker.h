// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSet>
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

    /// The orders and shipments that a set of messages names, read in one statement each (an importer's batch);
    /// link() then finds them in memory. Valid while orders and shipments do not change, as inside the batch's
    /// write transaction.
    class Prefetched {
    public:
        struct OrderRow {
            qint64 orderId = 0;
            QString source;
            qint64 customerId = 0;
            qint64 placedAt = 0;
        };
        struct ShipmentRow {
            qint64 orderId = 0;
            qint64 customerId = 0;
        };

    private:
        friend class OrderLinker;
        QHash<QString, QList<OrderRow>> m_orders; ///< by number as stored
        QHash<QString, QList<ShipmentRow>> m_shipments; ///< by tracking number
    };

    /// Incoming mail is linked to the order found when the confidence reaches this; below it the agent decides.
    static constexpr int AutoLinkConfidence = 70;
    /// A bare "#1001" of someone else's order (an apartment, a ticket?): offered, never linked on its own.
    static constexpr int BareNumberConfidence = 60;

    explicit OrderLinker(const storage::Database &database, qint64 recentOrderWindowSeconds = 60 * 24 * 3600);

    /// `newCustomer`: the customer was created for this very message and has no orders of their own yet.
    /// With `prefetched` (covering these candidates) the numbers are looked up there instead of in the database.
    Link link(const Candidates &candidates, qint64 customerId, qint64 now, bool newCustomer = false,
        const Prefetched *prefetched = nullptr) const;
    /// Reads the orders and shipments that any of the candidates names. With `existing` (from existingNumbers()),
    /// numbers outside it are not looked up: most numbers in mail are no order's, and a set lookup costs far less.
    Prefetched prefetch(const QList<const Candidates *> &all, const QSet<QString> *existing = nullptr) const;
    /// Every order number and tracking number stored, for prefetch(); an importer reads it once. An order stored
    /// afterwards is missed until the conversation is relinked (as after every order import or store sync).
    QSet<QString> existingNumbers() const;
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
    /// The numbers to look up for the candidates' order numbers: each as written, and without its "#".
    static QStringList orderNumbersToLookUp(const Candidates &candidates);
    static QStringList trackingNumbersToLookUp(const Candidates &candidates);
    /// The orders and shipments with these numbers, in one statement each.
    void readOrders(const QStringList &numbers, Prefetched &into) const;
    void readShipments(const QStringList &numbers, Prefetched &into) const;
    /// number → the order it names (the customer's own first, then the newest).
    static QHash<QString, Known> knownOrders(const QStringList &numbers, const Prefetched &rows, qint64 customerId);
    /// tracking number → the order it ships.
    static QHash<QString, Known> knownShipments(const QStringList &numbers, const Prefetched &rows, qint64 customerId);
    static Link numberLink(const QString &number, const Known &order, const QString &where, qint64 customerId);
    /// Prepares `selectWhereIn` (ending in "IN ") + the list parameter for the values, binds and runs it; read the
    /// rows, then finish().
    storage::SqlQuery &lookUp(const QString &selectWhereIn, const QStringList &values) const;

    const storage::Database &m_database;
    qint64 m_recentWindow;
};

} // namespace waybill::engine
