// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace waybill::ctl {

/// `waybillctl import orders --csv FILE --preset shopify|amazon|ebay [--map field=Column …] [--source NAME]`:
/// imports an order export with a progress bar on a terminal, prints a summary line and the rows it left out
/// ("line N: reason", the first 20, then how many more). Reached through ImportCommand, which declares the options.
class OrderImportCommand final : public CtlCommand {
public:
    static constexpr int ListedProblems = 20;

    QString name() const override;
    QString summary() const override;
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace waybill::ctl
