// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::domain {

/// A tracking provider account (EasyPost, AfterShip or Shippo) that the engine asks about moving shipments. The API
/// key is not here: it is in the keychain under `id`.
struct TrackingAccount {
    QString id; ///< "tracking:easypost"
    QString name; ///< for people
    QString provider; ///< "easypost", "aftership" or "shippo"
    QString baseUrl; ///< the provider's API (https://api.easypost.com), or a proxy
    bool enabled = true;

    /// The id the account of this provider gets (one account per provider).
    static QString idForProvider(const QString &provider) { return QStringLiteral("tracking:") + provider; }
};

} // namespace waybill::domain
