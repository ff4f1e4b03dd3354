// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AgentRole.h"

#include <QString>

namespace waybill::domain {

/// A person answering customers.
struct Agent {
    qint64 id = 0;
    QString name;
    QString email;
    qint64 teamId = 0;
    AgentRole role {}; ///< Agent unless set
};

} // namespace waybill::domain
