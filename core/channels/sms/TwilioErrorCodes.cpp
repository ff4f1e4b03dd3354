// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TwilioErrorCodes.h"

#include <QCoreApplication>

namespace waybill::channels::sms {

namespace {

struct Entry {
    int code;
    const char *text;
};

// Twilio's error reference (https://www.twilio.com/docs/api/errors), in words an agent can act on.
constexpr Entry Table[] = {
    { 20003,
        QT_TRANSLATE_NOOP("TwilioErrorCodes",
            "the account SID or auth token is wrong (authentication failed); check the account's credentials") },
    { 20404,
        QT_TRANSLATE_NOOP("TwilioErrorCodes", "Twilio does not know this resource (wrong account SID or message)") },
    { 21211, QT_TRANSLATE_NOOP("TwilioErrorCodes", "the customer's number is not a valid phone number") },
    { 21408,
        QT_TRANSLATE_NOOP("TwilioErrorCodes",
            "this Twilio account may not send SMS to the customer's country (enable it under Geo Permissions)") },
    { 21606,
        QT_TRANSLATE_NOOP(
            "TwilioErrorCodes", "the sending number is not an SMS-capable number of this Twilio account") },
    { 21610,
        QT_TRANSLATE_NOOP(
            "TwilioErrorCodes", "the customer texted STOP to this number; nothing can be sent until they text START") },
    { 21612, QT_TRANSLATE_NOOP("TwilioErrorCodes", "the customer's number cannot be reached by SMS from this number") },
    { 21614,
        QT_TRANSLATE_NOOP(
            "TwilioErrorCodes", "the customer's number is not a mobile number (a landline cannot receive SMS)") },
    { 30001, QT_TRANSLATE_NOOP("TwilioErrorCodes", "Twilio's queue for this number overflowed; it will be retried") },
    { 30002, QT_TRANSLATE_NOOP("TwilioErrorCodes", "the Twilio account is suspended") },
    { 30003,
        QT_TRANSLATE_NOOP("TwilioErrorCodes",
            "the customer's phone is switched off or out of coverage (unreachable destination handset)") },
    { 30004,
        QT_TRANSLATE_NOOP(
            "TwilioErrorCodes", "the message was blocked (the customer blocks this number, or the carrier does)") },
    { 30005,
        QT_TRANSLATE_NOOP(
            "TwilioErrorCodes", "the customer's number is unknown to the carrier or no longer in service") },
    { 30006,
        QT_TRANSLATE_NOOP(
            "TwilioErrorCodes", "the customer's number is a landline or its carrier cannot receive SMS") },
    { 30007,
        QT_TRANSLATE_NOOP("TwilioErrorCodes",
            "the carrier filtered the message as spam or unregistered traffic (carrier violation)") },
    { 30008, QT_TRANSLATE_NOOP("TwilioErrorCodes", "the carrier reported an unknown error; trying again may work") },
    { 30034,
        QT_TRANSLATE_NOOP(
            "TwilioErrorCodes", "the sending number is not registered for A2P 10DLC messaging in the US") },
};

} // namespace

QString TwilioErrorCodes::explain(int code)
{
    for (const Entry &entry : Table) {
        if (entry.code == code) {
            return QCoreApplication::translate("TwilioErrorCodes", "Twilio error %1: %2")
                .arg(code)
                .arg(QCoreApplication::translate("TwilioErrorCodes", entry.text));
        }
    }
    return QCoreApplication::translate(
        "TwilioErrorCodes", "Twilio error %1 (see https://www.twilio.com/docs/api/errors/%1)")
        .arg(code);
}

bool TwilioErrorCodes::isTemporary(int code)
{
    return code == 30001 || code == 30008;
}

} // namespace waybill::channels::sms
