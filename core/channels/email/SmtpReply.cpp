// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpReply.h"

namespace waybill::channels::email {

QString SmtpReply::text() const
{
    return QString::fromUtf8(lines.join('\n'));
}

} // namespace waybill::channels::email
