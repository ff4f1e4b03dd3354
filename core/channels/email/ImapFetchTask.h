// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapFetchData.h"
#include "ImapTask.h"

#include <QList>
#include <QSet>

namespace waybill::channels::email {

/// UID FETCH <uids> <items> in the selected mailbox. Emits `fetched()` for each answer about one of the requested
/// UIDs as it arrives (in the server's order), then exactly one of finished()/failed(). UIDs that no longer
/// exist are simply not reported.
class ImapFetchTask final : public ImapTask {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapFetchTask)

public:
    /// `items` as sent, e.g. `(UID RFC822.SIZE)` or `(UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])`.
    ImapFetchTask(ImapClient &client, QList<quint32> uids, QByteArray items, QObject *parent = nullptr);
    ~ImapFetchTask() override = default;

Q_SIGNALS:
    void fetched(const waybill::channels::email::ImapFetchData &data);

protected:
    void perform() override;
    void handleUntagged(const ImapResponse &response) override;

private:
    QList<quint32> m_uidList;
    QSet<quint32> m_uids;
    QByteArray m_items;
};

} // namespace waybill::channels::email
