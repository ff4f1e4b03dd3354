// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapConnectTask.h"

#include "ImapAuthenticateTask.h"
#include "ImapCapabilityTask.h"
#include "ImapClient.h"
#include "ImapLoginTask.h"
#include "ImapStartTlsTask.h"

namespace waybill::channels::email {

ImapConnectTask::~ImapConnectTask() = default;

void ImapConnectTask::perform()
{
    m_step = Step::Greeting;
    client().connectToServer();
}

void ImapConnectTask::handleUntagged(const ImapResponse &response)
{
    if (m_step != Step::Greeting) {
        return;
    }
    switch (response.status) {
    case ImapResponse::Status::Ok:
        break;
    case ImapResponse::Status::PreAuth:
        m_preAuthenticated = true;
        break;
    case ImapResponse::Status::Bye:
        fail({ ImapError::Kind::Temporary,
            QStringLiteral("the server refused the connection: %1").arg(QString::fromUtf8(response.text)),
            response.code, Transport::Failure::Other });
        return;
    default:
        fail({ ImapError::Kind::Protocol, QStringLiteral("unexpected greeting"), {}, Transport::Failure::Other });
        return;
    }
    advance();
}

void ImapConnectTask::handleAbort()
{
    if (m_current) {
        m_current->disconnect(this);
        m_current->abort();
    }
}

void ImapConnectTask::runStep(Step step, ImapTask *task)
{
    m_step = step;
    m_current.reset(task);
    connect(task, &ImapTask::finished, this, &ImapConnectTask::advance);
    connect(task, &ImapTask::failed, this, &ImapConnectTask::fail);
    task->start();
}

void ImapConnectTask::advance()
{
    const bool wantsTls = client().config().security == Transport::Security::StartTls && !client().isEncrypted();
    switch (m_step) {
    case Step::Greeting:
        if (!client().capabilitiesKnown()) {
            runStep(Step::Capability, new ImapCapabilityTask(client()));
            return;
        }
        [[fallthrough]];
    case Step::Capability:
        if (wantsTls) {
            if (m_preAuthenticated || !client().hasCapability("STARTTLS")) {
                fail({ ImapError::Kind::Tls, QStringLiteral("%1 does not offer STARTTLS").arg(client().config().host),
                    {}, Transport::Failure::TlsHandshake });
                return;
            }
            runStep(Step::StartTls, new ImapStartTlsTask(client()));
            return;
        }
        [[fallthrough]];
    case Step::CapabilityAfterTls:
        if (m_preAuthenticated) {
            finish();
            return;
        }
        authenticate();
        return;
    case Step::StartTls:
        runStep(Step::CapabilityAfterTls, new ImapCapabilityTask(client()));
        return;
    case Step::Authenticate:
        if (!client().capabilitiesKnown()) {
            runStep(Step::CapabilityAfterLogin, new ImapCapabilityTask(client()));
            return;
        }
        [[fallthrough]];
    case Step::CapabilityAfterLogin:
        finish();
        return;
    }
}

void ImapConnectTask::authenticate()
{
    const ImapAccountConfig &config = client().config();
    using Method = ImapAccountConfig::AuthMethod;
    Method method = config.authMethod;
    if (method == Method::Automatic) {
        method = client().hasCapability("AUTH=PLAIN") ? Method::Plain : Method::Login;
    }
    switch (method) {
    case Method::Login:
    case Method::Automatic:
        runStep(Step::Authenticate, new ImapLoginTask(client(), config.username, config.secret));
        return;
    case Method::Plain:
        runStep(Step::Authenticate,
            new ImapAuthenticateTask(client(), ImapAuthenticateTask::Mechanism::Plain, config.username, config.secret));
        return;
    case Method::XOAuth2:
        runStep(Step::Authenticate,
            new ImapAuthenticateTask(
                client(), ImapAuthenticateTask::Mechanism::XOAuth2, config.username, config.secret));
        return;
    }
}

} // namespace waybill::channels::email
