// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace waybill::security {

/// SHA-256 through OpenSSL, which uses the processor's SHA instructions where it has them (several times
/// faster than QCryptographicHash on mail-sized input; raw messages and attachments are hashed on every import).
/// Thread-safe.
class Sha256 final {
public:
    /// Lower-case hex digest of `bytes` (64 characters).
    static QString hex(const QByteArray &bytes);
};

} // namespace waybill::security
