// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapTask.h"

#include <QTimer>

namespace waybill::channels::email {

/// IDLE (RFC 2177) in the selected mailbox. Once the server accepts (`+`), `idling()` is emitted and the client
/// stops its answer timeout. New mail (`* n EXISTS`), an expunge or a flag change emits `changed()` and ends the
/// IDLE with DONE; so do `done()` and the restart interval (ImapSyncConfig::idleRestartMs, below the server's
/// 30-minute limit). Ends with finished() once the server confirms, or failed(); a server without IDLE fails with
/// Kind::Unsupported.
class ImapIdleTask final : public ImapTask {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapIdleTask)

public:
    ImapIdleTask(ImapClient &client, int restartIntervalMs, QObject *parent = nullptr);
    ~ImapIdleTask() override = default;

    /// Ends the IDLE (sends DONE now, or as soon as the server has accepted it).
    void done();
    /// True when the IDLE ended because the server reported a change.
    bool sawChange() const { return m_sawChange; }

Q_SIGNALS:
    void idling();
    void changed();

protected:
    void perform() override;
    void handleUntagged(const ImapResponse &response) override;
    void handleContinuation(const ImapResponse &response) override;
    void handleTagged(const ImapResponse &response) override;
    void handleAbort() override;

private:
    QTimer m_restart;
    bool m_accepted = false;
    bool m_doneRequested = false;
    bool m_doneSent = false;
    bool m_sawChange = false;
};

} // namespace waybill::channels::email
