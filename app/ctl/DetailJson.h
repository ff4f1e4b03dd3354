// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ConversationDetail.h"

#include <QJsonObject>

namespace waybill::ctl {

/// The JSON shape of `waybillctl show --json`: stable keys, ISO 8601 UTC times, money in minor units.
class DetailJson final {
public:
    static QJsonObject toJson(const domain::ConversationDetail &detail);
};

} // namespace waybill::ctl
