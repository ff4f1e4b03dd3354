// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TagGenerator.h"

namespace waybill::testing {

QByteArray TagGenerator::next()
{
    ++m_number;
    return last();
}

QByteArray TagGenerator::last() const
{
    return QByteArray("A").append(QByteArray::number(m_number));
}

} // namespace waybill::testing
