// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapSearchTask.h"

#include <algorithm>

namespace waybill::channels::email {

ImapSearchTask::ImapSearchTask(ImapClient &client, quint32 afterUid, QObject *parent)
    : ImapTask(client, parent)
    , m_afterUid(afterUid)
{
}

void ImapSearchTask::perform()
{
    send({ ImapArgument::atom("UID"), ImapArgument::atom("SEARCH"), ImapArgument::atom("UID"),
        ImapArgument::atom(QByteArray::number(m_afterUid + 1) + ":*") });
}

void ImapSearchTask::handleUntagged(const ImapResponse &response)
{
    if (!response.isUntagged("SEARCH")) {
        return;
    }
    for (const ImapValue &value : response.values) {
        if (value.isNumber() && value.number > m_afterUid && value.number <= 0xffffffffULL) {
            m_uids.append(static_cast<quint32>(value.number));
        }
    }
}

void ImapSearchTask::handleTagged(const ImapResponse &response)
{
    std::sort(m_uids.begin(), m_uids.end());
    m_uids.erase(std::unique(m_uids.begin(), m_uids.end()), m_uids.end());
    ImapTask::handleTagged(response);
}

} // namespace waybill::channels::email
