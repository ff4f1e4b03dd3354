// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StorageError.h"

namespace waybill::storage {

StorageError::StorageError(Kind kind, const QString &userMessage, const QString &detail)
    : std::runtime_error(
        QString(userMessage + (detail.isEmpty() ? QString() : QString(QStringLiteral(" (") + detail + u')')))
            .toStdString())
    , m_kind(kind)
    , m_userMessage(userMessage)
    , m_detail(detail)
{
}

} // namespace waybill::storage
