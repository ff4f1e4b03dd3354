// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationListDelegate.h"

#include "ChannelIcons.h"
#include "StatusPalette.h"
#include "domain/ConversationSummary.h"
#include "engine/SlaClock.h"
#include "models/ConversationListModel.h"

#include <QPainter>
#include <QPainterPath>

namespace waybill::ui {

using models::ConversationListModel;

namespace {

constexpr int HorizontalPadding = 10;
constexpr int VerticalPadding = 7;
constexpr int LineGap = 3;
constexpr int IconSize = 20;
constexpr int ChipGap = 5;

QFont smallFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.86);
    return font;
}

int chipHeight(const QFont &base)
{
    return QFontMetrics(smallFont(base)).height() + 4;
}

/// Draws a rounded chip starting at x; returns the x after it (with the gap), or x when it does not fit.
int drawChip(QPainter *painter, const QFont &base, int x, int y, int maxRight, const QString &text,
    const StatusPalette::Colors &colors)
{
    if (text.isEmpty()) {
        return x;
    }
    const QFont font = smallFont(base);
    const QFontMetrics metrics(font);
    const int width = metrics.horizontalAdvance(text) + 12;
    if (x + width > maxRight) {
        return x;
    }
    const QRectF chip(x, y, width, chipHeight(base));
    QPainterPath path;
    path.addRoundedRect(chip, 4, 4);
    painter->fillPath(path, colors.background);
    painter->setFont(font);
    painter->setPen(colors.foreground);
    painter->drawText(chip, Qt::AlignCenter, text);
    return x + width + ChipGap;
}

} // namespace

ConversationListDelegate::ConversationListDelegate(qint64 atRiskSeconds, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_atRiskSeconds(atRiskSeconds)
{
}

QSize ConversationListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    const QFontMetrics metrics(option.font);
    const int height = VerticalPadding * 2 + metrics.height() * 2 + LineGap * 2 + chipHeight(option.font) + 2;
    // The width follows the viewport; a small hint keeps the list from scrolling sideways.
    return { 120, height };
}

void ConversationListDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto row = index.data(ConversationListModel::SummaryRole).value<domain::ConversationSummary>();
    const QRect rect = option.rect;
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->fillRect(rect, selected ? palette.color(QPalette::Highlight) : palette.color(QPalette::Base));
    painter->setPen(QColor(0xe6, 0xe8, 0xec));
    painter->drawLine(rect.bottomLeft(), rect.bottomRight());
    if (row.unread) {
        painter->fillRect(QRect(rect.left(), rect.top(), 3, rect.height() - 1), QColor(0x25, 0x63, 0xeb));
    }

    const QColor primary = selected ? palette.color(QPalette::HighlightedText) : QColor(0x11, 0x18, 0x27);
    const QColor secondary(0x6b, 0x72, 0x80);
    QFont font = option.font;
    const QFontMetrics metrics(font);
    const int lineHeight = metrics.height();
    const int left = rect.left() + HorizontalPadding;
    const int right = rect.right() - HorizontalPadding;
    const int textLeft = left + IconSize + 9;
    int y = rect.top() + VerticalPadding;

    // Line 1: icon, customer, order number ... age.
    ChannelIcons::icon(row.channel)
        .paint(painter, QRect(left, y + (lineHeight - IconSize) / 2 + 1, IconSize, IconSize));
    const QFont small = smallFont(font);
    const QFontMetrics smallMetrics(small);
    const QString age = index.sibling(index.row(), ConversationListModel::AgeColumn).data().toString();
    const int ageWidth = smallMetrics.horizontalAdvance(age);
    painter->setFont(small);
    painter->setPen(row.unread ? QColor(0x25, 0x63, 0xeb) : secondary);
    painter->drawText(QRect(right - ageWidth, y, ageWidth, lineHeight), Qt::AlignRight | Qt::AlignVCenter, age);

    QFont nameFont = font;
    nameFont.setBold(row.unread);
    nameFont.setWeight(row.unread ? QFont::Bold : QFont::DemiBold);
    const QFontMetrics nameMetrics(nameFont);
    const int nameRoom = right - ageWidth - 12 - textLeft;
    const QString name = nameMetrics.elidedText(row.customerName, Qt::ElideRight, nameRoom * 2 / 3);
    painter->setFont(nameFont);
    painter->setPen(primary);
    painter->drawText(QRect(textLeft, y, nameRoom, lineHeight), Qt::AlignLeft | Qt::AlignVCenter, name);
    const int afterName = textLeft + nameMetrics.horizontalAdvance(name) + 8;
    if (!row.orderNumber.isEmpty() && afterName < right - ageWidth - 20) {
        painter->setFont(small);
        painter->setPen(secondary);
        const int room = right - ageWidth - 12 - afterName;
        painter->drawText(QRect(afterName, y, room, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
            smallMetrics.elidedText(row.orderNumber, Qt::ElideRight, room));
    }

    // Line 2: subject — preview.
    y += lineHeight + LineGap;
    QFont subjectFont = font;
    subjectFont.setBold(row.unread);
    const QFontMetrics subjectMetrics(subjectFont);
    const int room = right - textLeft;
    const QString subject = subjectMetrics.elidedText(row.subject, Qt::ElideRight, room);
    painter->setFont(subjectFont);
    painter->setPen(primary);
    painter->drawText(QRect(textLeft, y, room, lineHeight), Qt::AlignLeft | Qt::AlignVCenter, subject);
    const int subjectWidth = subject.isEmpty() ? 0 : subjectMetrics.horizontalAdvance(subject) + 6;
    if (subjectWidth < room - 40 && !row.preview.isEmpty()) {
        QString preview = row.preview.simplified();
        if (!subject.isEmpty()) {
            preview = QStringLiteral("— ") + preview;
        }
        painter->setFont(font);
        painter->setPen(secondary);
        painter->drawText(QRect(textLeft + subjectWidth, y, room - subjectWidth, lineHeight),
            Qt::AlignLeft | Qt::AlignVCenter, metrics.elidedText(preview, Qt::ElideRight, room - subjectWidth));
    }

    // Line 3: chips ... assignee.
    y += lineHeight + LineGap;
    const QString assignee = row.assigneeName.isEmpty() ? tr("Unassigned") : row.assigneeName;
    QFont assigneeFont = small;
    assigneeFont.setItalic(row.assigneeName.isEmpty());
    const QFontMetrics assigneeMetrics(assigneeFont);
    const int assigneeWidth = std::min(assigneeMetrics.horizontalAdvance(assignee) + 4, 140);
    painter->setFont(assigneeFont);
    painter->setPen(secondary);
    painter->drawText(QRect(right - assigneeWidth, y, assigneeWidth, chipHeight(font)),
        Qt::AlignRight | Qt::AlignVCenter, assigneeMetrics.elidedText(assignee, Qt::ElideRight, assigneeWidth));
    const int chipRight = right - assigneeWidth - 8;

    int x = textLeft;
    if (row.status != domain::ConversationStatus::Open) {
        x = drawChip(painter, font, x, y, chipRight, domain::statusDisplayName(row.status), StatusPalette::neutral());
    }
    const QVariant market = index.data(ConversationListModel::MarketRemainingRole);
    if (!market.isNull()) {
        const qint64 remaining = market.toLongLong();
        x = drawChip(painter, font, x, y, chipRight,
            domain::channelDisplayName(row.channel) + QLatin1Char(' ') + engine::SlaClock::formatRemaining(remaining),
            StatusPalette::deadline(remaining, m_atRiskSeconds));
    }
    const QVariant sla = index.data(ConversationListModel::SlaRemainingRole);
    if (!sla.isNull()) {
        const qint64 remaining = sla.toLongLong();
        x = drawChip(painter, font, x, y, chipRight, tr("SLA %1").arg(engine::SlaClock::formatRemaining(remaining)),
            StatusPalette::deadline(remaining, m_atRiskSeconds));
    }
    const QString tracking = ConversationListModel::trackingLabel(row);
    if (!tracking.isEmpty()) {
        x = drawChip(
            painter, font, x, y, chipRight, tracking, StatusPalette::tracking(row.trackingStatus, row.deliveryProblem));
    }
    const QString workflow = ConversationListModel::workflowLabel(row);
    if (!workflow.isEmpty()) {
        const bool claim = workflow.startsWith(tr("Claim"));
        drawChip(painter, font, x, y, chipRight, workflow,
            claim ? StatusPalette::claimState(row.claimState) : StatusPalette::returnState(row.returnState));
    }

    if (option.state & QStyle::State_HasFocus && selected) {
        painter->setPen(QColor(0x93, 0xb4, 0xf5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(rect.adjusted(0, 0, -1, -1));
    }
    painter->restore();
}

} // namespace waybill::ui
