// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "InboxView.h"

#include <QCoreApplication>

namespace waybill::domain {

namespace {

struct KindName {
    InboxView::Kind kind;
    const char *key;
    const char *name;
};

constexpr KindName Kinds[] = {
    { InboxView::Kind::Mine, "mine", QT_TRANSLATE_NOOP("InboxView", "Mine") },
    { InboxView::Kind::Unassigned, "unassigned", QT_TRANSLATE_NOOP("InboxView", "Unassigned") },
    { InboxView::Kind::AllOpen, "open", QT_TRANSLATE_NOOP("InboxView", "All open") },
    { InboxView::Kind::Waiting, "waiting", QT_TRANSLATE_NOOP("InboxView", "Waiting on customer") },
    { InboxView::Kind::Snoozed, "snoozed", QT_TRANSLATE_NOOP("InboxView", "Snoozed") },
    { InboxView::Kind::Closed, "closed", QT_TRANSLATE_NOOP("InboxView", "Closed") },
    { InboxView::Kind::DeadlineAtRisk, "at_risk", QT_TRANSLATE_NOOP("InboxView", "Deadline at risk") },
    { InboxView::Kind::DeliveryProblems, "delivery_problems", QT_TRANSLATE_NOOP("InboxView", "Delivery problems") },
    { InboxView::Kind::Returns, "returns", QT_TRANSLATE_NOOP("InboxView", "Returns in progress") },
    { InboxView::Kind::Claims, "claims", QT_TRANSLATE_NOOP("InboxView", "Claims open") },
};

} // namespace

QList<InboxView> InboxView::all()
{
    QList<InboxView> views;
    for (const KindName &entry : Kinds) {
        views.append({ entry.kind, Channel::Email });
    }
    for (const Channel channel : AllChannels) {
        views.append(ofChannel(channel));
    }
    return views;
}

QString InboxView::key() const
{
    if (kind == Kind::ChannelInbox) {
        return QStringLiteral("channel:") + channelKey(channel);
    }
    for (const KindName &entry : Kinds) {
        if (entry.kind == kind) {
            return QString::fromLatin1(entry.key);
        }
    }
    return {};
}

std::optional<InboxView> InboxView::fromKey(const QString &key)
{
    if (key.startsWith(QLatin1String("channel:"))) {
        if (const auto channel = channelFromKey(key.mid(8))) {
            return ofChannel(*channel);
        }
        return std::nullopt;
    }
    for (const KindName &entry : Kinds) {
        if (key == QLatin1String(entry.key)) {
            return InboxView { entry.kind, Channel::Email };
        }
    }
    return std::nullopt;
}

QString InboxView::displayName() const
{
    if (kind == Kind::ChannelInbox) {
        return channelDisplayName(channel);
    }
    for (const KindName &entry : Kinds) {
        if (entry.kind == kind) {
            return QCoreApplication::translate("InboxView", entry.name);
        }
    }
    return {};
}

} // namespace waybill::domain
