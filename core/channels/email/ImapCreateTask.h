// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapTask.h"

#include <QString>

namespace waybill::channels::email {

/// CREATE <mailbox>. Ends with finished() when the folder exists afterwards: created() tells whether this task
/// created it (false after NO [ALREADYEXISTS]); any other NO/BAD fails. Needs an authenticated client.
class ImapCreateTask final : public ImapTask {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapCreateTask)

public:
    ImapCreateTask(ImapClient &client, QString mailbox, QObject *parent = nullptr);
    ~ImapCreateTask() override = default;

    bool created() const { return m_created; }

protected:
    void perform() override;
    void handleTagged(const ImapResponse &response) override;

private:
    QString m_mailbox;
    bool m_created = false;
};

} // namespace waybill::channels::email
