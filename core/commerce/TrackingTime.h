// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::commerce {

/// Turns the date and time spellings of tracking payloads into UTC epoch seconds, without consulting the
/// machine's time zone. Every function returns 0 when the text is empty or not understood. Stateless.
class TrackingTime final {
public:
    /// ISO 8601: "2014-11-21T14:24:00Z", "2014-11-18T18:13:00+11:00", "2014-11-18T00:00:00.000-0500",
    /// "2014-11-18 02:08:04". Without an offset the wall time is taken as UTC. A bare date is its midnight, or
    /// the last second of that day when `dateIsEndOfDay` (expected delivery dates).
    static qint64 fromIso8601(const QString &text, bool dateIsEndOfDay = false);
    /// "April 28, 2015" and "9:01 am" (USPS). Without a time, the date's midnight, or end of day as above. USPS
    /// prints the local time of the event's place: with a US state (or territory) code the time is read in that
    /// state's main time zone (from the system's time zone data), else the wall time is taken as UTC.
    static qint64 fromUspsDateTime(
        const QString &date, const QString &time, bool dateIsEndOfDay = false, const QString &usState = {});
    /// The IANA time zone most of a US state or territory uses ("IL" → "America/Chicago"), or empty.
    static QByteArray usStateTimeZone(const QString &state);
    /// "2011-02-03", "11:59:59", "EST" (Canada Post; English and French zone abbreviations).
    static qint64 fromCanadaPost(const QString &date, const QString &time, const QString &zone);
    /// UTC offset in seconds of a North American zone abbreviation, or -1 when unknown.
    static int zoneOffset(const QString &abbreviation);
    /// Seconds since the epoch of a UTC calendar date and time of day.
    static qint64 epoch(int year, int month, int day, int hour = 0, int minute = 0, int second = 0);
};

} // namespace waybill::commerce
