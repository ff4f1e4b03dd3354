// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace waybill::storage {

class Database;

/// Full-text search over message text and customers (names and identities), newest first.
/// Text is prepared by SearchText, so CJK words match inside longer CJK runs (配送 finds 配送状況).
class SearchIndex final {
public:
    explicit SearchIndex(const Database &database);

    void indexMessage(qint64 messageId, const QString &text) const;
    /// The same for text already in the index's form (SearchText::forIndex) and encoded as UTF-8, made off the
    /// write thread.
    void indexMessageSearchText(qint64 messageId, const QByteArray &searchText) const;
    void indexCustomer(qint64 customerId, const QString &text) const;
    /// Indexes every message and customer again from what is stored, into emptied indexes (after the index text's
    /// form changed). Call inside a transaction.
    void rebuild() const;

    /// Conversation ids matching `query`, newest first, at most `limit`. The query matches message text, order
    /// numbers, tracking numbers, customer names, e-mail addresses and phone numbers.
    QList<qint64> search(const QString &query, int limit) const;

private:
    /// The ids ordered by last activity, newest first, at most `limit`.
    QList<qint64> newestFirst(const QList<qint64> &ids, int limit) const;
    void appendMessageMatches(const QString &match, int limit, QList<qint64> &ids) const;
    void appendIdentifierMatches(const QString &query, int limit, QList<qint64> &ids) const;
    void appendCustomerMatches(const QString &match, int limit, QList<qint64> &ids) const;

    const Database &m_database;
};

} // namespace waybill::storage
