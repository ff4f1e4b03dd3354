// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace waybill::ui {

/// Paints the sidebar rows of models::ViewListModel: a caption above the queues, the channels and the supervisor
/// rows, the view's name (with the channel icon for channel views) and its count in a pill — red for "Deadline at
/// risk", "Delivery problems" and "Late shipments" when not zero. Painting only.
class ViewListDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ViewListDelegate)

public:
    explicit ViewListDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    static QString captionOf(const QModelIndex &index);
};

} // namespace waybill::ui
