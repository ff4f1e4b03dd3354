// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Message.h"

#include <QList>

namespace waybill::storage {

class Database;

/// Messages and their attachments. insert() also indexes the text for search; call it inside the transaction
/// that stores the rest of the change.
class MessageRepository final {
public:
    explicit MessageRepository(const Database &database);

    /// The conversation's messages and notes, oldest first, with their attachments.
    QList<domain::Message> forConversation(qint64 conversationId) const;
    std::optional<domain::Message> find(qint64 id) const;
    /// Stores the message (and its attachments' metadata); returns its id.
    qint64 insert(const domain::Message &message) const;
    /// Stores the message and its attachments but leaves the search index to the caller, who must index
    /// message.bodyText under the returned id in the same transaction (bulk imports do it once per batch).
    qint64 insertUnindexed(const domain::Message &message) const;
    void setDelivery(qint64 id, domain::Message::Delivery delivery, const QString &error) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
