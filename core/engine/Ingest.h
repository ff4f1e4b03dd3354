// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OrderLinker.h"
#include "PreparedMessage.h"
#include "domain/IncomingMessage.h"
#include "domain/Message.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

namespace waybill::storage {
class AttachmentStore;
class Database;
} // namespace waybill::storage

namespace waybill::engine {

class SlaClock;

/// The ingest pipeline: takes a normalised message from any channel and stores it where it belongs, in one
/// transaction — dedupe on (account, external id), identify the customer across channels, link the order, thread
/// into a conversation (or start one), store the message, its attachments and its search text, and update the
/// conversation (preview, unread, reopened, deadlines). Auto-replies are stored but start no clock and reopen
/// nothing; a bounce of one of our replies marks that reply failed with the server's words.
/// Runs on the thread that owns the write connection.
class Ingest final {
public:
    enum class Outcome {
        Stored,
        Duplicate,
        BounceRecorded,
    };
    struct Result {
        Outcome outcome = Outcome::Stored;
        qint64 conversationId = 0;
        qint64 messageId = 0;
        bool newConversation = false;
        QString threadReason;
        QString linkReason;
    };

    Ingest(const storage::Database &database, const storage::AttachmentStore &attachments, const SlaClock &sla,
        std::function<qint64()> now);

    /// Throws storage::StorageError when the database refuses (disk full, …): nothing of the message is stored.
    Result ingest(const domain::IncomingMessage &message);
    /// What ingest() derives from a message without the database, its attachments stored. Thread-safe: an importer
    /// prepares the next batch on the thread pool.
    PreparedMessage prepare(domain::IncomingMessage message) const;
    /// The same for a message prepared beforehand (PreparedMessage::prepare, e.g. on the thread pool); throws the
    /// preparation's failure, if any, before touching the database.
    Result ingest(const PreparedMessage &prepared);
    /// Keeps a message that could not be parsed, with its raw bytes and the reason; returns the quarantine id.
    qint64 quarantine(const QString &account, const QByteArray &raw, const QString &reason);

    /// Bulk mode, for an importer that stores many messages in one transaction of its own and rolls all of it
    /// back when ingest() throws: no savepoint per message, and the search text of new messages and customers
    /// waits in memory until flushSearchIndex(), which the importer calls before it commits. (SQLite's full-text
    /// index writes its pending terms out at every savepoint; one write per batch keeps it fast and compact.)
    void beginBulk();
    /// Indexes what bulk mode held back; call inside the batch's transaction, before committing it.
    void flushSearchIndex();
    /// Drops what was not flushed (the batch was rolled back) and returns to one transaction per message.
    void endBulk();
    /// In bulk mode: reads the orders and shipments that the batch's messages name, in one statement each; ingest()
    /// then links from memory until the next beginBulk().
    /// With `existing` (OrderLinker::existingNumbers()) only the numbers in it are read.
    void prefetchOrders(const QList<const OrderLinker::Candidates *> &all, const QSet<QString> *existing = nullptr);

private:
    /// The sender as a customer: found by the identity, or created (0 and no name when there is no sender).
    struct Customer {
        qint64 id = 0;
        QString name;
        bool isNew = false; ///< created for this message
    };

    Customer identifyCustomer(const domain::IncomingMessage &message);
    qint64 storeMessage(const domain::Message &message, const QByteArray &searchText);
    Result recordBounce(const PreparedMessage &prepared);

    const storage::Database &m_database;
    const storage::AttachmentStore &m_attachments;
    const SlaClock &m_sla;
    std::function<qint64()> m_now;
    bool m_bulk = false;
    std::optional<OrderLinker::Prefetched> m_prefetched; ///< for the current batch, in bulk mode
    QList<std::pair<qint64, QByteArray>> m_pendingMessages; ///< (message id, UTF-8 search text), in bulk mode
    QList<std::pair<qint64, QString>> m_pendingCustomers; ///< (customer id, search text) to index, in bulk mode
};

} // namespace waybill::engine
