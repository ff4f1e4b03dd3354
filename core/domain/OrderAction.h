// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::domain {

/// A change an agent asks the store to make to an order: a refund, a cancellation, or a resend (a new order with
/// the same lines and address). Its idempotency key is made once, stored before anything is sent, and sent with
/// every attempt, so the store acts on it at most once.
struct OrderAction {
    enum class Kind {
        Refund,
        Cancel,
        Resend,
    };
    enum class State {
        Pending, ///< stored; maybe sent; the store's answer is not stored yet
        Done,
        Failed, ///< the store refused it (the error says why); a new action needs a new key
    };

    qint64 id = 0;
    qint64 orderId = 0;
    qint64 conversationId = 0;
    qint64 agentId = 0;
    Kind kind = Kind::Refund;
    qint64 amountCents = 0; ///< the refund; the order's total for cancel and resend
    QString currency;
    QString note;
    QString idempotencyKey;
    State state = State::Pending;
    int attempts = 0;
    QString resultId; ///< the store's refund or new order id, once done
    QString error;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    static QString kindName(Kind kind);
    static Kind kindFromName(const QString &name);
    static QString stateName(State state);
    static State stateFromName(const QString &name);
};

} // namespace waybill::domain
