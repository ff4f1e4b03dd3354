// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpError.h"

#include "SmtpReply.h"

namespace waybill::channels::email {

bool SmtpError::isTemporary() const
{
    if (code >= 400 && code < 500) {
        return true;
    }
    if (code >= 500) {
        return false;
    }
    switch (kind) {
    case Kind::Transport:
    case Kind::Timeout:
    case Kind::Protocol:
    case Kind::Aborted:
        return true;
    case Kind::Tls:
    case Kind::Authentication:
    case Kind::Rejected:
    case Kind::Unsupported:
    case Kind::InvalidMessage:
        return false;
    }
    return true;
}

SmtpError SmtpError::fromReply(Kind kind, const SmtpReply &reply, const QString &context)
{
    SmtpError error;
    error.kind = kind;
    error.code = reply.code;
    error.enhancedStatus = reply.enhancedStatus;
    error.serverText = reply.text();
    QString status = QString::number(reply.code);
    if (!reply.enhancedStatus.isEmpty()) {
        status += u' ' + QString::fromLatin1(reply.enhancedStatus);
    }
    error.message = error.serverText.isEmpty() ? QStringLiteral("%1: %2").arg(context, status)
                                               : QStringLiteral("%1: %2 (%3)").arg(context, error.serverText, status);
    return error;
}

} // namespace waybill::channels::email
