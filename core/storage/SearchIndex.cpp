// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchIndex.h"

#include "Database.h"
#include "SearchText.h"
#include "SqlQuery.h"

#include <QRegularExpression>
#include <QSet>

namespace waybill::storage {

namespace {

/// How many index rows one round of a message search reads; rounds continue below the last rowid seen.
constexpr int MessageChunk = 256;

void appendUnique(QList<qint64> &ids, QSet<qint64> &seen, qint64 id)
{
    if (!seen.contains(id)) {
        seen.insert(id);
        ids.append(id);
    }
}

/// Digits only, for comparing phone numbers however they were typed.
QString digitsOf(const QString &text)
{
    QString digits;
    for (const QChar ch : text) {
        if (ch.isDigit()) {
            digits += ch;
        }
    }
    return digits;
}

} // namespace

SearchIndex::SearchIndex(const Database &database)
    : m_database(database)
{
}

void SearchIndex::indexMessage(qint64 messageId, const QString &text) const
{
    indexMessageSearchText(messageId, SearchText::forMessage(text).toUtf8());
}

void SearchIndex::indexMessageSearchText(qint64 messageId, const QByteArray &searchText) const
{
    // Bound as bytes: SQLite hands them to the tokenizer as UTF-8 text as they are, with no conversion from UTF-16
    // on the write thread (the index is contentless, so nothing keeps the value's type).
    SqlQuery &q = m_database.prepared(QStringLiteral("INSERT INTO message_fts (rowid, body) VALUES (?, ?)"));
    q.bind(messageId).bind(searchText).exec();
}

void SearchIndex::indexCustomer(qint64 customerId, const QString &text) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral("INSERT INTO customer_fts (rowid, body) VALUES (?, ?)"));
    q.bind(customerId).bind(SearchText::forIndex(text)).exec();
}

void SearchIndex::rebuild() const
{
    m_database.execute(QStringLiteral("INSERT INTO message_fts (message_fts) VALUES ('delete-all')"));
    m_database.execute(QStringLiteral("INSERT INTO customer_fts (customer_fts) VALUES ('delete-all')"));
    SqlQuery messages(m_database, QStringLiteral("SELECT id, body_text FROM messages ORDER BY id"));
    messages.exec();
    while (messages.next()) {
        indexMessage(messages.int64(0), messages.text(1));
    }
    // A customer's name and identities, as CustomerRepository indexes them.
    SqlQuery customers(m_database,
        QStringLiteral("SELECT c.id, c.name || coalesce(' ' || (SELECT group_concat(i.value, ' ') FROM identities i "
                       "WHERE i.customer_id = c.id), '') FROM customers c ORDER BY c.id"));
    customers.exec();
    while (customers.next()) {
        indexCustomer(customers.int64(0), customers.text(1));
    }
}

QList<qint64> SearchIndex::search(const QString &query, int limit) const
{
    const QString trimmed = query.trimmed();
    QList<qint64> ids;
    if (trimmed.isEmpty() || limit <= 0) {
        return ids;
    }
    appendIdentifierMatches(trimmed, limit, ids);
    const QString customerMatch = SearchText::matchExpression(trimmed, true);
    if (!customerMatch.isEmpty()) {
        appendCustomerMatches(customerMatch, limit, ids);
        appendMessageMatches(SearchText::matchExpression(trimmed, false), limit, ids);
    }
    return newestFirst(ids, limit);
}

QList<qint64> SearchIndex::newestFirst(const QList<qint64> &ids, int limit) const
{
    if (ids.isEmpty()) {
        return ids;
    }
    SqlQuery q(m_database,
        QStringLiteral("SELECT id FROM conversations WHERE id IN (") + SqlQuery::placeholders(ids.size())
            + QStringLiteral(") ORDER BY last_activity DESC, id DESC LIMIT ?"));
    for (const qint64 id : ids) {
        q.bind(id);
    }
    q.bind(limit).exec();
    QList<qint64> sorted;
    sorted.reserve(ids.size());
    while (q.next()) {
        sorted.append(q.int64(0));
    }
    return sorted;
}

