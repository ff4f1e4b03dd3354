// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderLinker.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "text/NumberWindows.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace waybill::engine {

using storage::SqlQuery;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("OrderLinker", text);
}

/// Bounds one lookup: a message naming more numbers than this is not about one order anyway.
constexpr qsizetype MaxCandidates = 32;

void appendUnique(QStringList &list, const QString &value)
{
    if (!value.isEmpty() && !list.contains(value) && list.size() < MaxCandidates) {
        list << value;
    }
}

QStringList unique(const QStringList &list)
{
    QStringList out;
    for (const QString &value : list) {
        appendUnique(out, value);
    }
    return out;
}

} // namespace

OrderLinker::OrderLinker(const storage::Database &database, qint64 recentOrderWindowSeconds)
    : m_database(database)
    , m_recentWindow(recentOrderWindowSeconds)
{
}

QStringList OrderLinker::orderNumbers(const QString &text)
{
    QStringList numbers, bare;
    findOrderNumbers(text, numbers, bare);
    for (const QString &number : std::as_const(bare)) {
        appendUnique(numbers, number);
    }
    return numbers;
}

void OrderLinker::findOrderNumbers(const QString &text, QStringList &named, QStringList &bare)
{
    findOrderNumbers(text::NumberWindows(text), named, bare);
}

// Every pattern below ends in a word with a digit, starts at most three words before it ("order no. # 1001"), asks its
// neighbours only for word characters, digits, '-' and '#', and never matches U+0001: within the number windows'
// contract, so they find what the whole text would, reading far less.
void OrderLinker::findOrderNumbers(const text::NumberWindows &windows, QStringList &named, QStringList &bare)
{
    static const QRegularExpression amazon(QStringLiteral("(?<![\\d-])(\\d{3}-\\d{7}-\\d{7})(?![\\d-])"));
    static const QRegularExpression ebay(QStringLiteral("(?<![\\d-])(\\d{2}-\\d{5}-\\d{5})(?![\\d-])"));
    // "order 1001", "order no. 1001", "order #1001", "注文#1001", "订单1001"; with a store's prefix or suffix as
    // Shopify allows them: "order EU1001", "#1001-B".
    static const QRegularExpression shop(
        QStringLiteral("(?:(?:order|bestellung|commande|pedido|ordine)\\s*(?:no\\.?|number|nr\\.?|#)?\\s*#?|"
                       "注文\\s*(?:番号)?\\s*[#＃]?|订单\\s*(?:号)?\\s*[#＃]?)\\s*"
                       "((?:[A-Z]{1,5}-?)?\\d{3,10}(?:-[A-Z0-9]{1,5}(?![\\w-]))?)(?![\\d-])"),
        QRegularExpression::CaseInsensitiveOption);
    // A bare "#1001" (or "#EU1001") may be an order, or an apartment, a ticket, a list position.
    static const QRegularExpression hash(
        QStringLiteral("(?<![\\w#])[#＃]\\s*((?:[A-Z]{1,5}-?)?\\d{3,10}(?:-[A-Z0-9]{1,5}(?![\\w-]))?)(?![\\d-])"),
        QRegularExpression::CaseInsensitiveOption);
    const auto eachMatch = [&windows](const QRegularExpression &re, const auto &take) {
        auto it = re.globalMatch(windows.text());
        while (it.hasNext()) {
            take(it.next().captured(1));
        }
    };
    for (const QRegularExpression *re : { &amazon, &ebay }) {
        eachMatch(*re, [&](const QString &number) { appendUnique(named, number); });
    }
    eachMatch(shop, [&](const QString &number) { appendUnique(named, u'#' + number.toUpper()); });
    eachMatch(hash, [&](const QString &match) {
        const QString number = u'#' + match.toUpper();
        if (!named.contains(number)) {
            appendUnique(bare, number);
        }
    });
}

QStringList OrderLinker::trackingNumbers(const QString &text)
{
    return trackingNumbers(text::NumberWindows(text));
}

