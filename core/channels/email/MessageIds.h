// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace waybill::channels::email {

/// Message ids from Message-ID, In-Reply-To and References values, without angle brackets, tolerant of what real
/// mail puts there (comments, missing brackets, phrases in In-Reply-To, ids glued together).
/// Pure functions, safe on any thread.
class MessageIds final {
public:
    /// Every id in the value, in order, duplicates removed; bare tokens with an '@' count when there are no <…>.
    static QStringList parseList(const QByteArray &rawValue);
    /// The first id in the value, empty when there is none.
    static QString parseOne(const QByteArray &rawValue);
    /// The Message-ID field of a raw header block (text/rfc822-headers, a returned message), empty when absent.
    static QString fromHeaderBlock(const QByteArray &headers);
};

} // namespace waybill::channels::email