void SearchIndex::appendIdentifierMatches(const QString &query, int limit, QList<qint64> &ids) const
{
    QSet<qint64> seen(ids.cbegin(), ids.cend());
    // Order numbers as stored ("#1001", "123-1234567-1234567") or typed without the shop's '#'.
    QString number = query;
    if (!number.startsWith(u'#') && !number.contains(u'-') && digitsOf(number) == number) {
        number = u'#' + number;
    }
    SqlQuery orders(m_database,
        QStringLiteral("SELECT c.id FROM orders o JOIN conversations c ON c.order_id = o.id "
                       "WHERE o.number IN (?, ?) ORDER BY c.last_activity DESC LIMIT ?"));
    orders.bind(query).bind(number).bind(limit).exec();
    while (orders.next()) {
        appendUnique(ids, seen, orders.int64(0));
    }
    SqlQuery tracking(m_database,
        QStringLiteral("SELECT c.id FROM shipments s JOIN conversations c ON c.order_id = s.order_id "
                       "WHERE s.tracking_number = ? ORDER BY c.last_activity DESC LIMIT ?"));
    tracking.bind(query.toUpper().remove(u' ')).bind(limit).exec();
    while (tracking.next()) {
        appendUnique(ids, seen, tracking.int64(0));
    }
    // E-mail addresses case-insensitively; phone numbers in E.164 whatever punctuation was typed.
    const QString digits = digitsOf(query);
    const bool phoneLike = digits.size() >= 7 && digits.size() * 2 >= query.size();
    SqlQuery identities(m_database,
        QStringLiteral("SELECT c.id FROM identities i JOIN conversations c ON c.customer_id = i.customer_id "
                       "WHERE i.value IN (?, ?) ORDER BY c.last_activity DESC LIMIT ?"));
    identities.bind(query.toLower()).bind(phoneLike ? u'+' + digits : query).bind(limit).exec();
    while (identities.next()) {
        appendUnique(ids, seen, identities.int64(0));
    }
}

void SearchIndex::appendCustomerMatches(const QString &match, int limit, QList<qint64> &ids) const
{
    QSet<qint64> seen(ids.cbegin(), ids.cend());
    SqlQuery q(m_database,
        QStringLiteral("SELECT c.id FROM (SELECT rowid AS customer_id FROM customer_fts WHERE customer_fts MATCH ? "
                       "ORDER BY rowid DESC "
                       "LIMIT ?) f "
                       "JOIN conversations c ON c.customer_id = f.customer_id ORDER BY c.last_activity DESC LIMIT ?"));
    q.bind(match).bind(limit).bind(limit).exec();
    while (q.next()) {
        appendUnique(ids, seen, q.int64(0));
    }
}

void SearchIndex::appendMessageMatches(const QString &match, int limit, QList<qint64> &ids) const
{
    QSet<qint64> seen(ids.cbegin(), ids.cend());
    const int wanted = ids.size() + limit;
    qint64 below = std::numeric_limits<qint64>::max();
    while (ids.size() < wanted) {
        SqlQuery q(m_database,
            QStringLiteral("SELECT f.rowid, m.conversation_id FROM message_fts f JOIN messages m ON m.id = f.rowid "
                           "WHERE message_fts MATCH ? AND f.rowid < ? ORDER BY f.rowid DESC LIMIT ?"));
        q.bind(match).bind(below).bind(MessageChunk).exec();
        int rows = 0;
        while (q.next()) {
            ++rows;
            below = q.int64(0);
            appendUnique(ids, seen, q.int64(1));
        }
        if (rows < MessageChunk) {
            break;
        }
    }
    if (ids.size() > wanted) {
        ids.resize(wanted);
    }
}

} // namespace waybill::storage
