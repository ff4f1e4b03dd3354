// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ConversationDetail.h"

#include <QString>
#include <QStringList>

namespace waybill::engine {

/// Fills reply templates from a conversation's linked order: {{customer.first_name}}, {{customer.name}},
/// {{order.number}}, {{shipment.carrier}}, {{shipment.tracking_number}}, {{shipment.tracking_url}},
/// {{shipment.status}}, {{shipment.eta}}, {{return.status}}, {{agent.name}}.
class TemplateRenderer final {
public:
    struct Result {
        QString text;
        QStringList missing; ///< placeholders with no value here; left in the text as written
        QStringList unknown; ///< placeholders this renderer does not know
    };

    static QStringList placeholders();
    static Result render(
        const QString &templateText, const domain::ConversationDetail &detail, const QString &agentName);
};

} // namespace waybill::engine
