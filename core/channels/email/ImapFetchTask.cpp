// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapFetchTask.h"

#include "ImapCodec.h"

namespace waybill::channels::email {

ImapFetchTask::ImapFetchTask(ImapClient &client, QList<quint32> uids, QByteArray items, QObject *parent)
    : ImapTask(client, parent)
    , m_uidList(std::move(uids))
    , m_uids(m_uidList.cbegin(), m_uidList.cend())
    , m_items(std::move(items))
{
}

void ImapFetchTask::perform()
{
    if (m_uidList.isEmpty()) {
        finish();
        return;
    }
    send({ ImapArgument::atom("UID"), ImapArgument::atom("FETCH"),
        ImapArgument::atom(ImapCodec::formatSequenceSet(m_uidList)), ImapArgument::atom(m_items) });
}

void ImapFetchTask::handleUntagged(const ImapResponse &response)
{
    if (!response.isUntagged("FETCH")) {
        return;
    }
    const std::optional<ImapFetchData> data = ImapFetchData::fromResponse(response);
    if (data && data->uid && m_uids.contains(*data->uid)) {
        Q_EMIT fetched(*data);
    }
}

} // namespace waybill::channels::email
