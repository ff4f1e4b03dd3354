// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace waybill::domain {

/// The shop's live chat: the widget on its pages talks to the chat gateway that the engine hosts at `listen`
/// (HTTPS and secure WebSocket with a certificate and key; otherwise plain, behind a TLS proxy at `publicUrl`). Only
/// pages from `allowedOrigins` may open a chat. Replies to visitors who left, and gave an e-mail address, go out
/// through `fallbackEmailAccount`. There is no secret: visitors are known by random session ids their browser keeps.
/// Value type.
struct ChatAccount {
    QString id; ///< "chat:<name>"
    QString name; ///< for people, e.g. the shop's name
    QStringList allowedOrigins; ///< "https://shop.example", exact (scheme, host and port)
    QString listen; ///< "127.0.0.1:8090"
    QString publicUrl; ///< "https://chat.shop.example"; empty: the listen address
    QString certificateFile; ///< PEM certificate chain for HTTPS/WSS on `listen`; empty: plain HTTP (a TLS proxy)
    QString keyFile; ///< its unencrypted PEM private key (a file of the server's, never copied into the workspace)
    QString fallbackEmailAccount; ///< "email:support@shop.example"; empty: replies wait for the visitor
    int fallbackAfterSeconds = 120; ///< a visitor gone this long gets queued replies by e-mail
    bool enabled = true;

    /// The id an account with this name gets.
    static QString idForName(const QString &name);
    /// Whether a browser's Origin header names one of the allowed origins (compared without a trailing slash,
    /// case-insensitively in scheme and host).
    bool allowsOrigin(const QString &origin) const;
};

} // namespace waybill::domain
