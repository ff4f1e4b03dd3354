// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapStartTlsTask.h"

#include "ImapClient.h"

namespace waybill::channels::email {

void ImapStartTlsTask::perform()
{
    connect(&client(), &ImapClient::encrypted, this, &ImapStartTlsTask::finish);
    send({ ImapArgument::atom("STARTTLS") });
}

void ImapStartTlsTask::handleTagged(const ImapResponse &response)
{
    if (response.status != ImapResponse::Status::Ok) {
        fail(ImapError::fromResponse(ImapError::Kind::Tls, response));
        return;
    }
    client().startTls();
}

} // namespace waybill::channels::email
