// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderRelinker.h"

#include "OrderLinker.h"
#include "domain/Message.h"
#include "storage/AuditLogRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"
#include "storage/TransactionGuard.h"

#include <QCoreApplication>
#include <QFuture>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

namespace waybill::engine {

namespace {

/// One conversation as the relinker reads it.
struct Candidate {
    qint64 id = 0;
    qint64 customerId = 0;
    qint64 orderId = 0;
    int version = 0;
    QString subject;
    QString text; ///< the customer's messages, oldest first
    OrderLinker::Candidates numbers;
};

/// Numbers found off the write thread.
QList<Candidate> findNumbers(QList<Candidate> page)
{
    for (Candidate &c : page) {
        c.numbers = OrderLinker::Candidates::in(c.subject, c.text);
        c.text.clear();
    }
    return page;
}

} // namespace

OrderRelinker::OrderRelinker(const storage::Database &database, std::function<qint64()> now, Scope scope)
    : m_database(database)
    , m_now(std::move(now))
    , m_scope(scope)
{
}

OrderRelinker::Stats OrderRelinker::run(const Progress &progress, int pageSize)
{
    Stats stats;
    QSet<qint64> chosenByAgent;
    {
        storage::SqlQuery q(m_database,
            QStringLiteral("SELECT DISTINCT conversation_id FROM audit_log "
                           "WHERE action IN ('link_order', 'unlink_order')"));
        q.exec();
        while (q.next()) {
            chosenByAgent.insert(q.int64(0));
        }
    }
    qint64 total = 0;
    {
        storage::SqlQuery q(m_database, QStringLiteral("SELECT count(*) FROM conversations"));
        q.exec();
        total = q.next() ? q.int64(0) : 0;
    }
    const QString unlinkedOnly = m_scope == Scope::Unlinked ? QStringLiteral("AND order_id IS NULL ") : QString();
    // One page: conversations after `after` with their customers' messages (a range scan of each table).
    auto readPage = [&](qint64 after) {
        QList<Candidate> page;
        storage::SqlQuery conversations(m_database,
            QStringLiteral("SELECT id, coalesce(customer_id, 0), coalesce(order_id, 0), version, subject "
                           "FROM conversations WHERE id > ? ")
                + unlinkedOnly + QStringLiteral("ORDER BY id LIMIT ?"));
        conversations.bind(after).bind(pageSize).exec();
        while (conversations.next()) {
            page.append({ conversations.int64(0), conversations.int64(1), conversations.int64(2),
                int(conversations.int64(3)), conversations.text(4), {}, {} });
        }
        if (page.isEmpty()) {
            return page;
        }
        QHash<qint64, qsizetype> index;
        for (qsizetype i = 0; i < page.size(); ++i) {
            index.insert(page.at(i).id, i);
        }
        storage::SqlQuery messages(m_database,
            QStringLiteral("SELECT conversation_id, body_text FROM messages WHERE conversation_id IN "
                           "(SELECT id FROM conversations WHERE id BETWEEN ? AND ? ")
                + unlinkedOnly + QStringLiteral(") AND direction = ? ORDER BY id"));
        messages.bind(page.constFirst().id)
            .bind(page.constLast().id)
            .bind(domain::Message::directionKey(domain::Message::Direction::Inbound))
            .exec();
        while (messages.next()) {
            if (const auto it = index.constFind(messages.int64(0)); it != index.cend()) {
                QString &text = page[*it].text;
                text += messages.text(1);
                text += u'\n';
            }
        }
        return page;
    };

    const OrderLinker linker(m_database);
    const storage::ConversationRepository conversations(m_database);
    const storage::AuditLogRepository audit(m_database);
    QFuture<QList<Candidate>> ahead = QtConcurrent::run(findNumbers, readPage(0));
    for (;;) {
        const QList<Candidate> page = ahead.result();
        if (page.isEmpty()) {
            break;
        }
        // The next page's numbers are found while this one is written.
        ahead = QtConcurrent::run(findNumbers, readPage(page.constLast().id));
        const qint64 now = m_now();
        storage::TransactionGuard transaction(m_database);
        for (const Candidate &c : page) {
            ++stats.conversations;
            if (chosenByAgent.contains(c.id)) {
                ++stats.keptByAgent;
                continue;
            }
            const OrderLinker::Link link = linker.link(c.numbers, c.customerId, now);
            if (link.orderId == 0 || link.orderId == c.orderId || link.confidence < OrderLinker::AutoLinkConfidence) {
                continue;
            }
            // An existing link moves only for a number written in the conversation, not for a guess from the
            // customer's recent orders.
            const bool fromText = !c.numbers.subjectOrders.isEmpty() || !c.numbers.bodyOrders.isEmpty()
                || !c.numbers.bareOrders.isEmpty() || !c.numbers.subjectTracking.isEmpty()
                || !c.numbers.bodyTracking.isEmpty();
            if (c.orderId != 0 && !fromText) {
                continue;
            }
            try {
                conversations.setOrder(c.id, link.orderId, link.reason, c.version);
            } catch (const storage::StorageError &error) {
                if (error.kind() != storage::StorageError::Kind::Conflict) {
                    throw;
                }
                continue; // changed since it was read (an agent at work): left as it is now
            }
            conversations.refreshOrderSnapshot(c.id, now);
            audit.record({ 0, now, 0, {}, c.id, QStringLiteral("relink"),
                QCoreApplication::translate("OrderRelinker", "linked again: %1").arg(link.reason) });
            ++(c.orderId == 0 ? stats.linked : stats.moved);
        }
        transaction.commit();
        if (progress && !progress(stats.conversations, total)) {
            ahead.waitForFinished();
            break;
        }
    }
    return stats;
}

} // namespace waybill::engine
