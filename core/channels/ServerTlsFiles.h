// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslConfiguration>
#include <QString>

#include <optional>

namespace waybill::channels {

/// A server's TLS identity read from PEM files: the certificate chain (the server's first) and an unencrypted RSA
/// or EC private key. Stateless.
class ServerTlsFiles final {
public:
    ServerTlsFiles() = delete;

    /// The server configuration, or std::nullopt with the reason (naming the file) in `error`.
    static std::optional<QSslConfiguration> load(
        const QString &certificateFile, const QString &keyFile, QString *error);
};

} // namespace waybill::channels
