// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace waybill::ctl {

/// Parses `waybillctl [--workspace DIR] COMMAND [options]`, runs the command, and turns every storage failure
/// into a one-line message and a non-zero exit code.
class CtlRunner final {
public:
    CtlRunner();
    ~CtlRunner();

    int run(const QStringList &arguments);

private:
    QString usage() const;

    std::vector<std::unique_ptr<CtlCommand>> m_commands;
};

} // namespace waybill::ctl
