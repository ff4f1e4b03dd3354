// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/IncomingMessage.h"

#include <QHash>
#include <QString>

namespace waybill::storage {
class Database;
}

namespace waybill::channels::email {

/// Finds the conversation an incoming e-mail belongs to, so that replies never start a new one. Tries, in order:
/// In-Reply-To, References (newest first), Outlook's Thread-Index, the same normalised subject from the same
/// customer within a time window, and the same linked order from the same customer. The reason is stored with
/// the message and shown to agents. Reads only; the ingest pipeline records what it stores (remember()).
class Threader final {
public:
    struct Match {
        qint64 conversationId = 0; ///< 0: start a new conversation
        QString reason; ///< "threaded by In-Reply-To", …; empty for a new conversation
    };

    explicit Threader(const storage::Database &database, qint64 subjectWindowSeconds = 14 * 24 * 3600);

    Match find(const domain::IncomingMessage &message, qint64 customerId, qint64 orderId, qint64 now) const;
    /// The same, with the subject already normalised (normalizeSubject) by the caller; `newCustomer`: the customer
    /// was created for this very message, so only the message's own ids can thread it.
    Match find(const domain::IncomingMessage &message, const QString &threadSubject, qint64 customerId, qint64 orderId,
        qint64 now, bool newCustomer = false) const;
    /// Records the message's Message-ID and Thread-Index for later replies (inside the storing transaction).
    void remember(const domain::IncomingMessage &message, qint64 conversationId, qint64 messageRow) const;
    /// Records a Message-ID we sent, so that the customer's reply finds its conversation.
    void rememberSent(const QString &messageId, qint64 conversationId, qint64 messageRow) const;

    /// "Re: AW: Fwd: [Shop] Where is my order?" → "where is my order?" (reply and forward prefixes in many
    /// languages, list tags and whitespace removed, lower case).
    static QString normalizeSubject(const QString &subject);
    /// The thread's identity inside a Thread-Index: its first 22 bytes, as base64; empty when malformed.
    static QString threadIndexRoot(const QString &threadIndex);

private:
    /// Message-ID → the newest conversation that has it, for those that any has.
    QHash<QString, qint64> conversationsOfMessageIds(const QStringList &messageIds) const;

    const storage::Database &m_database;
    qint64 m_subjectWindow;
};

} // namespace waybill::channels::email
