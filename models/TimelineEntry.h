// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Message.h"

#include <QList>
#include <QString>

namespace waybill::models {

/// One item of a conversation's timeline: a message or note, or an event of the linked order (placed, shipped,
/// a tracking scan, a return or claim step) or of the audit log. A plain value built by TimelineModel.
struct TimelineEntry {
    enum class Kind {
        InboundMessage,
        OutboundMessage,
        Note,
        OrderPlaced,
        Shipped,
        TrackingUpdate,
        ReturnStep,
        ClaimStep,
        Audit,
    };

    Kind kind = Kind::Audit;
    qint64 at = 0; ///< epoch seconds
    QString title; ///< one line for people ("Shipped with UPS", "Mia Chen assigned to Sam Lee")
    QString author; ///< messages and notes
    QString text; ///< plain body or event detail
    QString html; ///< HTML body as received (sanitise before showing)
    qint64 messageId = 0;
    domain::Message::Delivery delivery = domain::Message::Delivery::Received;
    QString error; ///< why an outbound message failed
    QString threadReason; ///< how an inbound e-mail found this conversation ("threaded by In-Reply-To")
    bool isAutoReply = false; ///< an out-of-office or other automatic message
    QList<domain::Attachment> attachments;

    bool isMessage() const
    {
        return kind == Kind::InboundMessage || kind == Kind::OutboundMessage || kind == Kind::Note;
    }
};

} // namespace waybill::models
