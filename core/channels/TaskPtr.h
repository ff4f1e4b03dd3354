// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <memory>

namespace waybill::channels {

/// Deletes a task (or a client) with deleteLater(), so that an owner may replace a task from inside that task's own
/// signal. Shared by the IMAP and SMTP clients.
struct TaskDeleter final {
    void operator()(QObject *object) const
    {
        if (object) {
            object->disconnect();
            object->deleteLater();
        }
    }
};

template <typename Task> using TaskPtr = std::unique_ptr<Task, TaskDeleter>;

} // namespace waybill::channels
