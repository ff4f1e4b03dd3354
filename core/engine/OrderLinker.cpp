// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderLinker.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace waybill::engine {

using storage::SqlQuery;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("OrderLinker", text);
}

void appendUnique(QStringList &list, const QString &value)
{
    if (!value.isEmpty() && !list.contains(value)) {
        list << value;
    }
}

} // namespace

OrderLinker::OrderLinker(const storage::Database &database, qint64 recentOrderWindowSeconds)
    : m_database(database)
    , m_recentWindow(recentOrderWindowSeconds)
{
}

QStringList OrderLinker::orderNumbers(const QString &text)
{
    static const QRegularExpression amazon(QStringLiteral("(?<![\\d-])(\\d{3}-\\d{7}-\\d{7})(?![\\d-])"));
    static const QRegularExpression ebay(QStringLiteral("(?<![\\d-])(\\d{2}-\\d{5}-\\d{5})(?![\\d-])"));
    // "#1001", "order 1001", "order no. 1001", "注文#1001", "订单1001".
    static const QRegularExpression shop(
        QStringLiteral("(?:#|(?:order|bestellung|commande|pedido|ordine)\\s*(?:no\\.?|number|nr\\.?|#)?\\s*#?|"
                       "注文\\s*(?:番号)?\\s*[#＃]?|订单\\s*(?:号)?\\s*[#＃]?)\\s*(\\d{3,10})(?![\\d-])"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList numbers;
    for (const QRegularExpression *re : { &amazon, &ebay }) {
        auto it = re->globalMatch(text);
        while (it.hasNext()) {
            appendUnique(numbers, it.next().captured(1));
        }
    }
    auto it = shop.globalMatch(text);
    while (it.hasNext()) {
        appendUnique(numbers, u'#' + it.next().captured(1));
    }
    return numbers;
}

QStringList OrderLinker::trackingNumbers(const QString &text)
{
    static const QRegularExpression tracking(
        QStringLiteral("\\b(1Z[0-9A-Z]{16}|9[2345]\\d{20}|[A-Z]{2}\\d{9}[A-Z]{2}|\\d{10,15})\\b"));
    QStringList numbers;
    auto it = tracking.globalMatch(text.toUpper());
    while (it.hasNext()) {
        appendUnique(numbers, it.next().captured(1));
    }
    return numbers;
}

OrderLinker::Link OrderLinker::byNumber(const QString &text, const QString &where, qint64 customerId) const
{
    for (const QString &number : orderNumbers(text)) {
        SqlQuery &q = m_database.prepared(
            QStringLiteral("SELECT id, source, coalesce(customer_id, 0) FROM orders WHERE number = ? "
                           "ORDER BY (customer_id = ?) DESC, placed_at DESC LIMIT 1"));
        q.bind(number).bind(customerId).exec();
        if (!q.next()) {
            q.finish();
            continue;
        }
        const qint64 orderId = q.int64(0);
        const QString source = q.text(1);
        const bool sameCustomer = customerId != 0 && q.int64(2) == customerId;
        q.finish();
        const QString kind = source == QLatin1String("amazon") ? tr("Amazon order number")
            : source == QLatin1String("ebay")                  ? tr("eBay order number")
                                                               : tr("order number");
        // A marketplace number is unique on its own; a short shop number needs the customer to agree.
        const bool marketplace = number.contains(u'-');
        const int confidence = sameCustomer ? 99 : (marketplace ? 95 : 70);
        QString reason = tr("%1 %2 in the %3").arg(kind, number, where);
        if (!sameCustomer && customerId != 0) {
            reason += tr(" (the order belongs to another customer)");
        }
        return { orderId, confidence, reason };
    }
    return {};
}

OrderLinker::Link OrderLinker::byTracking(const QString &text, const QString &where, qint64 customerId) const
{
    for (const QString &number : trackingNumbers(text)) {
        SqlQuery &q = m_database.prepared(
            QStringLiteral("SELECT s.order_id, coalesce(o.customer_id, 0) FROM shipments s "
                           "JOIN orders o ON o.id = s.order_id WHERE s.tracking_number = ? LIMIT 1"));
        q.bind(number).exec();
        if (q.next()) {
            const qint64 orderId = q.int64(0);
            const bool sameCustomer = customerId != 0 && q.int64(1) == customerId;
            q.finish();
            return { orderId, sameCustomer ? 97 : 85, tr("tracking number %1 in the %2").arg(number, where) };
        }
        q.finish();
    }
    return {};
}

OrderLinker::Link OrderLinker::link(const QString &subject, const QString &body, qint64 customerId, qint64 now) const
{
    for (const auto &[text, where] : { std::pair { subject, tr("subject") }, std::pair { body, tr("message") } }) {
        if (Link found = byNumber(text, where, customerId); found.orderId) {
            return found;
        }
    }
    for (const auto &[text, where] : { std::pair { subject, tr("subject") }, std::pair { body, tr("message") } }) {
        if (Link found = byTracking(text, where, customerId); found.orderId) {
            return found;
        }
    }
    if (customerId != 0) {
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
    return {};
}

} // namespace waybill::engine
