// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChannelIcons.h"

#include <QHash>

namespace waybill::ui {

QIcon ChannelIcons::icon(domain::Channel channel)
{
    static QHash<int, QIcon> cache;
    const int key = static_cast<int>(channel);
    auto found = cache.constFind(key);
    if (found == cache.constEnd()) {
        found = cache.insert(
            key, QIcon(QStringLiteral(":/icons/channels/") + domain::channelKey(channel) + QStringLiteral(".svg")));
    }
    return *found;
}

QColor ChannelIcons::color(domain::Channel channel)
{
    switch (channel) {
    case domain::Channel::Email:
        return QColor(0x25, 0x63, 0xeb);
    case domain::Channel::Sms:
        return QColor(0x16, 0xa3, 0x4a);
    case domain::Channel::Chat:
        return QColor(0x7c, 0x3a, 0xed);
    case domain::Channel::Amazon:
        return QColor(0xff, 0x99, 0x00);
    case domain::Channel::Ebay:
        return QColor(0xe5, 0x32, 0x38);
    }
    return Qt::gray;
}

} // namespace waybill::ui
