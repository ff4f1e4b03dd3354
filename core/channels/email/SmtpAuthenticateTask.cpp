// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpAuthenticateTask.h"

#include "SaslResponse.h"
#include "SmtpClient.h"

namespace waybill::channels::email {

SmtpAuthenticateTask::SmtpAuthenticateTask(
    SmtpClient &client, Mechanism mechanism, QString username, QString secret, QObject *parent)
    : SmtpTask(client, parent)
    , m_mechanism(mechanism)
    , m_username(std::move(username))
    , m_secret(std::move(secret))
{
}

QByteArray SmtpAuthenticateTask::mechanismName(Mechanism mechanism)
{
    switch (mechanism) {
    case Mechanism::Plain:
        return "PLAIN";
    case Mechanism::Login:
        return "LOGIN";
    case Mechanism::XOAuth2:
        return "XOAUTH2";
    }
    return {};
}

void SmtpAuthenticateTask::perform()
{
    const QByteArray name = mechanismName(m_mechanism);
    const SmtpCapabilities &capabilities = client().capabilities();
    if (!capabilities.hasAuth(name)) {
        SmtpError error;
        error.kind = SmtpError::Kind::Unsupported;
        error.message = capabilities.authMechanisms.isEmpty()
            ? QStringLiteral("%1 does not offer AUTH").arg(client().config().host)
            : QStringLiteral("%1 does not offer AUTH %2 (only %3)")
                  .arg(client().config().host, QString::fromLatin1(name),
                      QString::fromLatin1(capabilities.authMechanisms.join(' ')));
        fail(error);
        return;
    }
    switch (m_mechanism) {
    case Mechanism::Plain:
        send(SmtpCodec::command("AUTH PLAIN", SaslResponse::plain(m_username, m_secret)));
        return;
    case Mechanism::Login:
        send(SmtpCodec::command("AUTH LOGIN"));
        return;
    case Mechanism::XOAuth2:
        send(SmtpCodec::command("AUTH XOAUTH2", SaslResponse::xoauth2(m_username, m_secret)));
        return;
    }
}

void SmtpAuthenticateTask::handleReply(const SmtpReply &reply)
{
    if (reply.code == 334) {
        answerChallenge(reply);
        return;
    }
    if (reply.isPositive()) {
        if (markFinished()) {
            Q_EMIT finished();
        }
        return;
    }
    SmtpError error = SmtpError::fromReply(SmtpError::Kind::Authentication, reply,
        QStringLiteral("%1 refused the login of %2").arg(client().config().host, m_username));
    if (!m_serverDetail.isEmpty()) {
        error.message += QStringLiteral(" [%1]").arg(m_serverDetail);
    }
    fail(error);
}

void SmtpAuthenticateTask::answerChallenge(const SmtpReply &reply)
{
    const int challenge = m_challenges++;
    switch (m_mechanism) {
    case Mechanism::Login:
        if (challenge < 2) {
            send(SaslResponse::login(challenge == 0 ? m_username : m_secret) + "\r\n");
            return;
        }
        break;
    case Mechanism::Plain:
        if (challenge == 0 && reply.lines.value(0).trimmed().isEmpty()) {
            // A server that ignored the initial response asks for it again.
            send(SaslResponse::plain(m_username, m_secret) + "\r\n");
            return;
        }
        break;
    case Mechanism::XOAuth2:
        // A challenge after our token is the server's error report (base64 JSON); acknowledge it to get the 535.
        m_serverDetail = SaslResponse::decodeChallenge(reply.lines.value(0));
        send("\r\n");
        return;
    }
    send("*\r\n"); // cancel an exchange we do not understand; the server answers 501
}

} // namespace waybill::channels::email
