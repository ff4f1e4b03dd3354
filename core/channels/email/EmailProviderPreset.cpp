// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EmailProviderPreset.h"

#include <QCoreApplication>

namespace waybill::channels::email {

using Auth = domain::EmailAccount::Auth;

QList<EmailProviderPreset> EmailProviderPreset::all()
{
    static const QList<EmailProviderPreset> presets = {
        { QStringLiteral("gmail"), QStringLiteral("Gmail / Google Workspace"),
            QStringLiteral("imaps://imap.gmail.com:993"), QStringLiteral("smtps://smtp.gmail.com:465"),
            Auth::OAuthGmail,
            QCoreApplication::translate("EmailProviderPreset", "Sign in with Google in the browser.") },
        { QStringLiteral("microsoft"), QStringLiteral("Microsoft 365 / Outlook.com"),
            QStringLiteral("imaps://outlook.office365.com:993"), QStringLiteral("smtp://smtp.office365.com:587"),
            Auth::OAuthMicrosoft,
            QCoreApplication::translate("EmailProviderPreset", "Sign in with Microsoft in the browser.") },
        { QStringLiteral("yahoo"), QStringLiteral("Yahoo Mail"), QStringLiteral("imaps://imap.mail.yahoo.com:993"),
            QStringLiteral("smtps://smtp.mail.yahoo.com:465"), Auth::Password,
            QCoreApplication::translate("EmailProviderPreset", "Create an app password in Yahoo's account security.") },
        { QStringLiteral("icloud"), QStringLiteral("iCloud Mail"), QStringLiteral("imaps://imap.mail.me.com:993"),
            QStringLiteral("smtp://smtp.mail.me.com:587"), Auth::Password,
            QCoreApplication::translate(
                "EmailProviderPreset", "Create an app-specific password at appleid.apple.com.") },
        { QStringLiteral("fastmail"), QStringLiteral("Fastmail"), QStringLiteral("imaps://imap.fastmail.com:993"),
            QStringLiteral("smtps://smtp.fastmail.com:465"), Auth::Password,
            QCoreApplication::translate(
                "EmailProviderPreset", "Create an app password under Settings → Privacy & Security.") },
    };
    return presets;
}

const EmailProviderPreset *EmailProviderPreset::byKey(const QString &key)
{
    static const QList<EmailProviderPreset> presets = all();
    for (const EmailProviderPreset &preset : presets) {
        if (preset.key == key) {
            return &preset;
        }
    }
    return nullptr;
}

const EmailProviderPreset *EmailProviderPreset::forAddress(const QString &address)
{
    const QString domain = address.section(u'@', 1).toLower();
    if (domain == QLatin1String("gmail.com") || domain == QLatin1String("googlemail.com")) {
        return byKey(QStringLiteral("gmail"));
    }
    if (domain == QLatin1String("outlook.com") || domain == QLatin1String("hotmail.com")
        || domain == QLatin1String("live.com")) {
        return byKey(QStringLiteral("microsoft"));
    }
    if (domain.startsWith(QLatin1String("yahoo."))) {
        return byKey(QStringLiteral("yahoo"));
    }
    if (domain == QLatin1String("icloud.com") || domain == QLatin1String("me.com")
        || domain == QLatin1String("mac.com")) {
        return byKey(QStringLiteral("icloud"));
    }
    if (domain == QLatin1String("fastmail.com") || domain == QLatin1String("fastmail.fm")) {
        return byKey(QStringLiteral("fastmail"));
    }
    return nullptr;
}

} // namespace waybill::channels::email
