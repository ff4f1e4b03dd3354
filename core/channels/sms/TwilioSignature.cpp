// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TwilioSignature.h"

#include <QMessageAuthenticationCode>

#include <algorithm>

namespace waybill::channels::sms {

QByteArray TwilioSignature::compute(const QString &url, const Params &params, const QByteArray &authToken)
{
    Params sorted = params;
    // Sorted by name, then by value for repeated names (Twilio sorts the concatenated pairs).
    std::stable_sort(sorted.begin(), sorted.end(),
        [](const auto &a, const auto &b) { return a.first == b.first ? a.second < b.second : a.first < b.first; });
    QByteArray data = url.toUtf8();
    for (const auto &[name, value] : sorted) {
        data += name.toUtf8();
        data += value.toUtf8();
    }
    return QMessageAuthenticationCode::hash(data, authToken, QCryptographicHash::Sha1).toBase64();
}

bool TwilioSignature::verify(
    const QString &url, const Params &params, const QByteArray &authToken, const QByteArray &signature)
{
    if (signature.isEmpty() || authToken.isEmpty()) {
        return false;
    }
    const QByteArray expected = compute(url, params, authToken);
    if (expected.size() != signature.size()) {
        return false;
    }
    unsigned char difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        difference |= static_cast<unsigned char>(expected.at(i) ^ signature.at(i));
    }
    return difference == 0;
}

} // namespace waybill::channels::sms
