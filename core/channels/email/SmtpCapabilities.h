// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QByteArrayView>

namespace waybill::channels::email {

/// What a server offers in its EHLO reply (SmtpCodec::parseCapabilities). Empty after HELO, after STARTTLS
/// until the next EHLO, and for servers without ESMTP. A plain value type.
struct SmtpCapabilities final {
    bool known = false; ///< an EHLO reply has been read on this connection (since the last TLS upgrade)
    bool startTls = false;
    bool pipelining = false;
    bool eightBitMime = false;
    bool smtpUtf8 = false;
    bool enhancedStatusCodes = false;
    bool hasSize = false;
    qint64 maxSize = 0; ///< SIZE's limit in bytes; 0 when the server names none
    QByteArrayList authMechanisms; ///< upper case, e.g. PLAIN, LOGIN, XOAUTH2
    QByteArrayList keywords; ///< every extension keyword, upper case

    bool hasKeyword(QByteArrayView keyword) const;
    bool hasAuth(QByteArrayView mechanism) const;
};

} // namespace waybill::channels::email
