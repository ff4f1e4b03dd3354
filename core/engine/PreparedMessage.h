// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OrderLinker.h"
#include "domain/IncomingMessage.h"
#include "domain/Message.h"
#include "storage/StorageError.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace waybill::storage {
class AttachmentStore;
}

namespace waybill::engine {

/// An incoming message together with everything the ingest pipeline derives from it without the database: the
/// dedupe key, preview, search text, normalised subject, the order and tracking numbers it names, and its
/// attachments already stored by content hash (their bytes are dropped from `message`). A value; prepare() is
/// thread-safe, so an importer prepares the next batch on the thread pool while the write thread stores this one.
struct PreparedMessage {
    domain::IncomingMessage message;
    QString externalId; ///< "account|external id", the dedupe key
    QString preview; ///< the conversation list's first 200 characters
    QByteArray searchText; ///< the body as the full-text index takes it (SearchText::forIndex), in UTF-8
    QString threadSubject; ///< Threader::normalizeSubject of the subject
    OrderLinker::Candidates numbers;
    QList<domain::Attachment> attachments; ///< stored; ids are 0 until the message row exists
    /// The caller has checked, in the storing transaction, that no message has this external id (an importer does
    /// it for a whole batch in one lookup); Ingest then skips its own check.
    bool knownNew = false;
    /// Set when an attachment could not be stored (full disk, …): Ingest throws it instead of storing the message.
    std::optional<storage::StorageError> failure;

    static PreparedMessage prepare(domain::IncomingMessage message, const storage::AttachmentStore &store);
};

} // namespace waybill::engine
