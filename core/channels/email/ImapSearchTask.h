// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapTask.h"

#include <QList>

namespace waybill::channels::email {

/// A UID SEARCH in the selected mailbox; uids() lists the matches ascending. Two forms:
/// - UID SEARCH UID n:* for the UIDs above `afterUid` (the server always answers n:* with at least the highest
///   UID, even a lower one; those are filtered out);
/// - UID SEARCH HEADER <name> <value>, e.g. a sent reply's Message-ID in the Sent folder (substring match, as
///   RFC 3501 says; the caller checks the fetched header if it needs an exact one).
/// Ends with finished()/failed().
class ImapSearchTask final : public ImapTask {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapSearchTask)

public:
    ImapSearchTask(ImapClient &client, quint32 afterUid, QObject *parent = nullptr);
    ImapSearchTask(ImapClient &client, QByteArray headerName, QString headerValue, QObject *parent = nullptr);
    ~ImapSearchTask() override = default;

    QList<quint32> uids() const { return m_uids; }

protected:
    void perform() override;
    void handleUntagged(const ImapResponse &response) override;
    void handleTagged(const ImapResponse &response) override;

private:
    quint32 m_afterUid = 0;
    QByteArray m_headerName; ///< empty: the UID form
    QString m_headerValue;
    QList<quint32> m_uids;
};

} // namespace waybill::channels::email
