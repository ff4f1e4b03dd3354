// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/EmailAccount.h"

#include <QList>
#include <QString>

namespace waybill::channels::email {

/// Known mail providers: their servers and how they sign in, so that setting up an account is one choice.
struct EmailProviderPreset {
    QString key; ///< "gmail", "microsoft", "yahoo", "icloud", "fastmail"
    QString name; ///< for people
    QString imapUrl;
    QString smtpUrl;
    domain::EmailAccount::Auth auth = domain::EmailAccount::Auth::Password;
    QString note; ///< what the user must do first ("create an app password")

    static QList<EmailProviderPreset> all();
    /// The preset for an address's domain ("gmail.com" → gmail), if any.
    static const EmailProviderPreset *forAddress(const QString &address);
    static const EmailProviderPreset *byKey(const QString &key);
};

} // namespace waybill::channels::email
