// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ViewListDelegate.h"

#include "ChannelIcons.h"
#include "models/ViewListModel.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace waybill::ui {

using models::ViewListModel;

namespace {
constexpr int RowHeight = 30;
constexpr int CaptionHeight = 26;
} // namespace

ViewListDelegate::ViewListDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QString ViewListDelegate::captionOf(const QModelIndex &index)
{
    if (index.row() == 0) {
        return tr("INBOX");
    }
    const QModelIndex previous = index.sibling(index.row() - 1, 0);
    if (index.data(ViewListModel::IsSupervisorRole).toBool()
        && !previous.data(ViewListModel::IsSupervisorRole).toBool()) {
        return tr("SUPERVISOR");
    }
    const bool channel = index.data(ViewListModel::IsChannelRole).toBool();
    const bool previousChannel = previous.data(ViewListModel::IsChannelRole).toBool();
    return channel && !previousChannel ? tr("CHANNELS") : QString();
}

QSize ViewListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(option)
    const int extra = captionOf(index).isEmpty() ? 0 : CaptionHeight;
    return { 120, RowHeight + extra };
}

void ViewListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QRect rect = option.rect;
    const QString caption = captionOf(index);
    QFont font = option.font;
    if (!caption.isEmpty()) {
        QFont captionFont = font;
        captionFont.setPointSizeF(font.pointSizeF() * 0.78);
        captionFont.setBold(true);
        captionFont.setLetterSpacing(QFont::PercentageSpacing, 108);
        painter->setFont(captionFont);
        painter->setPen(QColor(0x8a, 0x91, 0x9c));
        painter->drawText(
            rect.adjusted(14, 6, -8, 0).topLeft() + QPoint(0, QFontMetrics(captionFont).ascent() + 4), caption);
        rect.setTop(rect.top() + CaptionHeight);
    }

    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const QRect pill = rect.adjusted(6, 2, -6, -2);
    if (selected || hovered) {
        QPainterPath path;
        path.addRoundedRect(pill, 6, 6);
        painter->fillPath(path, selected ? QColor(0xdc, 0xe6, 0xfb) : QColor(0xe9, 0xeb, 0xef));
    }

    int x = pill.left() + 10;
    if (index.data(ViewListModel::IsChannelRole).toBool()) {
        const auto channel = domain::channelFromKey(index.data(ViewListModel::ChannelKeyRole).toString());
        if (channel) {
            ChannelIcons::icon(*channel).paint(painter, QRect(x, pill.center().y() - 8, 16, 16));
            x += 24;
        }
    }

    const qint64 count = index.data(ViewListModel::CountRole).toLongLong();
    const QString key = index.data(ViewListModel::ViewKeyRole).toString();
    const bool alarming = count > 0
        && (key == QLatin1String("at_risk") || key == QLatin1String("delivery_problems")
            || key == ViewListModel::lateShipmentsKey());
    int countWidth = 0;
    if (count >= 0) {
        QFont countFont = font;
        countFont.setPointSizeF(font.pointSizeF() * 0.86);
        countFont.setBold(alarming);
        const QFontMetrics countMetrics(countFont);
        const QString text = QLocale().toString(count);
        countWidth = countMetrics.horizontalAdvance(text) + 14;
        const QRect badge(pill.right() - 6 - countWidth, pill.center().y() - countMetrics.height() / 2 - 1, countWidth,
            countMetrics.height() + 2);
        QPainterPath path;
        path.addRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
        if (alarming) {
            painter->fillPath(path, QColor(0xfe, 0xe2, 0xe2));
        }
        painter->setFont(countFont);
        painter->setPen(alarming ? QColor(0xb9, 0x1c, 0x1c) : QColor(0x6b, 0x72, 0x80));
        painter->drawText(badge, Qt::AlignCenter, text);
    }

    QFont nameFont = font;
    nameFont.setWeight(selected ? QFont::DemiBold : QFont::Normal);
    painter->setFont(nameFont);
    painter->setPen(selected ? QColor(0x1e, 0x3a, 0x8a) : QColor(0x1f, 0x29, 0x37));
    const QRect nameRect(x, pill.top(), pill.right() - 10 - countWidth - x, pill.height());
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(nameFont).elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, nameRect.width()));
    painter->restore();
}

} // namespace waybill::ui
