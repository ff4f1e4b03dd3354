// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/email/OutgoingMail.h"
#include "domain/EmailAccount.h"

#include <QString>

#include <optional>

namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// Turns a queued reply into the e-mail that carries it: to the customer's address (or the marketplace relay
/// address they wrote from), "Re:" the conversation's subject, In-Reply-To and References to the customer's
/// last message so that it threads in their mail client, that message quoted below, the account's signature.
/// Reads only.
class ReplyMailBuilder final {
public:
    struct Built {
        channels::email::OutgoingMail mail;
        qint64 conversationId = 0;
    };

    explicit ReplyMailBuilder(const storage::Database &database);

    /// std::nullopt with `error` set (for people) when the reply cannot be addressed.
    std::optional<Built> build(
        qint64 messageId, const domain::EmailAccount &account, const QString &emailMessageId, QString *error) const;

private:
    const storage::Database &m_database;
};

} // namespace waybill::engine
