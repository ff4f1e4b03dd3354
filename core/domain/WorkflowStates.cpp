// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorkflowStates.h"

#include <QCoreApplication>

namespace waybill::domain {

namespace {

struct StateName {
    const char *key;
    const char *name;
};

constexpr StateName ReturnStates[] = {
    { "requested", QT_TRANSLATE_NOOP("ReturnState", "Return requested") },
    { "approved", QT_TRANSLATE_NOOP("ReturnState", "Return approved") },
    { "rejected", QT_TRANSLATE_NOOP("ReturnState", "Return rejected") },
    { "label_sent", QT_TRANSLATE_NOOP("ReturnState", "Return label sent") },
    { "in_transit", QT_TRANSLATE_NOOP("ReturnState", "Return in transit") },
    { "received", QT_TRANSLATE_NOOP("ReturnState", "Return received") },
    { "inspected", QT_TRANSLATE_NOOP("ReturnState", "Return inspected") },
    { "refunded", QT_TRANSLATE_NOOP("ReturnState", "Refunded") },
    { "exchanged", QT_TRANSLATE_NOOP("ReturnState", "Exchanged") },
    { "store_credit", QT_TRANSLATE_NOOP("ReturnState", "Store credit issued") },
    { "closed", QT_TRANSLATE_NOOP("ReturnState", "Return closed") },
};

constexpr StateName ClaimStates[] = {
    { "opened", QT_TRANSLATE_NOOP("ClaimState", "Claim opened") },
    { "evidence", QT_TRANSLATE_NOOP("ClaimState", "Gathering evidence") },
    { "filed", QT_TRANSLATE_NOOP("ClaimState", "Filed with carrier") },
    { "approved", QT_TRANSLATE_NOOP("ClaimState", "Claim approved") },
    { "denied", QT_TRANSLATE_NOOP("ClaimState", "Claim denied") },
    { "paid", QT_TRANSLATE_NOOP("ClaimState", "Claim paid") },
    { "closed", QT_TRANSLATE_NOOP("ClaimState", "Claim closed") },
};

template <typename Table> QStringList keysOf(const Table &table)
{
    QStringList keys;
    for (const StateName &state : table) {
        keys << QString::fromLatin1(state.key);
    }
    return keys;
}

template <typename Table> QString nameOf(const Table &table, const char *context, const QString &key)
{
    for (const StateName &state : table) {
        if (key == QLatin1String(state.key)) {
            return QCoreApplication::translate(context, state.name);
        }
    }
    return key;
}

} // namespace

QStringList ReturnState::keys()
{
    return keysOf(ReturnStates);
}

QString ReturnState::displayName(const QString &key)
{
    return nameOf(ReturnStates, "ReturnState", key);
}

bool ReturnState::isActive(const QString &key)
{
    return !key.isEmpty() && key != QLatin1String("rejected") && key != QLatin1String("closed");
}

QStringList ClaimState::keys()
{
    return keysOf(ClaimStates);
}

QString ClaimState::displayName(const QString &key)
{
    return nameOf(ClaimStates, "ClaimState", key);
}

bool ClaimState::isActive(const QString &key)
{
    return !key.isEmpty() && key != QLatin1String("denied") && key != QLatin1String("paid")
        && key != QLatin1String("closed");
}

} // namespace waybill::domain
