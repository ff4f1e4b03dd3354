// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapTask.h"

namespace waybill::channels::email {

/// LOGIN user password (as literals when quoting cannot carry them). A NO fails with Kind::Authentication (or
/// Temporary for [UNAVAILABLE]). Ends with finished()/failed().
class ImapLoginTask final : public ImapTask {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapLoginTask)

public:
    ImapLoginTask(ImapClient &client, QString username, QString password, QObject *parent = nullptr);
    ~ImapLoginTask() override = default;

protected:
    void perform() override;
    void handleTagged(const ImapResponse &response) override;

private:
    QString m_username;
    QString m_password;
};

} // namespace waybill::channels::email
