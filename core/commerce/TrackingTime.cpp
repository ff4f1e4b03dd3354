// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackingTime.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace waybill::commerce {

namespace {

constexpr qint64 EndOfDay = 86399;
constexpr qint64 UnixEpochJulianDay = 2440588;

} // namespace

qint64 TrackingTime::epoch(int year, int month, int day, int hour, int minute, int second)
{
    const QDate date(year, month, day);
    if (!date.isValid() || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
        return 0;
    }
    return (date.toJulianDay() - UnixEpochJulianDay) * 86400 + hour * 3600 + minute * 60 + second;
}

qint64 TrackingTime::fromIso8601(const QString &text, bool dateIsEndOfDay)
{
    static const QRegularExpression iso(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})(?:[T "
                       "](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?$"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = iso.match(text.trimmed());
    if (!m.hasMatch()) {
        return 0;
    }
    const bool hasTime = m.capturedLength(4) > 0;
    qint64 at = epoch(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(), m.captured(4).toInt(),
        m.captured(5).toInt(), m.captured(6).toInt());
    if (at == 0) {
        return 0;
    }
    if (!hasTime) {
        return dateIsEndOfDay ? at + EndOfDay : at;
    }
    const QString zone = m.captured(7);
    if (!zone.isEmpty() && zone.compare(QLatin1String("Z"), Qt::CaseInsensitive) != 0) {
        QString digits = zone.mid(1);
        digits.remove(u':');
        const int offset = digits.left(2).toInt() * 3600 + digits.mid(2, 2).toInt() * 60;
        at -= zone.startsWith(u'-') ? -offset : offset;
    }
    return at;
}

QByteArray TrackingTime::usStateTimeZone(const QString &state)
{
    struct Zone {
        const char *states; ///< two-letter codes separated by spaces
        const char *zone;
    };
    // Where a state spans two zones, the zone of most of its people.
    static constexpr Zone Zones[] = {
        { "CT DC DE FL GA IN KY MA MD ME MI NC NH NJ NY OH PA RI SC VA VT WV", "America/New_York" },
        { "AL AR IA IL KS LA MN MO MS ND NE OK SD TN TX WI", "America/Chicago" },
        { "CO MT NM UT WY ID", "America/Denver" },
        { "AZ", "America/Phoenix" },
        { "CA NV OR WA", "America/Los_Angeles" },
        { "AK", "America/Anchorage" },
        { "HI", "Pacific/Honolulu" },
        { "PR VI", "America/Puerto_Rico" },
        { "GU MP", "Pacific/Guam" },
        { "AS", "Pacific/Pago_Pago" },
    };
    const QString code = state.trimmed().toUpper();
    if (code.size() != 2) {
        return {};
    }
    for (const Zone &zone : Zones) {
        if (QLatin1String(zone.states).contains(code)) {
            return zone.zone;
        }
    }
    return {};
}

qint64 TrackingTime::fromUspsDateTime(
    const QString &date, const QString &time, bool dateIsEndOfDay, const QString &usState)
{
    static const QRegularExpression dateFormat(QStringLiteral("^([A-Za-z]+)\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})$"));
    static const QRegularExpression timeFormat(
        QStringLiteral("^(\\d{1,2}):(\\d{2})\\s*([ap])\\.?m\\.?$"), QRegularExpression::CaseInsensitiveOption);
    static const char *const Months[]
        = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
    const auto d = dateFormat.match(date.trimmed());
    if (!d.hasMatch()) {
        return 0;
    }
    const QString monthName = d.captured(1).left(3).toLower();
    int month = 0;
    for (int i = 0; i < 12; ++i) {
        if (monthName == QLatin1String(Months[i])) {
            month = i + 1;
        }
    }
    const qint64 day = epoch(d.captured(3).toInt(), month, d.captured(2).toInt());
    if (day == 0) {
        return 0;
    }
    const auto t = timeFormat.match(time.trimmed());
    if (!t.hasMatch()) {
        return dateIsEndOfDay ? day + EndOfDay : day;
    }
    int hour = t.captured(1).toInt() % 12;
    if (t.captured(3).compare(QLatin1String("p"), Qt::CaseInsensitive) == 0) {
        hour += 12;
    }
    const qint64 wall = day + hour * 3600 + t.captured(2).toInt() * 60;
    const QByteArray zoneId = usStateTimeZone(usState);
    if (zoneId.isEmpty()) {
        return wall;
    }
    const QTimeZone zone(zoneId);
    if (!zone.isValid()) {
        return wall;
    }
    const QDateTime local(
        QDate(d.captured(3).toInt(), month, d.captured(2).toInt()), QTime(hour, t.captured(2).toInt()), zone);
    return local.isValid() ? local.toSecsSinceEpoch() : wall;
}

int TrackingTime::zoneOffset(const QString &abbreviation)
{
    struct Zone {
        const char *name;
        int offsetMinutes;
    };
    // English and French (Canada Post's "HNE" = heure normale de l'Est, "HAE" = heure avancée de l'Est, ...).
    static constexpr Zone Zones[] = { { "UTC", 0 }, { "GMT", 0 }, { "NST", -210 }, { "HNT", -210 }, { "NDT", -150 },
        { "HAT", -150 }, { "AST", -240 }, { "HNA", -240 }, { "ADT", -180 }, { "HAA", -180 }, { "EST", -300 },
        { "HNE", -300 }, { "EDT", -240 }, { "HAE", -240 }, { "CST", -360 }, { "HNC", -360 }, { "CDT", -300 },
        { "HAC", -300 }, { "MST", -420 }, { "HNR", -420 }, { "MDT", -360 }, { "HAR", -360 }, { "PST", -480 },
        { "HNP", -480 }, { "PDT", -420 }, { "HAP", -420 } };
    const QString key = abbreviation.trimmed().toUpper();
    for (const Zone &zone : Zones) {
        if (key == QLatin1String(zone.name)) {
            return zone.offsetMinutes * 60;
        }
    }
    return -1;
}

qint64 TrackingTime::fromCanadaPost(const QString &date, const QString &time, const QString &zone)
{
    const QString stamp = time.trimmed().isEmpty() ? date.trimmed() : date.trimmed() + u'T' + time.trimmed();
    const qint64 wall = fromIso8601(stamp);
    if (wall == 0) {
        return 0;
    }
    const int offset = zoneOffset(zone);
    return offset == -1 ? wall : wall - offset;
}

} // namespace waybill::commerce
