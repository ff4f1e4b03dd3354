// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace waybill::ctl {

/// `waybillctl amazon actions ORDER` lists the message types Amazon's Messaging API allows for an order now;
/// `waybillctl amazon message ORDER --type TYPE --text TEXT` sends one: the text first passes
/// AmazonMessagePolicy (a link off Amazon refuses it; other findings are printed as warnings), then Amazon is asked
/// which types the order allows and the message goes only when TYPE is among them. Uses the Amazon account of the
/// workspace (or --account) with its LWA secrets from the keychain.
class AmazonCommand final : public CtlCommand {
public:
    QString name() const override;
    QString summary() const override;
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace waybill::ctl
