// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapTask.h"

#include <QByteArrayList>
#include <QString>

namespace waybill::channels::email {

/// APPEND <mailbox> (<flags>) {literal}: stores one whole message in a folder, e.g. the copy of a sent reply in
/// Sent. The message travels as a literal: non-synchronising (`{n+}`) when the server offers LITERAL+, else the
/// client waits for the server's `+`. When the server answers NO [TRYCREATE] (the folder does not exist) the task
/// sends CREATE and then APPEND once more; it never loops. Needs an authenticated client, no selected mailbox.
/// Ends with exactly one of finished()/failed(); after finished(), appendedUid() is the new message's UID when
/// the server reports it (UIDPLUS), else 0.
class ImapAppendTask final : public ImapTask {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapAppendTask)

public:
    ImapAppendTask(ImapClient &client, QString mailbox, QByteArray message,
        QByteArrayList flags = { QByteArray("\\Seen") }, QObject *parent = nullptr);
    ~ImapAppendTask() override = default;

    /// The folder was missing and this task created it.
    bool createdMailbox() const { return m_created; }
    quint32 appendedUidValidity() const { return m_uidValidity; }
    quint32 appendedUid() const { return m_uid; }

protected:
    void perform() override;
    void handleTagged(const ImapResponse &response) override;

private:
    enum class Step {
        Append,
        Create,
        AppendAfterCreate,
    };

    void sendAppend();

    QString m_mailbox;
    QByteArray m_message;
    QByteArrayList m_flags;
    Step m_step = Step::Append;
    bool m_created = false;
    quint32 m_uidValidity = 0;
    quint32 m_uid = 0;
};

} // namespace waybill::channels::email
