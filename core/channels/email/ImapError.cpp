// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapError.h"

#include "ImapResponse.h"

namespace waybill::channels::email {

bool ImapError::isPermanent() const
{
    return kind == Kind::Authentication || kind == Kind::Unsupported;
}

ImapError ImapError::fromResponse(Kind kind, const ImapResponse &response)
{
    ImapError error;
    error.kind = kind;
    error.responseCode = response.code;
    static const QByteArrayList temporary { "UNAVAILABLE", "INUSE", "SERVERBUG", "LIMIT", "OVERQUOTA" };
    if (temporary.contains(response.code)) {
        error.kind = Kind::Temporary;
    }
    error.message = QString::fromUtf8(response.text);
    if (error.message.isEmpty()) {
        error.message = QString::fromLatin1(response.name);
    }
    return error;
}

} // namespace waybill::channels::email
