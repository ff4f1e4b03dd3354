// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace waybill::ctl {

/// `waybillctl agent list` prints the agents with their roles; `waybillctl agent role EMAIL ROLE` gives an agent the
/// role agent, supervisor or admin (supervisors and admins may refund, cancel and resend orders).
class AgentCommand final : public CtlCommand {
public:
    QString name() const override;
    QString summary() const override;
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace waybill::ctl
