// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapSentFolder.h"

#include "ImapAppendTask.h"
#include "ImapClient.h"
#include "ImapConnectTask.h"
#include "ImapCreateTask.h"
#include "ImapSearchTask.h"
#include "ImapSelectTask.h"

#include <QTimer>

namespace waybill::channels::email {

ImapSentFolder::ImapSentFolder(TransportFactory &factory, ImapAccountConfig account, QString mailbox, QObject *parent)
    : QObject(parent)
    , m_factory(factory)
    , m_account(std::move(account))
    , m_mailbox(std::move(mailbox))
{
}

ImapSentFolder::~ImapSentFolder()
{
    clear();
}

void ImapSentFolder::append(qint64 key, QByteArray message)
{
    m_jobs.append({ Job::Kind::Append, key, std::move(message), QString() });
    if (m_jobs.size() == 1) {
        runNext();
    }
}

void ImapSentFolder::find(qint64 key, QString messageId)
{
    m_jobs.append({ Job::Kind::Find, key, QByteArray(), std::move(messageId) });
    if (m_jobs.size() == 1) {
        runNext();
    }
}

void ImapSentFolder::clear()
{
    m_jobs.clear();
    teardown();
}

template <typename Task> Task *ImapSentFolder::run(Task *task)
{
    m_task.reset(task);
    connect(task, &ImapTask::failed, this, &ImapSentFolder::jobFailed);
    return task;
}

void ImapSentFolder::runNext()
{
    if (m_jobs.isEmpty()) {
        teardown();
        return;
    }
    if (!m_client) {
        m_client.reset(new ImapClient(m_factory, m_account));
        connect(m_client.get(), &ImapClient::connectionLost, this, [this] {
            if (!m_task) {
                teardown(); // dropped between requests: the next one reconnects
            }
        });
        auto *connectTask = run(new ImapConnectTask(*m_client));
        connect(connectTask, &ImapTask::finished, this, [this] {
            m_ready = true;
            runNext();
        });
        connectTask->start();
        return;
    }
    if (!m_ready) {
        return;
    }
    const Job &job = m_jobs.first();
    if (job.kind == Job::Kind::Append) {
        auto *task = run(new ImapAppendTask(*m_client, m_mailbox, job.message));
        connect(task, &ImapTask::finished, this, [this, key = job.key] {
            jobDone();
            Q_EMIT appended(key);
        });
        task->start();
        return;
    }
    if (!m_selected) {
        auto *select = run(new ImapSelectTask(*m_client, m_mailbox, true));
        select->disconnect(this);
        connect(select, &ImapTask::finished, this, [this] {
            m_selected = true;
            runNext();
        });
        connect(select, &ImapTask::failed, this, [this](const ImapError &error) {
            if (error.kind != ImapError::Kind::Command) {
                jobFailed(error);
                return;
            }
            // Servers do not always say why (dovecot: a bare "NO Mailbox doesn't exist"): try to create the folder.
            // If that works it was missing, so nothing was ever saved there; if it already exists, the EXAMINE
            // failure was real.
            auto *create = run(new ImapCreateTask(*m_client, m_mailbox));
            create->disconnect(this);
            connect(create, &ImapTask::failed, this, [this, error](const ImapError &) { jobFailed(error); });
            connect(create, &ImapTask::finished, this, [this, create, error] {
                if (!create->created()) {
                    jobFailed(error);
                    return;
                }
                const qint64 key = m_jobs.first().key;
                jobDone();
                Q_EMIT found(key, false);
            });
            create->start();
        });
        select->start();
        return;
    }
    auto *search = run(new ImapSearchTask(*m_client, QByteArray("Message-ID"), job.messageId));
    connect(search, &ImapTask::finished, this, [this, search, key = job.key] {
        const bool present = !search->uids().isEmpty();
        jobDone();
        Q_EMIT found(key, present);
    });
    search->start();
}

void ImapSentFolder::jobDone()
{
    if (!m_jobs.isEmpty()) {
        m_jobs.removeFirst();
    }
    m_task.reset();
    // Later, not from inside the finished task's signal.
    QTimer::singleShot(0, this, [this] {
        if (!m_task) {
            runNext();
        }
    });
}

void ImapSentFolder::jobFailed(const ImapError &error)
{
    if (m_jobs.isEmpty()) {
        return;
    }
    const qint64 key = m_jobs.takeFirst().key;
    teardown();
    QTimer::singleShot(0, this, [this] {
        if (!m_task) {
            runNext();
        }
    });
    Q_EMIT failed(key, error);
}

void ImapSentFolder::teardown()
{
    m_task.reset();
    m_ready = false;
    m_selected = false;
    if (m_client) {
        m_client->disconnect(this);
        m_client->disconnectFromServer();
        m_client.reset();
    }
}

} // namespace waybill::channels::email
