// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace waybill::domain {

/// Where a conversation stands for the agents.
enum class ConversationStatus {
    Open,
    Waiting, ///< waiting on the customer
    Snoozed, ///< hidden until snoozed_until, then open again
    Closed,
};

inline constexpr ConversationStatus AllConversationStatuses[] = { ConversationStatus::Open, ConversationStatus::Waiting,
    ConversationStatus::Snoozed, ConversationStatus::Closed };

QString statusKey(ConversationStatus status);
std::optional<ConversationStatus> statusFromKey(const QString &key);
QString statusDisplayName(ConversationStatus status);

} // namespace waybill::domain
