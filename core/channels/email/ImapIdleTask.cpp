// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapIdleTask.h"

#include "ImapClient.h"

namespace waybill::channels::email {

ImapIdleTask::ImapIdleTask(ImapClient &client, int restartIntervalMs, QObject *parent)
    : ImapTask(client, parent)
{
    m_restart.setSingleShot(true);
    m_restart.setInterval(restartIntervalMs);
    connect(&m_restart, &QTimer::timeout, this, &ImapIdleTask::done);
}

void ImapIdleTask::perform()
{
    if (!client().hasCapability("IDLE")) {
        fail({ ImapError::Kind::Unsupported, QStringLiteral("the server does not offer IDLE"), {},
            Transport::Failure::Other });
        return;
    }
    send({ ImapArgument::atom("IDLE") }, true);
}

void ImapIdleTask::done()
{
    m_restart.stop();
    m_doneRequested = true;
    if (m_accepted && !m_doneSent && isRunning()) {
        m_doneSent = true;
        client().setQuiet(false);
        client().sendLine("DONE\r\n");
    }
}

void ImapIdleTask::handleContinuation(const ImapResponse &)
{
    if (m_accepted) {
        return;
    }
    m_accepted = true;
    if (m_doneRequested) {
        done();
        return;
    }
    client().setQuiet(true);
    m_restart.start();
    Q_EMIT idling();
}

void ImapIdleTask::handleUntagged(const ImapResponse &response)
{
    if (response.isUntagged("EXISTS") || response.isUntagged("EXPUNGE") || response.isUntagged("FETCH")) {
        m_sawChange = true;
        Q_EMIT changed();
        done();
    }
}

void ImapIdleTask::handleTagged(const ImapResponse &response)
{
    m_restart.stop();
    client().setQuiet(false);
    ImapTask::handleTagged(response);
}

void ImapIdleTask::handleAbort()
{
    m_restart.stop();
    done();
}

} // namespace waybill::channels::email
