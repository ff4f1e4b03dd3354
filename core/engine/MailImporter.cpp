// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailImporter.h"

#include "Ingest.h"
#include "channels/email/MailArchiveReader.h"
#include "channels/email/MarketplaceRelay.h"
#include "channels/email/MimeParser.h"
#include "storage/SyncStateRepository.h"
#include "storage/TransactionGuard.h"

namespace waybill::engine {

namespace {
const QString ImportAccount = QStringLiteral("import");
}

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
    bool more = true;
    while (more) {
        storage::TransactionGuard batch(m_database);
        qint64 position = -1;
        for (int i = 0; i < batchSize; ++i) {
            const auto entry = m_reader.next();
            if (!entry) {
                more = false;
                break;
            }
            position = entry->position;
            const auto parsed = channels::email::MimeParser::parse(entry->raw);
            if (!parsed.ok()) {
                m_ingest.quarantine(
                    m_account, entry->raw, parsed.failureReason + QStringLiteral(" (") + entry->origin + u')');
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
        if (position >= 0) {
            state.setValue(ImportAccount, m_resumeKey, QString::number(position));
        }
        batch.commit();
        if (progress && !progress(m_reader.done(), m_reader.total())) {
            break;
        }
    }
    return stats;
}

} // namespace waybill::engine
