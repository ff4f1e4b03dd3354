// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace waybill::ctl {

/// `waybillctl rules list|dry-run|run|enable ID|disable ID`: the proactive rules of a workspace. `dry-run` shows
/// what would fire now and for whom without writing anything; `run` applies it (engine::RulesPass), which the
/// engine otherwise does by itself periodically and after tracking updates.
class RulesCommand final : public CtlCommand {
public:
    QString name() const override;
    QString summary() const override;
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace waybill::ctl
