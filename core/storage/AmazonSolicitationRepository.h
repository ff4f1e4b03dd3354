// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace waybill::storage {

class Database;

/// One Amazon review request (Selling Partner API Solicitations) of one order, as stored in amazon_solicitations.
struct AmazonSolicitation {
    qint64 orderId = 0;
    QString account; ///< the Amazon account the order came from
    QString amazonOrderId; ///< 3-7-7 digits (orders.external_id)
    QString orderNumber;
    QString state; ///< pending, sent, refused, expired, failed
    int attempts = 0;
    QString detail;
    qint64 requestedAt = 0;
    qint64 updatedAt = 0;
    qint64 deliveredAt = 0; ///< the order's latest delivery, 0 when none is known
};

/// The Amazon review requests, once per order. Rules add them (request()); the account's solicitation sender reads
/// the pending ones and records Amazon's answer. Used on the thread that owns the connection; throws StorageError.
class AmazonSolicitationRepository final {
public:
    static constexpr const char *Pending = "pending";
    static constexpr const char *Sent = "sent";
    static constexpr const char *Refused = "refused";
    static constexpr const char *Expired = "expired";
    static constexpr const char *Failed = "failed";

    explicit AmazonSolicitationRepository(const Database &database);

    /// Adds a pending request for the order, from the order's own account; false when the order already has one
    /// (in any state) or is not an Amazon order.
    bool request(qint64 orderId, qint64 now) const;
    std::optional<AmazonSolicitation> find(qint64 orderId) const;
    /// The account's pending requests, oldest first, at most `limit`.
    QList<AmazonSolicitation> pending(const QString &account, int limit) const;
    /// Records a final answer (sent, refused, expired or failed) with its detail, counting the attempt.
    void finish(qint64 orderId, const QString &state, const QString &detail, qint64 now) const;
    /// Records an attempt that may be tried again (a network or server error); returns the attempts so far.
    int recordAttempt(qint64 orderId, const QString &detail, qint64 now) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
