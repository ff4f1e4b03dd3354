// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QModelIndex;
class QTableView;

namespace waybill::models {
class LateShipmentListModel;
}

namespace waybill::ui {

/// The supervisors' late-shipments screen: a title with the number at risk, the table of
/// models::LateShipmentListModel (most urgent first), a line saying how many more there are beyond the rows shown,
/// and an empty-state text when no shipment is at risk. A click on the carrier cell asks for its tracking page;
/// activating a row (double click, Enter) asks for the shipment's conversation. It only shows and forwards: the
/// window decides what opening means. The model must outlive it.
class LateShipmentsWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LateShipmentsWidget)

public:
    explicit LateShipmentsWidget(models::LateShipmentListModel *model, QWidget *parent = nullptr);

    QTableView *tableView() const { return m_table; }
    /// Shows that a load is running (the rows shown stay until it ends) or failed.
    void setLoading(bool loading);
    void setError(const QString &message);

Q_SIGNALS:
    /// The carrier's tracking page of a row was asked for.
    void trackingPageRequested(const QString &url);
    /// A row was activated: open its conversation (row of the model).
    void shipmentActivated(int row);

private:
    void updateTexts();
    void onClicked(const QModelIndex &index);

    models::LateShipmentListModel *m_model;
    QLabel *m_title;
    QLabel *m_status;
    QLabel *m_empty;
    QTableView *m_table;
    bool m_loading = false;
    QString m_error;
};

} // namespace waybill::ui
