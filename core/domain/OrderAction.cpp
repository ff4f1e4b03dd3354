// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderAction.h"

namespace waybill::domain {

QString OrderAction::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Cancel:
        return QStringLiteral("cancel");
    case Kind::Resend:
        return QStringLiteral("resend");
    case Kind::Refund:
        break;
    }
    return QStringLiteral("refund");
}

OrderAction::Kind OrderAction::kindFromName(const QString &name)
{
    if (name == QLatin1String("cancel")) {
        return Kind::Cancel;
    }
    if (name == QLatin1String("resend")) {
        return Kind::Resend;
    }
    return Kind::Refund;
}

QString OrderAction::stateName(State state)
{
    switch (state) {
    case State::Done:
        return QStringLiteral("done");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Pending:
        break;
    }
    return QStringLiteral("pending");
}

OrderAction::State OrderAction::stateFromName(const QString &name)
{
    if (name == QLatin1String("done")) {
        return State::Done;
    }
    if (name == QLatin1String("failed")) {
        return State::Failed;
    }
    return State::Pending;
}

} // namespace waybill::domain
