// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapSyncTask.h"

#include "ImapFetchTask.h"
#include "ImapSearchTask.h"
#include "ImapSelectTask.h"

#include <QPointer>

namespace waybill::channels::email {

namespace {
constexpr qsizetype SizesPerCommand = 1000;
}

ImapSyncTask::ImapSyncTask(ImapClient &client, ImapSyncConfig config, bool select, quint32 afterUid, QObject *parent)
    : ImapTask(client, parent)
    , m_config(std::move(config))
    , m_select(select)
    , m_uidValidity(m_config.uidValidity)
    , m_afterUid(afterUid)
{
}

ImapSyncTask::~ImapSyncTask() = default;

void ImapSyncTask::run(ImapTask *task, void (ImapSyncTask::*next)())
{
    m_current.reset(task);
    connect(task, &ImapTask::finished, this, next);
    connect(task, &ImapTask::failed, this, &ImapSyncTask::fail);
    task->start();
}

void ImapSyncTask::perform()
{
    if (m_select) {
        run(new ImapSelectTask(client(), m_config.mailbox, m_config.readOnly), &ImapSyncTask::selected);
    } else {
        search();
    }
}

void ImapSyncTask::handleAbort()
{
    if (m_current) {
        m_current->disconnect(this);
        m_current->abort();
    }
}

void ImapSyncTask::selected()
{
    const quint32 current = static_cast<ImapSelectTask *>(m_current.get())->uidValidity();
    if (m_uidValidity != 0 && current != m_uidValidity) {
        const quint32 old = m_uidValidity;
        m_uidValidity = current;
        m_afterUid = 0;
        const QPointer<ImapSyncTask> self(this);
        Q_EMIT uidValidityChanged(old, current);
        if (!self || !isRunning()) {
            return;
        }
    }
    m_uidValidity = current;
    search();
}

void ImapSyncTask::search()
{
    run(new ImapSearchTask(client(), m_afterUid), &ImapSyncTask::searched);
}

void ImapSyncTask::searched()
{
    m_uids = static_cast<ImapSearchTask *>(m_current.get())->uids();
    m_sizesDone = 0;
    m_sizes.clear();
    fetchSizes();
}

void ImapSyncTask::fetchSizes()
{
    if (m_sizesDone >= m_uids.size()) {
        planBatches();
        return;
    }
    const QList<quint32> chunk = m_uids.mid(m_sizesDone, SizesPerCommand);
    m_sizesDone += chunk.size();
    auto *task = new ImapFetchTask(client(), chunk, "(UID RFC822.SIZE)");
    connect(task, &ImapFetchTask::fetched, this, [this](const ImapFetchData &data) {
        if (data.uid && data.size) {
            m_sizes.insert(*data.uid, *data.size);
        }
    });
    run(task, &ImapSyncTask::fetchSizes);
}

void ImapSyncTask::planBatches()
{
    m_batches.clear();
    Batch current;
    qint64 currentBytes = 0;
    const auto close = [&]() {
        if (!current.uids.isEmpty()) {
            m_batches.append(current);
        }
        current = {};
        currentBytes = 0;
    };
    for (const quint32 uid : std::as_const(m_uids)) {
        const auto size = m_sizes.constFind(uid);
        if (size == m_sizes.cend()) {
            continue; // expunged meanwhile
        }
        if (*size > m_config.maxMessageBytes || *size >= m_config.batchBytes) {
            close();
            m_batches.append({ { uid }, *size > m_config.maxMessageBytes });
            continue;
        }
        if (current.uids.size() >= m_config.batchMessages || currentBytes + *size > m_config.batchBytes) {
            close();
        }
        current.uids.append(uid);
        currentBytes += *size;
    }
    close();
    m_uids.clear();
    m_sizes.clear();
    fetchNextBatch();
}

void ImapSyncTask::fetchNextBatch()
{
    if (m_batches.isEmpty()) {
        finish();
        return;
    }
    const Batch batch = m_batches.takeFirst();
    m_batchTooLarge = batch.tooLarge;
    m_batchMessages.clear();
    const QByteArray items = batch.tooLarge ? QByteArray("(UID FLAGS INTERNALDATE RFC822.SIZE)")
                                            : QByteArray("(UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])");
    auto *task = new ImapFetchTask(client(), batch.uids, items);
    connect(task, &ImapFetchTask::fetched, this, &ImapSyncTask::onFetched);
    run(task, &ImapSyncTask::batchDone);
}

void ImapSyncTask::onFetched(const ImapFetchData &data)
{
    if (!data.body && !m_batchTooLarge) {
        return; // a flag update about a message of this batch, not the message itself
    }
    ImapFetchedMessage &message = m_batchMessages[*data.uid];
    message.mailbox = m_config.mailbox;
    message.uidValidity = m_uidValidity;
    message.uid = *data.uid;
    if (data.flags) {
        message.flags.clear();
        for (const QByteArray &flag : *data.flags) {
            message.flags.append(QString::fromUtf8(flag));
        }
    }
    if (data.internalDate.isValid()) {
        message.internalDate = data.internalDate;
    }
    if (data.size) {
        message.size = *data.size;
    }
    if (data.body) {
        message.raw = *data.body;
    }
    message.tooLarge = m_batchTooLarge;
}

void ImapSyncTask::batchDone()
{
    const QMap<quint32, ImapFetchedMessage> messages = std::exchange(m_batchMessages, {});
    const QPointer<ImapSyncTask> self(this);
    for (const ImapFetchedMessage &message : messages) {
        m_afterUid = std::max(m_afterUid, message.uid);
        Q_EMIT messageFetched(message);
        if (!self || !isRunning()) {
            return;
        }
    }
    fetchNextBatch();
}

} // namespace waybill::channels::email
