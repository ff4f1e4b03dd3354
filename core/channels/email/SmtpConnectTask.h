// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SmtpAuthenticateTask.h"
#include "SmtpTask.h"
#include "channels/TaskPtr.h"

namespace waybill::channels::email {

/// Opens an SmtpClient up to the state where mail can be sent: transport (implicit TLS or plain), the 220 greeting,
/// EHLO (HELO when the server refuses EHLO), STARTTLS when configured (refused if the server does not offer it)
/// and EHLO again, then AUTH as SmtpAccountConfig says. Emits finished() (the client isReady()) or failed(): a
/// 4xx/5xx greeting fails with Kind::Rejected and the server's words.
class SmtpConnectTask final : public SmtpTask {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmtpConnectTask)

public:
    using SmtpTask::SmtpTask;
    ~SmtpConnectTask() override;

Q_SIGNALS:
    void finished();

protected:
    void perform() override;
    void handleReply(const SmtpReply &reply) override;
    void handleAbort() override;

private:
    enum class Step {
        Greeting,
        Ehlo,
        Helo,
        StartTls,
        Handshake,
        EhloAfterTls,
        Authenticate,
    };

    void hello(Step step);
    void afterHello();
    void authenticate();
    void complete();
    SmtpError error(SmtpError::Kind kind, const QString &message) const;

    Step m_step = Step::Greeting;
    TaskPtr<SmtpAuthenticateTask> m_authenticate;
};

} // namespace waybill::channels::email
