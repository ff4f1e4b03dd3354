// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace waybill::ctl {

/// `waybillctl tracking apply FILE|-`: reads a tracking payload as a provider sends it (an EasyPost, AfterShip or
/// Shippo webhook or API answer, or FedEx, USPS or Canada Post tracking XML), applies each parcel in it to the
/// shipments with that tracking number and says what changed. A payload that cannot be read is a one-line error
/// and exit 1; nothing is stored from it.
class TrackingCommand final : public CtlCommand {
public:
    QString name() const override;
    QString summary() const override;
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace waybill::ctl
