// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TwilioInboundSms.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace waybill::channels::sms {

/// The pure codec of Twilio's Message resources as the REST API returns them (STYLE.md §11): a page of the message
/// list (GET …/Messages.json) to the SMS customers sent, with the next page's URI, and one message (GET
/// …/Messages/{Sid}.json) to its status. No I/O; any thread. Parse functions say what is wrong in `error` when they
/// return nothing.
class TwilioMessageList final {
public:
    struct Page {
        QList<TwilioInboundSms> inbound; ///< messages with direction "inbound", in the page's order
        QString nextPageUri; ///< path and query of the next page; empty on the last one
    };

    static std::optional<Page> parsePage(const QJsonDocument &json, QString *error);
    /// One Message resource's status (and error code) as a status update.
    static std::optional<TwilioStatusUpdate> parseMessage(const QJsonObject &resource, QString *error);
};

} // namespace waybill::channels::sms