QStringList OrderLinker::trackingNumbers(const text::NumberWindows &windows)
{
    // Case-insensitive here and upper-cased per match: the same numbers as upper-casing the whole text first.
    static const QRegularExpression tracking(
        QStringLiteral("\\b(1Z[0-9A-Z]{16}|9[2345]\\d{20}|[A-Z]{2}\\d{9}[A-Z]{2}|\\d{10,15})\\b"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList numbers;
    auto it = tracking.globalMatch(windows.text());
    while (it.hasNext()) {
        appendUnique(numbers, it.next().captured(1).toUpper());
    }
    return numbers;
}

OrderLinker::Candidates OrderLinker::Candidates::in(const QString &subject, const QString &body)
{
    Candidates candidates;
    const text::NumberWindows inSubject(subject);
    const text::NumberWindows inBody(body);
    findOrderNumbers(inSubject, candidates.subjectOrders, candidates.bareOrders);
    findOrderNumbers(inBody, candidates.bodyOrders, candidates.bareOrders);
    candidates.bareOrders.removeIf([&](const QString &number) {
        return candidates.subjectOrders.contains(number) || candidates.bodyOrders.contains(number);
    });
    candidates.subjectTracking = trackingNumbers(inSubject);
    candidates.bodyTracking = trackingNumbers(inBody);
    return candidates;
}

storage::SqlQuery &OrderLinker::lookUp(const QString &selectWhereIn, const QStringList &values) const
{
    // One statement for every candidate.
    SqlQuery &q = m_database.prepared(selectWhereIn + SqlQuery::listParameter());
    q.bindList(values).exec();
    return q;
}

QStringList OrderLinker::orderNumbersToLookUp(const Candidates &candidates)
{
    QStringList numbers = unique(candidates.subjectOrders + candidates.bodyOrders + candidates.bareOrders);
    for (qsizetype i = 0, count = numbers.size(); i < count; ++i) {
        if (numbers.at(i).startsWith(u'#')) {
            numbers.append(numbers.at(i).mid(1)); // stores that number without "#" (WooCommerce exports)
        }
    }
    return numbers;
}

QStringList OrderLinker::trackingNumbersToLookUp(const Candidates &candidates)
{
    return unique(candidates.subjectTracking + candidates.bodyTracking);
}

void OrderLinker::readOrders(const QStringList &numbers, Prefetched &into) const
{
    if (numbers.isEmpty()) {
        return;
    }
    SqlQuery &q = lookUp(
        QStringLiteral("SELECT number, id, source, coalesce(customer_id, 0), placed_at FROM orders WHERE number IN "),
        numbers);
    while (q.next()) {
        into.m_orders[q.text(0)].append({ q.int64(1), q.text(2), q.int64(3), q.int64(4) });
    }
    q.finish();
}

void OrderLinker::readShipments(const QStringList &numbers, Prefetched &into) const
{
    if (numbers.isEmpty()) {
        return;
    }
    SqlQuery &q = lookUp(QStringLiteral("SELECT s.tracking_number, s.order_id, coalesce(o.customer_id, 0) "
                                        "FROM shipments s JOIN orders o ON o.id = s.order_id "
                                        "WHERE s.tracking_number IN "),
        numbers);
    while (q.next()) {
        into.m_shipments[q.text(0)].append({ q.int64(1), q.int64(2) });
    }
    q.finish();
}

OrderLinker::Prefetched OrderLinker::prefetch(const QList<const Candidates *> &all, const QSet<QString> *existing) const
{
    QSet<QString> orders, tracking;
    for (const Candidates *candidates : all) {
        for (const QString &number : orderNumbersToLookUp(*candidates)) {
            if (!existing || existing->contains(number)) {
                orders.insert(number);
            }
        }
        for (const QString &number : trackingNumbersToLookUp(*candidates)) {
            if (!existing || existing->contains(number)) {
                tracking.insert(number);
            }
        }
    }
    Prefetched prefetched;
    readOrders(QStringList(orders.cbegin(), orders.cend()), prefetched);
    readShipments(QStringList(tracking.cbegin(), tracking.cend()), prefetched);
    return prefetched;
}

QSet<QString> OrderLinker::existingNumbers() const
{
    QSet<QString> numbers;
    SqlQuery q(m_database,
        QStringLiteral(
            "SELECT number FROM orders UNION SELECT tracking_number FROM shipments WHERE tracking_number <> ''"));
    q.exec();
    while (q.next()) {
        numbers.insert(q.text(0));
    }
    return numbers;
}

QHash<QString, OrderLinker::Known> OrderLinker::knownOrders(
    const QStringList &numbers, const Prefetched &rows, qint64 customerId)
{
    // Per number the customer's own order wins, then the newest.
    QHash<QString, Known> known;
    for (const QString &number : numbers) {
        const auto found = rows.m_orders.constFind(number);
        if (found == rows.m_orders.cend()) {
            continue;
        }
        for (const Prefetched::OrderRow &row : *found) {
            const bool mine = customerId != 0 && row.customerId == customerId;
            Known &best = known[number];
            if (best.orderId == 0 || (mine && !best.sameCustomer)
                || (mine == best.sameCustomer && row.placedAt > best.placedAt)) {
                best = { row.orderId, row.source, mine, row.placedAt };
            }
        }
    }
    return known;
}

QHash<QString, OrderLinker::Known> OrderLinker::knownShipments(
    const QStringList &numbers, const Prefetched &rows, qint64 customerId)
{
    QHash<QString, Known> known;
    for (const QString &number : numbers) {
        const auto found = rows.m_shipments.constFind(number);
        if (found != rows.m_shipments.cend() && !found->isEmpty()) {
            const Prefetched::ShipmentRow &first = found->constFirst();
            known.insert(number, { first.orderId, {}, customerId != 0 && first.customerId == customerId, 0 });
        }
    }
    return known;
}

OrderLinker::Link OrderLinker::numberLink(
    const QString &number, const Known &order, const QString &where, qint64 customerId)
{
    const QString kind = order.source == QLatin1String("amazon") ? tr("Amazon order number")
        : order.source == QLatin1String("ebay")                  ? tr("eBay order number")
                                                                 : tr("order number");
    // A marketplace number is unique on its own; a short shop number needs the customer to agree.
    const bool marketplace = number.contains(u'-');
    const int confidence = order.sameCustomer ? 99 : (marketplace ? 95 : 70);
    QString reason = tr("%1 %2 in the %3").arg(kind, number, where);
    if (!order.sameCustomer && customerId != 0) {
        reason += tr(" (the order belongs to another customer)");
    }
    return { order.orderId, confidence, reason };
}

OrderLinker::Link OrderLinker::link(const QString &subject, const QString &body, qint64 customerId, qint64 now) const
{
    return link(Candidates::in(subject, body), customerId, now);
}

OrderLinker::Link OrderLinker::link(
    const Candidates &candidates, qint64 customerId, qint64 now, bool newCustomer, const Prefetched *prefetched) const
{
    // Named order numbers (the subject's before the body's), then tracking numbers, each in the order written;
    // a bare "#1001" only when nothing else names an order, and then only the sender's own order is certain.
    const QStringList orderNumbers = orderNumbersToLookUp(candidates);
    const QStringList trackingNumbers = trackingNumbersToLookUp(candidates);
    Prefetched read;
    if (!prefetched) {
        readOrders(orderNumbers, read);
        prefetched = &read;
    }
    // Also keyed as the candidates are ("#1001") when the store wrote the number without "#".
    QHash<QString, Known> orders = knownOrders(orderNumbers, *prefetched, customerId);
    const QHash<QString, Known> found = orders;
    for (auto it = found.cbegin(); it != found.cend(); ++it) {
        if (!it.key().startsWith(u'#') && !orders.contains(u'#' + it.key())) {
            orders.insert(u'#' + it.key(), it.value());
        }
    }
    for (const auto &[numbers, where] : { std::pair { &candidates.subjectOrders, tr("subject") },
             std::pair { &candidates.bodyOrders, tr("message") } }) {
        for (const QString &number : *numbers) {
            if (const auto it = orders.constFind(number); it != orders.cend()) {
                return numberLink(number, *it, where, customerId);
            }
        }
    }
    if (prefetched == &read) {
        readShipments(trackingNumbers, read);
    }
    const QHash<QString, Known> shipments = knownShipments(trackingNumbers, *prefetched, customerId);
    for (const auto &[numbers, where] : { std::pair { &candidates.subjectTracking, tr("subject") },
             std::pair { &candidates.bodyTracking, tr("message") } }) {
        for (const QString &number : *numbers) {
            if (const auto it = shipments.constFind(number); it != shipments.cend()) {
                return { it->orderId, it->sameCustomer ? 97 : 85,
                    tr("tracking number %1 in the %2").arg(number, where) };
            }
        }
    }
    // A bare number: the sender's own order is certain; someone else's is only offered, after the sender's recent
    // orders have had their say.
    Link bareOther;
    for (const QString &number : candidates.bareOrders) {
        if (const auto it = orders.constFind(number); it != orders.cend()) {
            if (it->sameCustomer) {
                return numberLink(number, *it, tr("message"), customerId);
            }
            if (bareOther.orderId == 0) {
                bareOther = numberLink(number, *it, tr("message"), customerId);
                bareOther.confidence = BareNumberConfidence;
            }
        }
    }
    if (customerId != 0 && !newCustomer) {
        SqlQuery &q = m_database.prepared(
            QStringLiteral("SELECT id, number FROM orders WHERE customer_id = ? AND placed_at >= ? "
                           "ORDER BY placed_at DESC LIMIT 2"));
        q.bind(customerId).bind(now - m_recentWindow).exec();
        if (q.next()) {
            const qint64 id = q.int64(0);
            const QString number = q.text(1);
            const bool onlyOne = !q.next();
            q.finish();
            return { id, onlyOne ? 75 : 50,
                onlyOne ? tr("the customer's only recent order (%1)").arg(number)
                        : tr("the customer's most recent order (%1)").arg(number) };
        }
        q.finish();
    }
    return bareOther;
}

} // namespace waybill::engine
