// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapTask.h"

#include <QByteArrayList>

namespace waybill::channels::email {

/// SELECT (or EXAMINE when read-only) one mailbox and collect UIDVALIDITY, UIDNEXT, EXISTS and FLAGS. A missing
/// UIDVALIDITY fails the task (Protocol): without it no UID can be trusted. Ends with finished()/failed().
class ImapSelectTask final : public ImapTask {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapSelectTask)

public:
    ImapSelectTask(ImapClient &client, QString mailbox, bool readOnly, QObject *parent = nullptr);
    ~ImapSelectTask() override = default;

    quint32 uidValidity() const { return m_uidValidity; }
    quint32 uidNext() const { return m_uidNext; }
    quint32 exists() const { return m_exists; }
    QByteArrayList flags() const { return m_flags; }
    bool isReadOnly() const { return m_readOnly; }

protected:
    void perform() override;
    void handleUntagged(const ImapResponse &response) override;
    void handleTagged(const ImapResponse &response) override;

private:
    QString m_mailbox;
    bool m_readOnly;
    quint32 m_uidValidity = 0;
    quint32 m_uidNext = 0;
    quint32 m_exists = 0;
    QByteArrayList m_flags;
};

} // namespace waybill::channels::email
