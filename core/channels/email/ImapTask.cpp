// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapTask.h"

#include "ImapClient.h"

namespace waybill::channels::email {

ImapTask::ImapTask(ImapClient &client, QObject *parent)
    : QObject(parent)
    , m_client(&client)
{
}

ImapTask::~ImapTask()
{
    if (m_client) {
        m_client->unregisterTask(this);
    }
}

void ImapTask::start()
{
    if (m_started) {
        return;
    }
    m_started = true;
    if (!m_client) {
        fail({ ImapError::Kind::Transport, QStringLiteral("not connected"), {}, Transport::Failure::Other });
        return;
    }
    m_client->registerTask(this);
    perform();
}

void ImapTask::abort()
{
    if (m_done) {
        return;
    }
    if (m_started) {
        handleAbort();
    }
    fail({ ImapError::Kind::Aborted, QStringLiteral("aborted"), {}, Transport::Failure::Other });
}

void ImapTask::handleUntagged(const ImapResponse &)
{
}

void ImapTask::handleTagged(const ImapResponse &response)
{
    if (response.status == ImapResponse::Status::Ok) {
        finish();
    } else {
        fail(ImapError::fromResponse(ImapError::Kind::Command, response));
    }
}

void ImapTask::handleContinuation(const ImapResponse &)
{
}

void ImapTask::handleConnectionLost(const ImapError &error)
{
    fail(error);
}

void ImapTask::handleAbort()
{
}

QByteArray ImapTask::send(const QList<ImapArgument> &arguments, bool wantsContinuation)
{
    const QByteArray tag = m_client ? m_client->sendCommand(this, arguments, wantsContinuation) : QByteArray();
    if (tag.isEmpty()) {
        fail({ ImapError::Kind::Transport, QStringLiteral("not connected"), {}, Transport::Failure::Other });
    }
    return tag;
}

void ImapTask::finish()
{
    if (m_done) {
        return;
    }
    m_done = true;
    if (m_client) {
        m_client->unregisterTask(this);
    }
    Q_EMIT finished();
}

void ImapTask::fail(const ImapError &error)
{
    if (m_done) {
        return;
    }
    m_done = true;
    if (m_client) {
        m_client->unregisterTask(this);
    }
    Q_EMIT failed(error);
}

ImapClient &ImapTask::client() const
{
    return *m_client;
}

} // namespace waybill::channels::email
