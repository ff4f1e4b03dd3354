// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapTask.h"

#include <QByteArrayList>
#include <QList>

namespace waybill::channels::email {

/// UID STORE <uids> +FLAGS.SILENT (…) or -FLAGS.SILENT (…) in the selected mailbox, e.g. to mark messages
/// \Seen on the server when an agent reads them. Ends with finished()/failed().
class ImapStoreTask final : public ImapTask {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapStoreTask)

public:
    enum class Operation {
        Add,
        Remove,
    };

    ImapStoreTask(
        ImapClient &client, QList<quint32> uids, Operation operation, QByteArrayList flags, QObject *parent = nullptr);
    ~ImapStoreTask() override = default;

protected:
    void perform() override;

private:
    QList<quint32> m_uids;
    Operation m_operation;
    QByteArrayList m_flags;
};

} // namespace waybill::channels::email
