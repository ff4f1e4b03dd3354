// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapResponse.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QDateTime>

#include <optional>

namespace waybill::channels::email {

/// The attributes of one `* n FETCH (…)` response that Waybill asks for. A plain value type.
struct ImapFetchData final {
    quint32 sequenceNumber = 0;
    std::optional<quint32> uid;
    std::optional<QByteArrayList> flags;
    std::optional<qint64> size; ///< RFC822.SIZE
    std::optional<QByteArray> body; ///< BODY[] (also from BODY.PEEK[]) or RFC822
    QDateTime internalDate;

    /// Reads a FETCH response; std::nullopt for anything else.
    static std::optional<ImapFetchData> fromResponse(const ImapResponse &response);
    /// `17-Jul-1996 02:44:25 -0700`; an invalid QDateTime when it does not parse.
    static QDateTime parseInternalDate(QByteArrayView text);
};

} // namespace waybill::channels::email
