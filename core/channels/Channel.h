// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChannelCapabilities.h"
#include "ChannelHealth.h"

#include <QString>

namespace waybill::channels {

/// The one interface of a channel's account on the engine's side (e-mail, SMS, …): what it can carry, sending the
/// account's replies from the outbox, and its health. Implementations are QObjects that live on the engine thread
/// and report what changed through their own signals; the engine owns them. Every method is called on that thread.
class Channel {
public:
    virtual ~Channel() = default;

    /// The account whose replies it sends ("email:…", "sms:+1…").
    virtual QString accountId() const = 0;
    virtual ChannelCapabilities capabilities() const = 0;
    /// Looks at the outbox now (an agent pressed Send); replies due later are sent when they are due.
    virtual void poke() = 0;
    /// Nothing is being sent and nothing is due.
    virtual bool isIdle() const = 0;
    /// Connected, or failing with the last problem (cleared by the next success).
    virtual ChannelHealth health() const = 0;

protected:
    Channel() = default;
    Channel(const Channel &) = default;
    Channel &operator=(const Channel &) = default;
};

} // namespace waybill::channels
