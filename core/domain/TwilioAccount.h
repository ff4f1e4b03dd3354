// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace waybill::domain {

/// A Twilio phone number that sends and receives the shop's SMS through Twilio's Messages API. The auth token is
/// not here: it is in the keychain under `id`.
struct TwilioAccount {
    static constexpr const char *DefaultBaseUrl = "https://api.twilio.com";

    QString id; ///< "sms:+15005550006"
    QString name; ///< for people
    QString accountSid; ///< "AC…"
    QString fromNumber; ///< E.164
    QString baseUrl; ///< empty for https://api.twilio.com; set for a proxy (or a local test server)
    /// What a customer who texts HELP (or INFO) is sent back; empty when Twilio's own opt-out handling answers it
    /// (its default on long codes), so that the customer never gets two answers.
    QString helpReply;
    bool enabled = true;

    /// The id an account for this number gets.
    static QString idForNumber(const QString &e164);
    /// Where API requests go: the base URL when set, else https://api.twilio.com.
    QUrl apiBase() const;
    /// Whether `sid` looks like a Twilio account SID ("AC" and 32 hexadecimal digits).
    static bool isValidAccountSid(const QString &sid);
};

} // namespace waybill::domain
