// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationStatus.h"

#include <QCoreApplication>

namespace waybill::domain {

QString statusKey(ConversationStatus status)
{
    switch (status) {
    case ConversationStatus::Open:
        return QStringLiteral("open");
    case ConversationStatus::Waiting:
        return QStringLiteral("waiting");
    case ConversationStatus::Snoozed:
        return QStringLiteral("snoozed");
    case ConversationStatus::Closed:
        return QStringLiteral("closed");
    }
    return {};
}

std::optional<ConversationStatus> statusFromKey(const QString &key)
{
    for (const ConversationStatus status : AllConversationStatuses) {
        if (statusKey(status) == key) {
            return status;
        }
    }
    return std::nullopt;
}

QString statusDisplayName(ConversationStatus status)
{
    switch (status) {
    case ConversationStatus::Open:
        return QCoreApplication::translate("ConversationStatus", "Open");
    case ConversationStatus::Waiting:
        return QCoreApplication::translate("ConversationStatus", "Waiting on customer");
    case ConversationStatus::Snoozed:
        return QCoreApplication::translate("ConversationStatus", "Snoozed");
    case ConversationStatus::Closed:
        return QCoreApplication::translate("ConversationStatus", "Closed");
    }
    return {};
}

} // namespace waybill::domain
