// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpTask.h"

#include "SmtpClient.h"

namespace waybill::channels::email {

namespace {

SmtpError notConnected()
{
    SmtpError error;
    error.kind = SmtpError::Kind::Transport;
    error.message = QStringLiteral("not connected");
    return error;
}

} // namespace

SmtpTask::SmtpTask(SmtpClient &client, QObject *parent)
    : QObject(parent)
    , m_client(&client)
{
}

SmtpTask::~SmtpTask()
{
    if (m_client) {
        m_client->unregisterTask(this);
    }
}

void SmtpTask::start()
{
    if (m_started) {
        return;
    }
    m_started = true;
    if (!m_client) {
        fail(notConnected());
        return;
    }
    m_client->registerTask(this);
    perform();
}

void SmtpTask::abort()
{
    if (m_done) {
        return;
    }
    if (m_started) {
        handleAbort();
    }
    SmtpError error;
    error.kind = SmtpError::Kind::Aborted;
    error.message = QStringLiteral("aborted");
    fail(error);
}

void SmtpTask::handleConnectionLost(const SmtpError &error)
{
    fail(error);
}

void SmtpTask::handleAbort()
{
}

bool SmtpTask::send(const QByteArray &bytes)
{
    if (!m_client || !m_client->send(this, bytes)) {
        fail(notConnected());
        return false;
    }
    return true;
}

bool SmtpTask::markFinished()
{
    if (m_done) {
        return false;
    }
    m_done = true;
    if (m_client) {
        m_client->unregisterTask(this);
    }
    return true;
}

void SmtpTask::fail(const SmtpError &error)
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

SmtpClient &SmtpTask::client() const
{
    return *m_client;
}

} // namespace waybill::channels::email
