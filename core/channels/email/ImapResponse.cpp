// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapResponse.h"

#include <limits>

namespace waybill::channels::email {

bool ImapResponse::isUntagged(QByteArrayView keyword) const
{
    return kind == Kind::Untagged && QByteArrayView(name).compare(keyword, Qt::CaseInsensitive) == 0;
}

std::optional<quint32> ImapResponse::codeNumber() const
{
    if (codeArgs.isEmpty() || !codeArgs.first().isNumber()
        || codeArgs.first().number > std::numeric_limits<quint32>::max()) {
        return std::nullopt;
    }
    return static_cast<quint32>(codeArgs.first().number);
}

} // namespace waybill::channels::email
