// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpCapabilities.h"

#include <algorithm>

namespace waybill::channels::email {

namespace {

bool containsIgnoringCase(const QByteArrayList &list, QByteArrayView name)
{
    return std::any_of(list.cbegin(), list.cend(),
        [name](const QByteArray &entry) { return QByteArrayView(entry).compare(name, Qt::CaseInsensitive) == 0; });
}

} // namespace

bool SmtpCapabilities::hasKeyword(QByteArrayView keyword) const
{
    return containsIgnoringCase(keywords, keyword);
}

bool SmtpCapabilities::hasAuth(QByteArrayView mechanism) const
{
    return containsIgnoringCase(authMechanisms, mechanism);
}

} // namespace waybill::channels::email
