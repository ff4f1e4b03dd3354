// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapTask.h"

namespace waybill::channels::email {

/// CAPABILITY; the client records the answer (ImapClient::capabilities()). Ends with finished()/failed().
class ImapCapabilityTask final : public ImapTask {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapCapabilityTask)

public:
    using ImapTask::ImapTask;
    ~ImapCapabilityTask() override = default;

protected:
    void perform() override;
};

} // namespace waybill::channels::email
