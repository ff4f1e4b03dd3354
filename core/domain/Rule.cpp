// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Rule.h"

#include <QCoreApplication>

namespace waybill::domain {

QString ruleTriggerKey(RuleTrigger trigger)
{
    switch (trigger) {
    case RuleTrigger::StatusChanged:
        return QStringLiteral("status_changed");
    case RuleTrigger::Late:
        return QStringLiteral("late");
    case RuleTrigger::Delivered:
        return QStringLiteral("delivered");
    case RuleTrigger::ReturnStep:
        return QStringLiteral("return_step");
    case RuleTrigger::ClaimStep:
        return QStringLiteral("claim_step");
    case RuleTrigger::NoReply:
        return QStringLiteral("no_reply");
    }
    return {};
}

std::optional<RuleTrigger> ruleTriggerFromKey(const QString &key)
{
    for (const RuleTrigger trigger : AllRuleTriggers) {
        if (ruleTriggerKey(trigger) == key) {
            return trigger;
        }
    }
    return std::nullopt;
}

QString ruleTriggerDisplayName(RuleTrigger trigger)
{
    switch (trigger) {
    case RuleTrigger::StatusChanged:
        return QCoreApplication::translate("Rule", "Shipment status changed");
    case RuleTrigger::Late:
        return QCoreApplication::translate("Rule", "Shipment became late");
    case RuleTrigger::Delivered:
        return QCoreApplication::translate("Rule", "Delivered some days ago");
    case RuleTrigger::ReturnStep:
        return QCoreApplication::translate("Rule", "Return reached a step");
    case RuleTrigger::ClaimStep:
        return QCoreApplication::translate("Rule", "Claim reached a step");
    case RuleTrigger::NoReply:
        return QCoreApplication::translate("Rule", "No reply for some hours");
    }
    return {};
}

bool Rule::isQuietAt(int minuteOfDay) const
{
    if (!hasQuietHours()) {
        return false;
    }
    if (quietStart < quietEnd) {
        return minuteOfDay >= quietStart && minuteOfDay < quietEnd;
    }
    return minuteOfDay >= quietStart || minuteOfDay < quietEnd; // across midnight
}

} // namespace waybill::domain
