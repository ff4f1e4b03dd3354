// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace waybill::storage {

class Database;

/// One number that texted STOP to one of our SMS accounts.
struct SmsOptOut {
    QString account;
    QString phone; ///< E.164
    QString keyword; ///< what the customer sent ("STOP", "unsubscribe")
    qint64 optedOutAt = 0;
};

/// SMS opt-outs (carrier keywords): a number that texted STOP to an account is recorded here and never sent SMS
/// from that account until it texts START. Used on the thread that owns the connection.
class SmsOptOutRepository final {
public:
    explicit SmsOptOutRepository(const Database &database);

    /// Records (or refreshes) the opt-out.
    void optOut(const SmsOptOut &optOut) const;
    /// Forgets the opt-out; false when there was none.
    bool optIn(const QString &account, const QString &phone) const;
    std::optional<SmsOptOut> find(const QString &account, const QString &phone) const;
    /// The opt-out of any phone identity of the customer for this account, if one texted STOP.
    std::optional<SmsOptOut> findForCustomer(const QString &account, qint64 customerId) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
