// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace waybill::domain {

/// The channel a conversation arrived on and is answered through.
enum class Channel {
    Email,
    Sms,
    Chat,
    Amazon,
    Ebay,
};

/// Every channel, in the order the inbox lists them.
inline constexpr Channel AllChannels[]
    = { Channel::Email, Channel::Sms, Channel::Chat, Channel::Amazon, Channel::Ebay };

/// The stable name stored in the database ("email", "sms", ...).
QString channelKey(Channel channel);
/// Parses a stored name; std::nullopt for anything unknown.
std::optional<Channel> channelFromKey(const QString &key);
/// A name for people ("Email", "SMS", "Live chat", "Amazon", "eBay").
QString channelDisplayName(Channel channel);

} // namespace waybill::domain
