// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LateShipmentsWidget.h"

#include "models/LateShipmentListModel.h"

#include <QBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>

namespace waybill::ui {

using models::LateShipmentListModel;

LateShipmentsWidget::LateShipmentsWidget(LateShipmentListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("lateShipments"));
    m_title->setObjectName(QStringLiteral("lateShipmentsTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_status->setObjectName(QStringLiteral("lateShipmentsStatus"));
    m_status->setStyleSheet(QStringLiteral("color:#6b7280;"));
    m_status->setWordWrap(true);
    m_empty->setObjectName(QStringLiteral("lateShipmentsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color:#6b7280; padding:40px;"));

    m_table->setObjectName(QStringLiteral("lateShipmentsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setMouseTracking(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto width = [&metrics](const QString &sample) { return metrics.horizontalAdvance(sample) + 24; };
    header->resizeSection(LateShipmentListModel::Risk, width(tr("Risk") + QStringLiteral("00")));
    header->resizeSection(LateShipmentListModel::Order, width(QStringLiteral("000-0000000-0000000")));
    header->resizeSection(LateShipmentListModel::Customer, width(QStringLiteral("Margaret Montgomery")));
    header->resizeSection(LateShipmentListModel::Carrier, width(QStringLiteral("Canada Post 1Z999AA10123456784")));
    header->setSectionResizeMode(LateShipmentListModel::LastEvent, QHeaderView::Stretch);
    header->resizeSection(LateShipmentListModel::Expected, width(QStringLiteral("12/31/2026")));
    header->resizeSection(LateShipmentListModel::DaysLate, width(tr("Days late")));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 8);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty, 1);

    connect(m_table, &QAbstractItemView::activated, this,
        [this](const QModelIndex &index) { Q_EMIT shipmentActivated(index.row()); });
    connect(m_table, &QAbstractItemView::clicked, this, &LateShipmentsWidget::onClicked);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LateShipmentsWidget::updateTexts);
    updateTexts();
}

void LateShipmentsWidget::setLoading(bool loading)
{
    m_loading = loading;
    if (loading) {
        m_error.clear();
    }
    updateTexts();
}

void LateShipmentsWidget::setError(const QString &message)
{
    m_loading = false;
    m_error = message;
    updateTexts();
}

void LateShipmentsWidget::onClicked(const QModelIndex &index)
{
    if (index.column() != LateShipmentListModel::Carrier) {
        return;
    }
    const QString url = index.data(LateShipmentListModel::TrackingUrlRole).toString();
    if (!url.isEmpty()) {
        Q_EMIT trackingPageRequested(url);
    }
}

void LateShipmentsWidget::updateTexts()
{
    const qint64 total = m_model->total();
    const int shown = m_model->rowCount();
    m_title->setText(total < 0 ? tr("Late shipments") : tr("Late shipments  ·  %1").arg(QLocale().toString(total)));
    QString status;
    if (!m_error.isEmpty()) {
        status = tr("Could not read the late shipments: %1").arg(m_error);
    } else if (total < 0) {
        status = tr("Reading the shipments…");
    } else if (total > shown) {
        status = tr("Most urgent first. Showing the first %1; %2 more are at risk.")
                     .arg(QLocale().toString(shown), QLocale().toString(total - shown));
    } else if (shown > 0) {
        status = tr("Most urgent first. Double-click a shipment to open its conversation; click a tracking number "
                    "for the carrier's page.");
    }
    if (m_loading && total >= 0) {
        status += tr(" Updating…");
    }
    m_status->setText(status.trimmed());
    m_status->setVisible(!status.isEmpty());
    const bool empty = total == 0 && m_error.isEmpty();
    m_empty->setText(tr("No shipment is late, stale or in a carrier exception. Shipments appear here once they pass "
                        "their expected delivery date without arriving."));
    m_empty->setVisible(empty);
    m_table->setVisible(!empty);
}

} // namespace waybill::ui
