// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapAccountConfig.h"
#include "ImapError.h"
#include "ImapTask.h"
#include "channels/TaskPtr.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

namespace waybill::channels {
class TransportFactory;
}

namespace waybill::channels::email {

class ImapClient;

/// The account's Sent folder as the outbox needs it: append() stores the exact bytes of a reply that went out
/// (ImapAppendTask, \Seen, creating the folder if missing), find() tells whether a message with a given
/// Message-ID is already there (EXAMINE + UID SEARCH HEADER Message-ID; a folder that
/// cannot be examined is created, and if that works the answer is "not there"), which decides whether a reply
/// interrupted mid-send went out. Requests are queued and run one at a time on one connection opened on demand
/// (ImapConnectTask) and closed when the queue is empty.
///
/// Each request, named by the caller's `key`, ends with exactly one signal: appended(), found() or failed();
/// after a failure the connection is dropped and the next request opens a new one. Nothing is retried here: the
/// caller decides. Thread: the engine thread; nothing blocks. Owner: the caller (EmailOutbound); destroying it
/// (or clear()) drops what is queued without signals.
class ImapSentFolder final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapSentFolder)

public:
    ImapSentFolder(TransportFactory &factory, ImapAccountConfig account, QString mailbox, QObject *parent = nullptr);
    ~ImapSentFolder() override;

    const QString &mailbox() const { return m_mailbox; }
    void append(qint64 key, QByteArray message);
    /// `messageId` without angle brackets.
    void find(qint64 key, QString messageId);
    void clear();
    bool isBusy() const { return !m_jobs.isEmpty(); }

Q_SIGNALS:
    void appended(qint64 key);
    void found(qint64 key, bool present);
    void failed(qint64 key, const waybill::channels::email::ImapError &error);

private:
    struct Job {
        enum class Kind {
            Append,
            Find,
        };
        Kind kind = Kind::Append;
        qint64 key = 0;
        QByteArray message;
        QString messageId;
    };

    void runNext();
    void jobDone();
    void jobFailed(const ImapError &error);
    void teardown();
    template <typename Task> Task *run(Task *task);

    TransportFactory &m_factory;
    ImapAccountConfig m_account;
    QString m_mailbox;
    QList<Job> m_jobs;
    TaskPtr<ImapClient> m_client;
    TaskPtr<ImapTask> m_task;
    bool m_ready = false; ///< logged in
    bool m_selected = false; ///< the folder is selected (for searches)
};

} // namespace waybill::channels::email
