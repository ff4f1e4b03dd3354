// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapArgument.h"
#include "ImapError.h"
#include "ImapResponse.h"

#include <QObject>
#include <QPointer>

namespace waybill::channels::email {

class ImapClient;

/// One IMAP operation over an ImapClient. Lifecycle: construct, connect to its signals, `start()`; it then emits
/// exactly one of `finished()` or `failed()` (possibly from within start() when the client is not connected).
/// `abort()` is safe at any time and fails the task with Kind::Aborted if it has not ended yet. A dropped
/// connection fails it with the client's error. Thread: the client's. Owner: whoever created it (a parent or a
/// unique_ptr); it must not outlive nothing — a destroyed client simply leaves it unanswered.
class ImapTask : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapTask)

public:
    explicit ImapTask(ImapClient &client, QObject *parent = nullptr);
    ~ImapTask() override;

    void start();
    void abort();
    bool isRunning() const { return m_started && !m_done; }
    bool isDone() const { return m_done; }

Q_SIGNALS:
    void finished();
    void failed(const waybill::channels::email::ImapError &error);

protected:
    virtual void perform() = 0;
    /// Untagged data while running; every running task sees every untagged response.
    virtual void handleUntagged(const ImapResponse &response);
    /// The tagged completion of a command this task sent. By default OK finishes and NO/BAD fail (Command).
    virtual void handleTagged(const ImapResponse &response);
    virtual void handleContinuation(const ImapResponse &response);
    virtual void handleConnectionLost(const ImapError &error);
    /// Called by abort() before the task fails; stop timers, tell the server (DONE) if needed.
    virtual void handleAbort();

    QByteArray send(const QList<ImapArgument> &arguments, bool wantsContinuation = false);
    void finish();
    void fail(const ImapError &error);
    ImapClient &client() const;

private:
    friend class ImapClient;

    QPointer<ImapClient> m_client;
    bool m_started = false;
    bool m_done = false;
};

} // namespace waybill::channels::email
