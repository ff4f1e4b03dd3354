// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <memory>

namespace waybill::channels::email {

/// Deletes a task with deleteLater(), so that an owner may replace a task from inside that task's own signal.
struct ImapTaskDeleter final {
    void operator()(QObject *object) const
    {
        if (object) {
            object->disconnect();
            object->deleteLater();
        }
    }
};

template <typename Task> using ImapTaskPtr = std::unique_ptr<Task, ImapTaskDeleter>;

} // namespace waybill::channels::email
