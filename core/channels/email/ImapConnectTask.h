// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapTask.h"
#include "channels/TaskPtr.h"

namespace waybill::channels::email {

/// Opens an ImapClient up to the authenticated state: transport (implicit TLS or plain), the greeting, CAPABILITY,
/// STARTTLS when configured (and refused if the server does not offer it), CAPABILITY again, then LOGIN or
/// AUTHENTICATE PLAIN/XOAUTH2 as ImapAccountConfig says, and CAPABILITY once more unless the login reply carried
/// it. Ends with finished() (ready for SELECT) or failed(); a `* BYE` greeting fails with Kind::Temporary.
class ImapConnectTask final : public ImapTask {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapConnectTask)

public:
    using ImapTask::ImapTask;
    ~ImapConnectTask() override;

protected:
    void perform() override;
    void handleUntagged(const ImapResponse &response) override;
    void handleAbort() override;

private:
    enum class Step {
        Greeting,
        Capability,
        StartTls,
        CapabilityAfterTls,
        Authenticate,
        CapabilityAfterLogin,
    };

    void advance();
    void runStep(Step step, ImapTask *task);
    void authenticate();

    Step m_step = Step::Greeting;
    bool m_preAuthenticated = false;
    TaskPtr<ImapTask> m_current;
};

} // namespace waybill::channels::email
