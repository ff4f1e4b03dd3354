// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace waybill::testing {

/// What one run of the waybillctl binary left: its exit code and what it printed.
struct CtlRun {
    int exitCode = -1;
    QString out;
    QString err;

    /// Runs `program` (the waybillctl binary) with `arguments` as a user would, and waits up to two minutes.
    static CtlRun of(const QString &program, const QStringList &arguments,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
};

} // namespace waybill::testing
