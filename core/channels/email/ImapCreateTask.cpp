// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapCreateTask.h"

namespace waybill::channels::email {

ImapCreateTask::ImapCreateTask(ImapClient &client, QString mailbox, QObject *parent)
    : ImapTask(client, parent)
    , m_mailbox(std::move(mailbox))
{
}

void ImapCreateTask::perform()
{
    send({ ImapArgument::atom("CREATE"), ImapArgument::mailbox(m_mailbox) });
}

void ImapCreateTask::handleTagged(const ImapResponse &response)
{
    if (response.status == ImapResponse::Status::No && response.code == "ALREADYEXISTS") {
        finish();
        return;
    }
    m_created = response.status == ImapResponse::Status::Ok;
    ImapTask::handleTagged(response);
}

} // namespace waybill::channels::email
