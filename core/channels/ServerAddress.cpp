// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerAddress.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QUrl>

namespace waybill::channels {

ServerAddress ServerAddress::parse(const QString &text, const QString &protocol, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error) {
            *error = message;
        }
        return ServerAddress {};
    };
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const bool imap = protocol == QLatin1String("imap");
    if (!url.isValid() || url.host().isEmpty()) {
        return fail(QCoreApplication::translate(
            "ServerAddress", "'%1' is not a server address; write it like %2://mail.example.com")
                        .arg(text, imap ? QStringLiteral("imaps") : QStringLiteral("smtps")));
    }
    ServerAddress address;
    address.host = url.host();
    if (scheme == protocol + u's') {
        address.security = Transport::Security::ImplicitTls;
        address.port = quint16(url.port(imap ? 993 : 465));
    } else if (scheme == protocol) {
        address.security = Transport::Security::StartTls;
        address.port = quint16(url.port(imap ? 143 : 587));
    } else if (scheme == protocol + QStringLiteral("+plain")) {
        const QHostAddress host(address.host);
        if (!host.isLoopback() && address.host != QLatin1String("localhost")) {
            return fail(QCoreApplication::translate("ServerAddress",
                "Unencrypted connections are allowed only to this computer; use "
                "%1s:// or %1:// (STARTTLS) for %2.")
                            .arg(protocol, address.host));
        }
        address.security = Transport::Security::None;
        address.port = quint16(url.port(imap ? 143 : 25));
    } else {
        return fail(
            QCoreApplication::translate("ServerAddress", "'%1' should start with %2s:// or %2://").arg(text, protocol));
    }
    return address;
}

} // namespace waybill::channels
