// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace waybill::channels::email {

/// What a message/delivery-status part (RFC 3464) says: the server's diagnostic for the agent and, when the
/// reporting server names it, the Message-ID of the message that bounced. Value type; `parse` is a pure function.
struct DeliveryStatusReport {
    QString diagnostic; ///< Diagnostic-Code texts ("550 5.1.1 … no such user"), one line per recipient
    QString originalMessageId; ///< Original-Message-ID / X-Original-Message-ID when present, without brackets
    bool failed = false; ///< some recipient has Action: failed (not only delayed or delivered)
    bool delayed = false; ///< some recipient has Action: delayed

    static DeliveryStatusReport parse(const QByteArray &body);
    /// A bounce that is not a multipart/report: a mailer-daemon or postmaster sender with a failure subject.
    static bool looksLikeBounce(const QString &fromAddress, const QString &subject);
    /// The first SMTP reply with an enhanced status code ("550 5.1.1 …") in a bounce's text, empty when none.
    static QString diagnosticFromText(const QString &text);
};

} // namespace waybill::channels::email
