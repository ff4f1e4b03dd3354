// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Channel.h"

#include <QCoreApplication>

namespace waybill::domain {

QString channelKey(Channel channel)
{
    switch (channel) {
    case Channel::Email:
        return QStringLiteral("email");
    case Channel::Sms:
        return QStringLiteral("sms");
    case Channel::Chat:
        return QStringLiteral("chat");
    case Channel::Amazon:
        return QStringLiteral("amazon");
    case Channel::Ebay:
        return QStringLiteral("ebay");
    }
    return {};
}

std::optional<Channel> channelFromKey(const QString &key)
{
    for (const Channel channel : AllChannels) {
        if (channelKey(channel) == key) {
            return channel;
        }
    }
    return std::nullopt;
}

QString channelDisplayName(Channel channel)
{
    switch (channel) {
    case Channel::Email:
        return QCoreApplication::translate("Channel", "Email");
    case Channel::Sms:
        return QCoreApplication::translate("Channel", "SMS");
    case Channel::Chat:
        return QCoreApplication::translate("Channel", "Live chat");
    case Channel::Amazon:
        return QCoreApplication::translate("Channel", "Amazon");
    case Channel::Ebay:
        return QCoreApplication::translate("Channel", "eBay");
    }
    return {};
}

} // namespace waybill::domain
