// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapTask.h"

namespace waybill::channels::email {

/// STARTTLS, then the TLS handshake (certificate verified by the transport). Finishes once the connection is
/// encrypted; fails with Kind::Tls when the server refuses or the handshake fails. Capabilities are forgotten and
/// must be asked again (RFC 3501 §6.2.1).
class ImapStartTlsTask final : public ImapTask {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapStartTlsTask)

public:
    using ImapTask::ImapTask;
    ~ImapStartTlsTask() override = default;

protected:
    void perform() override;
    void handleTagged(const ImapResponse &response) override;
};

} // namespace waybill::channels::email
