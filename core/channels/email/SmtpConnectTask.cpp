// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpConnectTask.h"

#include "SmtpClient.h"

namespace waybill::channels::email {

SmtpConnectTask::~SmtpConnectTask() = default;

void SmtpConnectTask::perform()
{
    m_step = Step::Greeting;
    connect(&client(), &SmtpClient::encrypted, this, [this]() {
        if (m_step == Step::Handshake && isRunning()) {
            hello(Step::EhloAfterTls);
        }
    });
    client().connectToServer();
    client().expectReply(this);
}

SmtpError SmtpConnectTask::error(SmtpError::Kind kind, const QString &message) const
{
    SmtpError error;
    error.kind = kind;
    error.message = message;
    if (kind == SmtpError::Kind::Tls) {
        error.transportFailure = Transport::Failure::TlsHandshake;
    }
    return error;
}

void SmtpConnectTask::hello(Step step)
{
    m_step = step;
    const QByteArray verb = step == Step::Helo ? QByteArray("HELO") : QByteArray("EHLO");
    send(SmtpCodec::command(verb, client().config().heloName.toUtf8()));
}

void SmtpConnectTask::handleReply(const SmtpReply &reply)
{
    const QString &host = client().config().host;
    switch (m_step) {
    case Step::Greeting:
        if (reply.code != 220) {
            fail(SmtpError::fromReply(
                SmtpError::Kind::Rejected, reply, QStringLiteral("%1 refused the connection").arg(host)));
            return;
        }
        hello(Step::Ehlo);
        return;
    case Step::Ehlo:
    case Step::EhloAfterTls:
        if (reply.isPositive()) {
            client().setCapabilities(SmtpCodec::parseCapabilities(reply));
            afterHello();
        } else if (m_step == Step::Ehlo && reply.isPermanentFailure()) {
            hello(Step::Helo); // an SMTP server without extensions
        } else {
            fail(SmtpError::fromReply(SmtpError::Kind::Rejected, reply, QStringLiteral("%1 refused EHLO").arg(host)));
        }
        return;
    case Step::Helo: {
        if (!reply.isPositive()) {
            fail(SmtpError::fromReply(SmtpError::Kind::Rejected, reply, QStringLiteral("%1 refused HELO").arg(host)));
            return;
        }
        SmtpCapabilities none;
        none.known = true;
        client().setCapabilities(none);
        afterHello();
        return;
    }
    case Step::StartTls:
        if (reply.code != 220) {
            fail(SmtpError::fromReply(SmtpError::Kind::Tls, reply, QStringLiteral("%1 refused STARTTLS").arg(host)));
            return;
        }
        m_step = Step::Handshake;
        client().startTls();
        return;
    case Step::Handshake:
    case Step::Authenticate:
        return;
    }
}

void SmtpConnectTask::afterHello()
{
    const SmtpAccountConfig &config = client().config();
    if (config.security == Transport::Security::StartTls && !client().isEncrypted()) {
        if (!client().capabilities().startTls) {
            fail(error(SmtpError::Kind::Tls, QStringLiteral("%1 does not offer STARTTLS").arg(config.host)));
            return;
        }
        m_step = Step::StartTls;
        send(SmtpCodec::command("STARTTLS"));
        return;
    }
    authenticate();
}

void SmtpConnectTask::authenticate()
{
    const SmtpAccountConfig &config = client().config();
    using Method = SmtpAccountConfig::AuthMethod;
    using Mechanism = SmtpAuthenticateTask::Mechanism;
    Mechanism mechanism = Mechanism::Plain;
    switch (config.authMethod) {
    case Method::None:
        complete();
        return;
    case Method::Automatic:
        mechanism = client().capabilities().hasAuth("PLAIN") || !client().capabilities().hasAuth("LOGIN")
            ? Mechanism::Plain
            : Mechanism::Login;
        break;
    case Method::Plain:
        mechanism = Mechanism::Plain;
        break;
    case Method::Login:
        mechanism = Mechanism::Login;
        break;
    case Method::XOAuth2:
        mechanism = Mechanism::XOAuth2;
        break;
    }
    m_step = Step::Authenticate;
    m_authenticate.reset(new SmtpAuthenticateTask(client(), mechanism, config.username, config.secret));
    connect(m_authenticate.get(), &SmtpAuthenticateTask::finished, this, &SmtpConnectTask::complete);
    connect(m_authenticate.get(), &SmtpTask::failed, this, &SmtpConnectTask::fail);
    m_authenticate->start();
}

void SmtpConnectTask::complete()
{
    client().setReady(true);
    if (markFinished()) {
        Q_EMIT finished();
    }
}

void SmtpConnectTask::handleAbort()
{
    if (m_authenticate) {
        m_authenticate->disconnect(this);
        m_authenticate->abort();
    }
    if (hasClient()) {
        client().disconnectFromServer(); // a half-open conversation cannot be reused
    }
}

} // namespace waybill::channels::email
