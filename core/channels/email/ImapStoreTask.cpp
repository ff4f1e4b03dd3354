// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapStoreTask.h"

#include "ImapCodec.h"

namespace waybill::channels::email {

ImapStoreTask::ImapStoreTask(
    ImapClient &client, QList<quint32> uids, Operation operation, QByteArrayList flags, QObject *parent)
    : ImapTask(client, parent)
    , m_uids(std::move(uids))
    , m_operation(operation)
    , m_flags(std::move(flags))
{
}

void ImapStoreTask::perform()
{
    if (m_uids.isEmpty()) {
        finish();
        return;
    }
    send({ ImapArgument::atom("UID"), ImapArgument::atom("STORE"),
        ImapArgument::atom(ImapCodec::formatSequenceSet(m_uids)),
        ImapArgument::atom(m_operation == Operation::Add ? "+FLAGS.SILENT" : "-FLAGS.SILENT"),
        ImapArgument::atom('(' + m_flags.join(' ') + ')') });
}

} // namespace waybill::channels::email
