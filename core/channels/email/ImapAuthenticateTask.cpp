// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapAuthenticateTask.h"

#include "ImapClient.h"

namespace waybill::channels::email {

ImapAuthenticateTask::ImapAuthenticateTask(
    ImapClient &client, Mechanism mechanism, QString username, QString secret, QObject *parent)
    : ImapTask(client, parent)
    , m_mechanism(mechanism)
    , m_username(std::move(username))
    , m_secret(std::move(secret))
{
}

QByteArray ImapAuthenticateTask::initialResponse(Mechanism mechanism, const QString &username, const QString &secret)
{
    QByteArray plain;
    if (mechanism == Mechanism::Plain) {
        plain = '\0' + username.toUtf8() + '\0' + secret.toUtf8();
    } else {
        plain = "user=" + username.toUtf8()
            + "\x01"
              "auth=Bearer "
            + secret.toUtf8() + "\x01\x01";
    }
    return plain.toBase64();
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
        arguments.append(ImapArgument::atom(initialResponse(m_mechanism, m_username, m_secret)));
        m_sentResponse = true;
    }
    send(arguments, true);
}

void ImapAuthenticateTask::handleContinuation(const ImapResponse &response)
{
    if (!m_sentResponse) {
        m_sentResponse = true;
        client().sendLine(initialResponse(m_mechanism, m_username, m_secret) + "\r\n");
        return;
    }
    // A challenge after our response is the server's error report (XOAUTH2: base64 JSON); acknowledge it.
    m_serverDetail = QString::fromUtf8(QByteArray::fromBase64(response.text));
    client().sendLine("\r\n");
}

void ImapAuthenticateTask::handleTagged(const ImapResponse &response)
{
    if (response.status == ImapResponse::Status::Ok) {
        if (response.code == "CAPABILITY") {
            client().setCapabilities(response.codeArgs);
        } else {
            client().forgetCapabilities();
        }
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
