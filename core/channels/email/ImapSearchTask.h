// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapTask.h"

#include <QList>

namespace waybill::channels::email {

/// UID SEARCH UID n:* for the UIDs above `afterUid` in the selected mailbox, ascending. (The server always
/// answers n:* with at least the highest UID, even a lower one; those are filtered out.) Ends with
/// finished()/failed().
class ImapSearchTask final : public ImapTask {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapSearchTask)

public:
    ImapSearchTask(ImapClient &client, quint32 afterUid, QObject *parent = nullptr);
    ~ImapSearchTask() override = default;

    QList<quint32> uids() const { return m_uids; }

protected:
    void perform() override;
    void handleUntagged(const ImapResponse &response) override;
    void handleTagged(const ImapResponse &response) override;

private:
    quint32 m_afterUid;
    QList<quint32> m_uids;
};

} // namespace waybill::channels::email
