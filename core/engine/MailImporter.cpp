// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailImporter.h"

#include "Ingest.h"
#include "channels/email/MailArchiveReader.h"
#include "channels/email/MarketplaceRelay.h"
#include "channels/email/MimeParser.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"
#include "storage/SyncStateRepository.h"
#include "storage/TransactionGuard.h"

#include <QCoreApplication>
#include <QFuture>
#include <QList>
#include <QMutex>
#include <QScopeGuard>
#include <QSet>
#include <QThread>
#include <QThreadPool>
#include <QWaitCondition>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace waybill::engine {

namespace {

const QString ImportAccount = QStringLiteral("import");

/// One archive message after the pool thread has read, parsed and prepared it.
struct ImportItem {
    qint64 position = 0;
    QString origin;
    std::optional<PreparedMessage> prepared; ///< empty when the message could not be parsed
    QByteArray raw; ///< as read; kept after parsing only for quarantine
    QString failureReason;
    QString unexpected; ///< an error that stops the import (not the message's fault)
};

/// One batch as read from the archive and prepared off the write thread.
struct ImportBatch {
    QList<ImportItem> items;
    qint64 done = 0; ///< the reader's progress after the batch was read
    bool last = false; ///< the reader had no more messages
    QString failure; ///< set when preparing stopped on an unexpected error (the batch is the last)
};

/// Batches handed from the preparing thread to the writing one: at most `capacity` wait, so the preparing thread
/// runs ahead by that much and no further, and an uneven batch on either side does not stall the other.
class BatchQueue {
public:
    explicit BatchQueue(qsizetype capacity)
        : m_capacity(capacity)
    {
    }

    /// Producer: waits for room; returns false when the consumer has stopped.
    bool push(ImportBatch batch)
    {
        QMutexLocker lock(&m_mutex);
        while (m_batches.size() >= m_capacity && !m_stopped) {
            m_changed.wait(&m_mutex);
        }
        if (m_stopped) {
            return false;
        }
        m_batches.append(std::move(batch));
        m_changed.wakeAll();
        return true;
    }

    /// Consumer: waits for the next batch.
    ImportBatch pop()
    {
        QMutexLocker lock(&m_mutex);
        while (m_batches.isEmpty()) {
            m_changed.wait(&m_mutex);
        }
        ImportBatch batch = m_batches.takeFirst();
        m_changed.wakeAll();
        return batch;
    }

    /// Consumer: no more batches are wanted; a waiting producer returns.
    void stop()
    {
        QMutexLocker lock(&m_mutex);
        m_stopped = true;
        m_changed.wakeAll();
    }

private:
    QMutex m_mutex;
    QWaitCondition m_changed;
    QList<ImportBatch> m_batches;
    qsizetype m_capacity;
    bool m_stopped = false;
};

/// The external ids of the batch's messages that are stored already, in one lookup.
QSet<QString> storedExternalIds(const storage::Database &database, const ImportBatch &batch)
{
    QStringList ids;
    for (const ImportItem &item : batch.items) {
        if (item.prepared) {
            ids.append(item.prepared->externalId);
        }
    }
    QSet<QString> stored;
    if (ids.isEmpty()) {
        return stored;
    }
    storage::SqlQuery &q = database.prepared(
        QStringLiteral("SELECT external_id FROM messages WHERE external_id IN ") + storage::SqlQuery::listParameter());
    q.bindList(ids).exec();
    while (q.next()) {
        stored.insert(q.text(0));
    }
    q.finish();
    return stored;
}

} // namespace

MailImporter::MailImporter(const storage::Database &database, Ingest &ingest,
    channels::email::MailArchiveReader &reader, QString resumeKey, QString account)
    : m_database(database)
    , m_ingest(ingest)
    , m_reader(reader)
    , m_resumeKey(std::move(resumeKey))
    , m_account(std::move(account))
{
}

