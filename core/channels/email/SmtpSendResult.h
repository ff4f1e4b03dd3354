// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace waybill::channels::email {

/// What the server said when it took a message (its final reply to DATA). A plain value type.
struct SmtpSendResult final {
    int code = 0; ///< 250
    QByteArray enhancedStatus; ///< e.g. "2.0.0"
    QString text; ///< the server's words, e.g. "Ok: queued as 4F3B21C0D2"
    QString queueId; ///< the server's id for the message when it names one ("4F3B21C0D2"), else empty
    QStringList recipients; ///< every recipient the server accepted (all of them: a rejection fails the send)
};

} // namespace waybill::channels::email
