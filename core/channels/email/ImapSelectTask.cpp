// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapSelectTask.h"

namespace waybill::channels::email {

ImapSelectTask::ImapSelectTask(ImapClient &client, QString mailbox, bool readOnly, QObject *parent)
    : ImapTask(client, parent)
    , m_mailbox(std::move(mailbox))
    , m_readOnly(readOnly)
{
}

void ImapSelectTask::perform()
{
    send({ ImapArgument::atom(m_readOnly ? "EXAMINE" : "SELECT"), ImapArgument::mailbox(m_mailbox) });
}

void ImapSelectTask::handleUntagged(const ImapResponse &response)
{
    if (response.isUntagged("EXISTS") && response.number) {
        m_exists = *response.number;
    } else if (response.isUntagged("FLAGS") && !response.values.isEmpty() && response.values.first().isList()) {
        m_flags.clear();
        for (const ImapValue &flag : response.values.first().list) {
            m_flags.append(flag.toBytes());
        }
    } else if (response.status == ImapResponse::Status::Ok && response.code == "UIDVALIDITY") {
        m_uidValidity = response.codeNumber().value_or(0);
    } else if (response.status == ImapResponse::Status::Ok && response.code == "UIDNEXT") {
        m_uidNext = response.codeNumber().value_or(0);
    }
}

void ImapSelectTask::handleTagged(const ImapResponse &response)
{
    if (response.status != ImapResponse::Status::Ok) {
        fail(ImapError::fromResponse(ImapError::Kind::Command, response));
        return;
    }
    if (response.code == "READ-ONLY") {
        m_readOnly = true;
    }
    if (m_uidValidity == 0) {
        fail({ ImapError::Kind::Protocol, QStringLiteral("the server gave no UIDVALIDITY for %1").arg(m_mailbox), {},
            Transport::Failure::Other });
        return;
    }
    finish();
}

} // namespace waybill::channels::email
