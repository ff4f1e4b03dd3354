// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace waybill::channels::sms {

/// Twilio's request signature (X-Twilio-Signature): HMAC-SHA1, keyed with the account's auth token, over the full
/// URL Twilio called followed by every POST parameter's name and value, sorted by name, base64-encoded. Plain
/// functions, any thread.
class TwilioSignature final {
public:
    using Params = QList<std::pair<QString, QString>>;

    /// The base64 signature Twilio sends for this request.
    static QByteArray compute(const QString &url, const Params &params, const QByteArray &authToken);
    /// Whether `signature` (the header's value) is the one for this request; compared in constant time. An empty
    /// signature or token never matches.
    static bool verify(
        const QString &url, const Params &params, const QByteArray &authToken, const QByteArray &signature);
};

} // namespace waybill::channels::sms
