// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapSearchTask.h"

#include "ImapCodec.h"

#include <algorithm>

namespace waybill::channels::email {

ImapSearchTask::ImapSearchTask(ImapClient &client, quint32 afterUid, QObject *parent)
    : ImapTask(client, parent)
    , m_afterUid(afterUid)
{
}

ImapSearchTask::ImapSearchTask(ImapClient &client, QByteArray headerName, QString headerValue, QObject *parent)
    : ImapTask(client, parent)
    , m_headerName(std::move(headerName))
    , m_headerValue(std::move(headerValue))
{
}

void ImapSearchTask::perform()
{
    if (!m_headerName.isEmpty()) {
        QList<ImapArgument> arguments { ImapArgument::atom("UID"), ImapArgument::atom("SEARCH") };
        const QByteArray value = m_headerValue.toUtf8();
        if (ImapCodec::quoted(value).isEmpty() && !value.isEmpty()) {
            // Only 8-bit criteria need (and some servers only accept) a CHARSET.
            arguments << ImapArgument::atom("CHARSET") << ImapArgument::atom("UTF-8");
        }
        arguments << ImapArgument::atom("HEADER") << ImapArgument::string(m_headerName) << ImapArgument::string(value);
        send(arguments);
        return;
    }
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
