// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace waybill::domain {

/// One way to reach a customer: kind is "email", "phone" (E.164), "amazon", "ebay" or "chat".
struct Identity {
    qint64 id = 0;
    QString kind;
    QString value;
};

/// A person who buys from the shop, recognised across channels by their identities.
struct Customer {
    qint64 id = 0;
    QString name;
    QString firstName;
    qint64 createdAt = 0;
    QList<Identity> identities;
    bool smsConsent = false; ///< agreed to receive SMS (rules send SMS only then)
    QString preferredChannel = {}; ///< a channel key ("email", "sms", …); empty: the channel they last wrote on
};

} // namespace waybill::domain
