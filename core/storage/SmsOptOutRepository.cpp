// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmsOptOutRepository.h"

#include "SqlQuery.h"

namespace waybill::storage {

namespace {

SmsOptOut fromRow(const SqlQuery &q)
{
    return { q.text(0), q.text(1), q.text(2), q.int64(3) };
}

} // namespace

SmsOptOutRepository::SmsOptOutRepository(const Database &database)
    : m_database(database)
{
}

void SmsOptOutRepository::optOut(const SmsOptOut &optOut) const
{
    SqlQuery q(m_database,
        QStringLiteral("INSERT INTO sms_opt_outs (account, phone, keyword, opted_out_at) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (account, phone) DO UPDATE SET keyword = excluded.keyword, "
                       "opted_out_at = excluded.opted_out_at"));
    q.bind(optOut.account).bind(optOut.phone).bind(optOut.keyword).bind(optOut.optedOutAt).exec();
}

bool SmsOptOutRepository::optIn(const QString &account, const QString &phone) const
{
    const bool present = find(account, phone).has_value();
    SqlQuery q(m_database, QStringLiteral("DELETE FROM sms_opt_outs WHERE account = ? AND phone = ?"));
    q.bind(account).bind(phone).exec();
    return present;
}

std::optional<SmsOptOut> SmsOptOutRepository::find(const QString &account, const QString &phone) const
{
    SqlQuery q(m_database,
        QStringLiteral(
            "SELECT account, phone, keyword, opted_out_at FROM sms_opt_outs WHERE account = ? AND phone = ?"));
    q.bind(account).bind(phone).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    return fromRow(q);
}

std::optional<SmsOptOut> SmsOptOutRepository::findForCustomer(const QString &account, qint64 customerId) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT o.account, o.phone, o.keyword, o.opted_out_at FROM sms_opt_outs o "
                       "JOIN identities i ON i.kind = 'phone' AND i.value = o.phone "
                       "WHERE o.account = ? AND i.customer_id = ? ORDER BY o.opted_out_at DESC LIMIT 1"));
    q.bind(account).bind(customerId).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    return fromRow(q);
}

} // namespace waybill::storage
