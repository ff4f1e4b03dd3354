// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailImporter.h"

#include "Ingest.h"
#include "channels/email/MailArchiveReader.h"
#include "channels/email/MarketplaceRelay.h"
#include "channels/email/MimeParser.h"
#include "storage/SyncStateRepository.h"
#include "storage/TransactionGuard.h"

#include <QFuture>
#include <QList>
#include <QScopeGuard>
#include <QtConcurrent/QtConcurrentRun>

namespace waybill::engine {

namespace {

const QString ImportAccount = QStringLiteral("import");

/// One batch as read from the archive and parsed off the write thread.
struct ParsedBatch {
    QList<channels::email::MailArchiveReader::Entry> entries;
    QList<channels::email::MimeParseResult> parsed; ///< parallel to entries
    qint64 done = 0; ///< the reader's progress after the batch was read
};

ParsedBatch parseBatch(ParsedBatch batch)
{
    batch.parsed.reserve(batch.entries.size());
    for (const auto &entry : std::as_const(batch.entries)) {
        batch.parsed.append(channels::email::MimeParser::parse(entry.raw));
    }
    return batch;
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
    // The reader is used on this thread only; the pool thread gets the bytes of one batch and returns them parsed,
    // so batch n + 1 is parsed while batch n is stored.
    auto readAndParse = [&] {
        ParsedBatch batch;
        batch.entries.reserve(batchSize);
        while (batch.entries.size() < batchSize) {
            auto entry = m_reader.next();
            if (!entry) {
                break;
            }
            batch.entries.append(std::move(*entry));
        }
        batch.done = m_reader.done();
        return QtConcurrent::run(parseBatch, std::move(batch));
    };
    QFuture<ParsedBatch> ahead = readAndParse();
    m_ingest.beginBulk();
    const auto cleanup = qScopeGuard([&] {
        m_ingest.endBulk();
        ahead.waitForFinished();
    });
    const qint64 total = m_reader.total();
    bool more = true;
    while (more) {
        const ParsedBatch batch = ahead.result();
        more = batch.entries.size() == batchSize;
        if (more) {
            ahead = readAndParse();
        }
        storage::TransactionGuard transaction(m_database);
        m_ingest.beginBulk();
        qint64 position = -1;
        for (qsizetype i = 0; i < batch.entries.size(); ++i) {
            const auto &entry = batch.entries.at(i);
            const auto &parsed = batch.parsed.at(i);
            position = entry.position;
            if (!parsed.ok()) {
                m_ingest.quarantine(
                    m_account, entry.raw, parsed.failureReason + QStringLiteral(" (") + entry.origin + u')');
                ++stats.quarantined;
                continue;
            }
            domain::IncomingMessage message = *parsed.message;
            message.account = m_account;
            if (message.externalId.isEmpty()) {
                message.externalId = message.messageId.isEmpty() ? parsed.sha256 : message.messageId;
            }
            if (const auto relay = channels::email::MarketplaceRelay::recognise(message)) {
                message.channel = relay->channel;
            }
            switch (m_ingest.ingest(message).outcome) {
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
    return stats;
}

} // namespace waybill::engine
