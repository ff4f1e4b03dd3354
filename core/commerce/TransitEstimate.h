// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::commerce {

/// The transit time distribution of one group of past deliveries, as TransitTimeModel answers it. Days are
/// calendar days (weekends and holidays count like any other day). `samples` is 0 when nothing was learned.
struct TransitEstimate {
    /// How specific the group is that answered: the most specific one with enough deliveries wins.
    enum class Level {
        CarrierServiceRegion,
        CarrierService,
        Carrier,
        All,
        None,
    };

    Level level = Level::None;
    double p50Days = 0;
    double p90Days = 0;
    int samples = 0;

    bool isKnown() const { return samples > 0; }
};

} // namespace waybill::commerce