MailImporter::Stats MailImporter::run(const Progress &progress, int batchSize)
{
    Stats stats;
    const storage::SyncStateRepository state(m_database);
    const qint64 resumeAt = state.value(ImportAccount, m_resumeKey, QStringLiteral("0")).toLongLong();
    if (resumeAt > 0) {
        m_reader.seek(resumeAt);
        stats.resumed = true;
    }
    // Reading runs on a pool thread, up to two batches ahead of the batch stored here; parsing and preparing (search
    // text, order numbers, attachment files) run on the parsers' threads, one message each. Only the reading thread
    // uses the reader until it has finished.
    QThreadPool parsers;
    parsers.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    auto prepare = [this](ImportItem &item) {
        try {
            auto parsed = channels::email::MimeParser::parse(item.raw);
            if (!parsed.ok()) {
                item.failureReason = std::move(parsed.failureReason);
                return; // the raw bytes stay, for quarantine
            }
            domain::IncomingMessage &message = *parsed.message;
            message.account = m_account;
            if (message.externalId.isEmpty()) {
                message.externalId = message.messageId.isEmpty() ? parsed.sha256 : message.messageId;
            }
            if (const auto relay = channels::email::MarketplaceRelay::recognise(message)) {
                message.channel = relay->channel;
            }
            item.prepared = m_ingest.prepare(std::move(message));
            item.raw.clear();
        } catch (const std::exception &error) {
            item.unexpected = QString::fromLocal8Bit(error.what());
        }
    };
    auto readAndPrepare = [this, batchSize, &parsers, &prepare] {
        ImportBatch batch;
        batch.items.reserve(batchSize);
        while (batch.items.size() < batchSize) {
            auto entry = m_reader.next();
            if (!entry) {
                batch.last = true;
                break;
            }
            ImportItem item;
            item.position = entry->position;
            item.origin = std::move(entry->origin);
            item.raw = std::move(entry->raw);
            batch.items.append(std::move(item));
        }
        batch.done = m_reader.done();
        QtConcurrent::blockingMap(&parsers, batch.items, prepare);
        for (const ImportItem &item : std::as_const(batch.items)) {
            if (!item.unexpected.isEmpty()) {
                throw std::runtime_error(item.unexpected.toStdString());
            }
        }
        return batch;
    };
    BatchQueue queue(2);
    QFuture<void> producer = QtConcurrent::run([&queue, &readAndPrepare] {
        for (;;) {
            ImportBatch batch;
            try {
                batch = readAndPrepare();
            } catch (const std::exception &error) {
                batch = {};
                batch.last = true;
                batch.failure = QString::fromLocal8Bit(error.what());
            }
            const bool last = batch.last;
            if (!queue.push(std::move(batch)) || last) {
                return;
            }
        }
    });
    // SQLite copies the write-ahead log into the database every 1,000 pages by default; a bulk load rewrites the
    // same index pages again at each copy. Copying every 256 MB instead, and once at the end, writes far less.
    m_database.execute(QStringLiteral("PRAGMA wal_autocheckpoint = 65536"));
    const auto cleanup = qScopeGuard([&] {
        m_ingest.endBulk();
        queue.stop();
        producer.waitForFinished();
        m_database.execute(QStringLiteral("PRAGMA wal_autocheckpoint = 1000"));
    });
    const qint64 total = m_reader.total();
    // The order and tracking numbers stored, read once: a number in mail is looked up only when it is one of them.
    const QSet<QString> existingNumbers = OrderLinker(m_database).existingNumbers();
    bool more = true;
    while (more) {
        ImportBatch batch = queue.pop();
        if (!batch.failure.isEmpty()) {
            throw storage::StorageError(storage::StorageError::Kind::Other,
                QCoreApplication::translate("MailImporter",
                    "The import stopped while reading the archive (%1). Everything before is imported; run it again "
                    "to continue.")
                    .arg(batch.failure));
        }
        more = !batch.last;
        storage::TransactionGuard transaction(m_database);
        m_ingest.beginBulk();
        // Which of the batch's messages are stored already, in one lookup (and which repeat inside the batch), and
        // the orders and shipments they name, in one more.
        QSet<QString> known = storedExternalIds(m_database, batch);
        QList<const OrderLinker::Candidates *> numbers;
        for (const ImportItem &item : std::as_const(batch.items)) {
            if (item.prepared) {
                numbers.append(&item.prepared->numbers);
            }
        }
        m_ingest.prefetchOrders(numbers, &existingNumbers);
        qint64 position = -1;
        for (ImportItem &item : batch.items) {
            position = item.position;
            if (item.prepared) {
                if (known.contains(item.prepared->externalId)) {
                    ++stats.duplicates;
                    continue;
                }
                known.insert(item.prepared->externalId);
                item.prepared->knownNew = true;
            }
            if (!item.prepared) {
                m_ingest.quarantine(
                    m_account, item.raw, item.failureReason + QStringLiteral(" (") + item.origin + u')');
                ++stats.quarantined;
                continue;
            }
            switch (m_ingest.ingest(*item.prepared).outcome) {
            case Ingest::Outcome::Stored:
                ++stats.stored;
                break;
            case Ingest::Outcome::Duplicate:
                ++stats.duplicates;
                break;
            case Ingest::Outcome::BounceRecorded:
                ++stats.bounces;
                break;
            }
        }
        m_ingest.flushSearchIndex();
        if (position >= 0) {
            state.setValue(ImportAccount, m_resumeKey, QString::number(position));
        }
        transaction.commit();
        if (progress && !progress(batch.done, total)) {
            break;
        }
    }
    // The log's last part goes into the database now, and the log file back to nothing: the import leaves no
    // copying behind for later, and no large log on disk.
    m_database.execute(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return stats;
}

} // namespace waybill::engine
