// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace waybill::domain {

/// An e-mail account the shop answers from: where to fetch (IMAP) and send (SMTP), as whom, and how replies
/// look. Secrets are not here: they are in the keychain under `id`.
struct EmailAccount {
    /// How the account signs in.
    enum class Auth {
        Password,
        OAuthGmail,
        OAuthMicrosoft,
    };

    QString id; ///< "email:support@shop.example"
    QString name; ///< for people: "Support"
    QString address; ///< the From address of replies
    QString displayName; ///< the From name of replies
    QString imapUrl; ///< imaps://host:993, imap://host:143 (STARTTLS); imap+plain:// on loopback only
    QString smtpUrl; ///< smtps://host:465, smtp://host:587 (STARTTLS); smtp+plain:// on loopback only
    QString username;
    Auth auth = Auth::Password;
    QStringList folders { QStringLiteral("INBOX") };
    QString signature;
    bool saveToSent = true;
    QString sentFolder = QStringLiteral("Sent");
    bool enabled = true;

    static QString authKey(Auth auth);
    static Auth authFromKey(const QString &key);
};

} // namespace waybill::domain
