// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SmtpError.h"
#include "SmtpReply.h"

#include <QObject>
#include <QPointer>

namespace waybill::channels::email {

class SmtpClient;

/// One SMTP operation over an SmtpClient. Lifecycle: construct, connect to its signals, `start()`; it then emits
/// exactly one of its `finished(…)` signal (declared by each subclass, with that operation's result) or `failed()`,
/// possibly from within start(). `abort()` is safe at any time and fails the task with Kind::Aborted if it has not
/// ended yet. A dropped connection fails it with the client's error. Thread: the client's. Owner: whoever created
/// it (a parent or a unique_ptr); a destroyed client simply leaves it unanswered.
class SmtpTask : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmtpTask)

public:
    explicit SmtpTask(SmtpClient &client, QObject *parent = nullptr);
    ~SmtpTask() override;

    void start();
    void abort();
    bool isRunning() const { return m_started && !m_done; }
    bool isDone() const { return m_done; }

Q_SIGNALS:
    void failed(const waybill::channels::email::SmtpError &error);

protected:
    virtual void perform() = 0;
    /// The reply to a command this task sent (or the greeting it asked for).
    virtual void handleReply(const SmtpReply &reply) = 0;
    virtual void handleConnectionLost(const SmtpError &error);
    /// Called by abort() before the task fails; stop sub-tasks, drop the connection if a command is unanswered.
    virtual void handleAbort();

    /// Writes `bytes`; the reply comes to handleReply(). Fails the task (and returns false) when not connected.
    bool send(const QByteArray &bytes);
    /// Ends the task; when it returns true the subclass emits its `finished(…)` signal.
    bool markFinished();
    void fail(const SmtpError &error);
    SmtpClient &client() const;
    bool hasClient() const { return !m_client.isNull(); }

private:
    friend class SmtpClient;

    QPointer<SmtpClient> m_client;
    bool m_started = false;
    bool m_done = false;
};

} // namespace waybill::channels::email
