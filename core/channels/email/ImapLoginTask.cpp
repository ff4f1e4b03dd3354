// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapLoginTask.h"

#include "ImapClient.h"

namespace waybill::channels::email {

ImapLoginTask::ImapLoginTask(ImapClient &client, QString username, QString password, QObject *parent)
    : ImapTask(client, parent)
    , m_username(std::move(username))
    , m_password(std::move(password))
{
}

void ImapLoginTask::perform()
{
    if (client().hasCapability("LOGINDISABLED")) {
        fail({ ImapError::Kind::Unsupported, QStringLiteral("the server does not allow LOGIN on this connection"), {},
            Transport::Failure::Other });
        return;
    }
    send({ ImapArgument::atom("LOGIN"), ImapArgument::string(m_username), ImapArgument::string(m_password) });
}

void ImapLoginTask::handleTagged(const ImapResponse &response)
{
    if (response.status == ImapResponse::Status::Ok) {
        client().takeCapabilitiesAfterSignIn(response);
        finish();
        return;
    }
    fail(ImapError::fromResponse(
        response.status == ImapResponse::Status::No ? ImapError::Kind::Authentication : ImapError::Kind::Command,
        response));
}

} // namespace waybill::channels::email
