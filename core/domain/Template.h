// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::domain {

/// A reply template with {{placeholders}} (see TemplateRenderer).
struct Template {
    qint64 id = 0;
    QString name;
    QString body;
};

} // namespace waybill::domain
