// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace waybill::domain {

/// A file attached to a message, stored once by content hash in the workspace.
struct Attachment {
    qint64 id = 0;
    QString filename;
    QString mimeType;
    qint64 sizeBytes = 0;
    QString sha256;
};

/// An inbound or outbound message, or an internal note.
struct Message {
    enum class Direction {
        Inbound,
        Outbound,
        Note,
    };
    enum class Delivery {
        Received, ///< inbound
        Queued, ///< written to the outbox, not yet handed to the channel
        Sent,
        Delivered, ///< the channel confirmed delivery to the customer's device (SMS delivery receipts)
        Failed,
    };

    qint64 id = 0;
    qint64 conversationId = 0;
    Direction direction = Direction::Inbound;
    QString author;
    qint64 agentId = 0;
    QString bodyText;
    QString bodyHtml;
    qint64 createdAt = 0;
    Delivery delivery = Delivery::Received;
    QString error;
    QList<Attachment> attachments;

    // Where it came from and how it was threaded (channels fill these; empty for agent-written messages).
    QString account; ///< the receiving or sending account
    QString externalId; ///< "<account>|<id>", unique: the dedupe key of the ingest pipeline
    QString emailMessageId; ///< the e-mail Message-ID without angle brackets
    QString threadReason; ///< "threaded by In-Reply-To", shown to agents
    bool isAutoReply = false;

    static QString directionKey(Direction direction);
    static Direction directionFromKey(const QString &key);
    static QString deliveryKey(Delivery delivery);
    static Delivery deliveryFromKey(const QString &key);
};

} // namespace waybill::domain
