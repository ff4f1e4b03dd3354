// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::domain {

/// A team of agents; conversations can be assigned to a team.
struct Team {
    qint64 id = 0;
    QString name;
};

} // namespace waybill::domain
