// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

class QPainter;

namespace waybill::ui {

/// Paints one conversation of models::ConversationListModel as a three-line row: channel icon, customer, order
/// number and age; subject and preview; then chips for tracking, return or claim and status, the marketplace and
/// SLA countdowns, and the assignee. Unread rows are bold with an accent bar. Painting only: reads the row
/// through ConversationListModel's roles and never edits.
class ConversationListDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationListDelegate)

public:
    /// `atRiskSeconds` is how close a deadline must be to be coloured as at risk (SlaPolicy::atRiskWithinSeconds).
    explicit ConversationListDelegate(qint64 atRiskSeconds, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    qint64 m_atRiskSeconds;
};

} // namespace waybill::ui
