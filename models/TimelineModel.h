// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TimelineEntry.h"
#include "domain/ConversationDetail.h"

#include <QAbstractListModel>
#include <QList>

namespace waybill::models {

/// A conversation's messages and notes interleaved in time with its order's events: the order placed, each
/// shipment shipped and each tracking scan, every return and claim step, and the audit log (assignments, status
/// changes, tags, order links). Oldest first; items at the same second keep the order placed → shipment →
/// return → claim → message → audit. Built in memory from a ConversationDetail (no database access).
class TimelineModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineModel)

public:
    enum Role {
        KindRole = Qt::UserRole + 1, ///< int: TimelineEntry::Kind
        TimestampRole, ///< qint64 epoch seconds (also the SortRole)
        TitleRole, ///< QString
        AuthorRole, ///< QString
        BodyTextRole, ///< QString
        BodyHtmlRole, ///< QString, unsanitised
        DeliveryRole, ///< int: domain::Message::Delivery
        ErrorRole, ///< QString
        AttachmentsRole, ///< QStringList: "invoice.pdf (120 KB)"
        MessageIdRole, ///< qint64, 0 for events
        IsMessageRole, ///< bool
        SortRole = TimestampRole,
    };
    Q_ENUM(Role)

    explicit TimelineModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setDetail(const domain::ConversationDetail &detail);
    void clear();

    const QList<TimelineEntry> &entries() const { return m_entries; }
    const TimelineEntry &entryAt(int row) const { return m_entries.at(row); }

    /// The interleaved entries of `detail`, oldest first (what setDetail() shows).
    static QList<TimelineEntry> build(const domain::ConversationDetail &detail);
    /// "Queued", "Sent", "Failed: <error>" for outbound messages; empty otherwise.
    static QString deliveryLabel(const TimelineEntry &entry);

private:
    QList<TimelineEntry> m_entries;
};

} // namespace waybill::models
