// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapFetchData.h"
#include "ImapFetchedMessage.h"
#include "ImapSyncConfig.h"
#include "ImapTask.h"
#include "channels/TaskPtr.h"

#include <QHash>
#include <QList>
#include <QMap>

namespace waybill::channels::email {

/// One pass over a folder: SELECT/EXAMINE it (unless already selected), compare UIDVALIDITY with the known one,
/// UID SEARCH for everything after `afterUid`, UID FETCH the sizes, then UID FETCH the messages in batches of at
/// most ImapSyncConfig::batchMessages and batchBytes, ascending. A message of batchBytes or more is fetched alone,
/// so one huge message never holds back the others; one over maxMessageBytes is reported without its bytes
/// (tooLarge).
///
/// Signals while running: `uidValidityChanged()` (then every message of the folder is fetched again under the
/// new value; the caller drops its old UIDs and dedupes by Message-ID), and `messageFetched()` for each message
/// of a batch once the whole batch has arrived, in UID order. Ends with exactly one of finished()/failed(); a
/// failure mid-way keeps everything emitted before it, so the next pass resumes after lastUid().
class ImapSyncTask final : public ImapTask {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapSyncTask)

public:
    ImapSyncTask(ImapClient &client, ImapSyncConfig config, bool select, quint32 afterUid, QObject *parent = nullptr);
    ~ImapSyncTask() override;

    quint32 uidValidity() const { return m_uidValidity; }
    /// The highest UID emitted by this pass, or the starting point.
    quint32 lastUid() const { return m_afterUid; }

Q_SIGNALS:
    void uidValidityChanged(quint32 oldValue, quint32 newValue);
    void messageFetched(const waybill::channels::email::ImapFetchedMessage &message);

protected:
    void perform() override;
    void handleAbort() override;

private:
    struct Batch {
        QList<quint32> uids;
        bool tooLarge = false;
    };

    void run(ImapTask *task, void (ImapSyncTask::*next)());
    void selected();
    void search();
    void searched();
    void fetchSizes();
    void planBatches();
    void fetchNextBatch();
    void batchDone();
    void onFetched(const ImapFetchData &data);

    ImapSyncConfig m_config;
    bool m_select;
    quint32 m_uidValidity;
    quint32 m_afterUid;
    TaskPtr<ImapTask> m_current;
    QList<quint32> m_uids;
    qsizetype m_sizesDone = 0;
    QHash<quint32, qint64> m_sizes;
    QList<Batch> m_batches;
    bool m_batchTooLarge = false;
    QMap<quint32, ImapFetchedMessage> m_batchMessages;
};

} // namespace waybill::channels::email
