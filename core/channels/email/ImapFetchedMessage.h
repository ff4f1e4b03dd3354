// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace waybill::channels::email {

/// One message as fetched from a folder, ready for the ingest pipeline; (mailbox, uidValidity, uid) identifies it
/// on the server. A plain value type that travels across threads in queued signals.
struct ImapFetchedMessage final {
    QString mailbox;
    quint32 uidValidity = 0;
    quint32 uid = 0;
    QStringList flags; ///< e.g. \Seen, \Answered
    QDateTime internalDate;
    qint64 size = 0; ///< RFC822.SIZE as the server reports it
    QByteArray raw; ///< the whole message (empty when tooLarge)
    bool tooLarge = false; ///< over ImapSyncConfig::maxMessageBytes: not downloaded, to be quarantined

    bool isSeen() const { return flags.contains(QStringLiteral("\\Seen"), Qt::CaseInsensitive); }
};

} // namespace waybill::channels::email
