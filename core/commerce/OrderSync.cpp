// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderSync.h"

namespace waybill::commerce {

OrderSync::OrderSync(QObject *parent)
    : QObject(parent)
{
}

OrderSync::~OrderSync() = default;

} // namespace waybill::commerce
