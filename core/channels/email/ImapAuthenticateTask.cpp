// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapAuthenticateTask.h"

#include "ImapClient.h"
#include "SaslResponse.h"

namespace waybill::channels::email {

ImapAuthenticateTask::ImapAuthenticateTask(
    ImapClient &client, Mechanism mechanism, QString username, QString secret, QObject *parent)
    : ImapTask(client, parent)
    , m_mechanism(mechanism)
    , m_username(std::move(username))
    , m_secret(std::move(secret))
{
}

QByteArray ImapAuthenticateTask::initialResponse() const
{
    return m_mechanism == Mechanism::Plain ? SaslResponse::plain(m_username, m_secret)
                                           : SaslResponse::xoauth2(m_username, m_secret);
}

void ImapAuthenticateTask::perform()
{
    const QByteArray name = m_mechanism == Mechanism::Plain ? QByteArray("PLAIN") : QByteArray("XOAUTH2");
    if (!client().hasCapability(QByteArray("AUTH=" + name))) {
        fail({ ImapError::Kind::Unsupported,
            QStringLiteral("the server does not offer AUTH=%1").arg(QLatin1String(name)), {},
            Transport::Failure::Other });
        return;
    }
    QList<ImapArgument> arguments { ImapArgument::atom("AUTHENTICATE"), ImapArgument::atom(name) };
    if (client().hasCapability("SASL-IR")) {
        arguments.append(ImapArgument::atom(initialResponse()));
        m_sentResponse = true;
    }
    send(arguments, true);
}

void ImapAuthenticateTask::handleContinuation(const ImapResponse &response)
{
    if (!m_sentResponse) {
        m_sentResponse = true;
        client().sendLine(initialResponse() + "\r\n");
        return;
    }
    // A challenge after our response is the server's error report (XOAUTH2: base64 JSON); acknowledge it.
    m_serverDetail = SaslResponse::decodeChallenge(response.text);
    client().sendLine("\r\n");
}

void ImapAuthenticateTask::handleTagged(const ImapResponse &response)
{
    if (response.status == ImapResponse::Status::Ok) {
        client().takeCapabilitiesAfterSignIn(response);
        finish();
        return;
    }
    ImapError error = ImapError::fromResponse(
        response.status == ImapResponse::Status::No ? ImapError::Kind::Authentication : ImapError::Kind::Command,
        response);
    if (!m_serverDetail.isEmpty()) {
        error.message += QStringLiteral(" (%1)").arg(m_serverDetail);
    }
    fail(error);
}

} // namespace waybill::channels::email
