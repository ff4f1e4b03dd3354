// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderCsvValues.h"

#include <algorithm>
#include <array>

namespace waybill::commerce {

namespace {

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

bool validDate(int y, int m, int d)
{
    static constexpr std::array<int, 12> days { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (y < 1970 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days.at(m - 1)) {
        return false;
    }
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m != 2 || d <= 28 || leap;
}

/// A small cursor over the text.
struct Scanner {
    QStringView s;
    qsizetype i = 0;

    bool atEnd() const { return i >= s.size(); }
    QChar peek() const { return atEnd() ? QChar() : s.at(i); }
    bool take(char16_t c)
    {
        if (!atEnd() && s.at(i) == QChar(c)) {
            ++i;
            return true;
        }
        return false;
    }
    void skipSpaces()
    {
        while (!atEnd() && s.at(i).isSpace()) {
            ++i;
        }
    }
    /// Reads 1..maxDigits digits; -1 when there is none.
    int number(int minDigits, int maxDigits)
    {
        int value = 0;
        int count = 0;
        while (!atEnd() && count < maxDigits && s.at(i).unicode() >= u'0' && s.at(i).unicode() <= u'9') {
            value = value * 10 + (s.at(i).unicode() - u'0');
            ++i;
            ++count;
        }
        return count >= minDigits ? value : -1;
    }
    /// Reads a month name ("Mar", "March"); 0 when there is none.
    int month()
    {
        static const std::array<QLatin1StringView, 12> names { QLatin1StringView("jan"), QLatin1StringView("feb"),
            QLatin1StringView("mar"), QLatin1StringView("apr"), QLatin1StringView("may"), QLatin1StringView("jun"),
            QLatin1StringView("jul"), QLatin1StringView("aug"), QLatin1StringView("sep"), QLatin1StringView("oct"),
            QLatin1StringView("nov"), QLatin1StringView("dec") };
        if (s.size() - i < 3) {
            return 0;
        }
        const QStringView three = s.mid(i, 3);
        for (int m = 0; m < 12; ++m) {
            if (three.compare(names.at(m), Qt::CaseInsensitive) == 0) {
                i += 3;
                while (!atEnd() && s.at(i).isLetter()) {
                    ++i;
                }
                take(u'.');
                return m + 1;
            }
        }
        return 0;
    }
};

/// Reads an optional time of day and zone after a date; the offset from UTC in seconds goes to `offset`.
bool readTimeAndZone(Scanner &sc, qint64 &secondsOfDay)
{
    secondsOfDay = 0;
    if (!sc.take(u'T')) {
        sc.skipSpaces();
    }
    if (sc.atEnd()) {
        return true;
    }
    const int hour = sc.number(1, 2);
    if (hour < 0 || hour > 23 || !sc.take(u':')) {
        return false;
    }
    const int minute = sc.number(2, 2);
    if (minute < 0 || minute > 59) {
        return false;
    }
    int second = 0;
    if (sc.take(u':')) {
        second = sc.number(2, 2);
        if (second < 0 || second > 60) {
            return false;
        }
        if (sc.take(u'.') || sc.take(u',')) {
            sc.number(1, 9);
        }
    }
    int h = hour;
    sc.skipSpaces();
    if (sc.s.mid(sc.i).startsWith(QLatin1StringView("PM"), Qt::CaseInsensitive) && h < 12) {
        h += 12;
        sc.i += 2;
    } else if (sc.s.mid(sc.i).startsWith(QLatin1StringView("AM"), Qt::CaseInsensitive)) {
        h = h == 12 ? 0 : h;
        sc.i += 2;
    }
    qint64 offset = 0;
    sc.skipSpaces();
    if (sc.take(u'Z')) {
    } else if (sc.peek() == u'+' || sc.peek() == u'-') {
        const bool minus = sc.peek() == u'-';
        ++sc.i;
        const int oh = sc.number(2, 2);
        sc.take(u':');
        const int om = sc.atEnd() ? 0 : sc.number(2, 2);
        if (oh < 0 || oh > 14 || om < 0 || om > 59) {
            return false;
        }
        offset = (minus ? -1 : 1) * (oh * 3600 + om * 60);
    } else if (!sc.atEnd()) {
        const QStringView zone = sc.s.mid(sc.i).trimmed();
        static const std::array<std::pair<QLatin1StringView, int>, 9> zones { { { QLatin1StringView("UTC"), 0 },
            { QLatin1StringView("GMT"), 0 }, { QLatin1StringView("PST"), -8 }, { QLatin1StringView("PDT"), -7 },
            { QLatin1StringView("MST"), -7 }, { QLatin1StringView("MDT"), -6 }, { QLatin1StringView("CST"), -6 },
            { QLatin1StringView("EST"), -5 }, { QLatin1StringView("EDT"), -4 } } };
        bool known = false;
        for (const auto &[name, hours] : zones) {
            if (zone.compare(name, Qt::CaseInsensitive) == 0) {
                offset = qint64(hours) * 3600;
                known = true;
            }
        }
        if (!known) {
            return false;
        }
        sc.i = sc.s.size();
    }
    sc.skipSpaces();
    if (!sc.atEnd()) {
        return false;
    }
    secondsOfDay = qint64(h) * 3600 + minute * 60 + second - offset;
    return true;
}

std::optional<qint64> finish(Scanner &sc, int y, int m, int d)
{
    if (!validDate(y, m, d)) {
        return std::nullopt;
    }
    qint64 seconds = 0;
    if (!readTimeAndZone(sc, seconds)) {
        return std::nullopt;
    }
    return daysFromCivil(y, m, d) * 86400 + seconds;
}

} // namespace

std::optional<qint64> OrderCsvValues::parseTime(QStringView text)
{
    Scanner sc { text.trimmed() };
    if (sc.atEnd()) {
        return std::nullopt;
    }
    if (sc.peek().isLetter()) {
        // "Mar-15-26" (eBay), "Mar 15, 2026".
        const int m = sc.month();
        if (m == 0) {
            return std::nullopt;
        }
        const bool dashed = sc.take(u'-');
        if (!dashed) {
            sc.skipSpaces();
        }
        const int d = sc.number(1, 2);
        if (d < 0) {
            return std::nullopt;
        }
        if (dashed) {
            if (!sc.take(u'-')) {
                return std::nullopt;
            }
        } else {
            sc.take(u',');
            sc.skipSpaces();
        }
        const qsizetype yearStart = sc.i;
        int y = sc.number(2, 4);
        if (y < 0) {
            return std::nullopt;
        }
        if (sc.i - yearStart == 2) {
            y += 2000;
        }
        return finish(sc, y, m, d);
    }
    const int first = sc.number(1, 4);
    if (first < 0) {
        return std::nullopt;
    }
    if (sc.i == 4 && (sc.take(u'-') || sc.take(u'/'))) {
        // 2026-03-15 or 2026/03/15
        const int m = sc.number(1, 2);
        if (m < 0 || !(sc.take(u'-') || sc.take(u'/'))) {
            return std::nullopt;
        }
        const int d = sc.number(1, 2);
        return d < 0 ? std::nullopt : finish(sc, first, m, d);
    }
    if (sc.i <= 2 && (sc.peek() == u'/' || sc.peek() == u'.')) {
        // 3/15/2026 (month first) or 15.03.2026 (day first)
        const bool us = sc.take(u'/');
        if (!us) {
            sc.take(u'.');
        }
        const int second = sc.number(1, 2);
        if (second < 0 || !sc.take(us ? u'/' : u'.')) {
            return std::nullopt;
        }
        const qsizetype yearStart = sc.i;
        int y = sc.number(2, 4);
        if (y < 0) {
            return std::nullopt;
        }
        if (sc.i - yearStart == 2) {
            y += 2000;
        }
        return us ? finish(sc, y, first, second) : finish(sc, y, second, first);
    }
    return std::nullopt;
}

std::optional<qint64> OrderCsvValues::parseMoney(QStringView text, QString *currency)
{
    QStringView s = text.trimmed();
    bool negative = false;
    if (s.startsWith(u'(') && s.endsWith(u')')) {
        negative = true;
        s = s.mid(1, s.size() - 2).trimmed();
    }
    // Peel currency symbols and codes off both ends.
    QString code;
    auto peel = [&code](QStringView &v, bool front) {
        for (;;) {
            v = v.trimmed();
            if (v.isEmpty()) {
                return;
            }
            const QChar c = front ? v.front() : v.back();
            if (c == u'$') {
                code = code.isEmpty() ? QStringLiteral("USD") : code;
            } else if (c == u'£') {
                code = QStringLiteral("GBP");
            } else if (c == u'€') {
                code = QStringLiteral("EUR");
            } else if (c == u'¥' || c == QChar(0xffe5)) {
                code = QStringLiteral("JPY");
            } else if (c.isLetter()) {
                // "USD 12.00", "AU $12.00", "12,00 EUR": a run of letters.
                qsizetype n = 0;
                while (n < v.size() && (front ? v.at(n) : v.at(v.size() - 1 - n)).isLetter()) {
                    ++n;
                }
                const QStringView word = front ? v.left(n) : v.right(n);
                if (n == 3) {
                    code = word.toString().toUpper();
                }
                v = front ? v.mid(n) : v.left(v.size() - n);
                continue;
            } else {
                return;
            }
            v = front ? v.mid(1) : v.left(v.size() - 1);
        }
    };
    if (s.startsWith(u'-')) {
        negative = !negative;
        s = s.mid(1);
    }
    peel(s, true);
    peel(s, false);
    if (s.startsWith(u'-')) {
        negative = !negative;
        s = s.mid(1);
    }
    if (s.isEmpty()) {
        return std::nullopt;
    }
    const qsizetype lastDot = s.lastIndexOf(u'.');
    const qsizetype lastComma = s.lastIndexOf(u',');
    qsizetype decimal = -1;
    if (lastDot >= 0 && lastComma >= 0) {
        decimal = std::max(lastDot, lastComma);
    } else if (lastComma >= 0) {
        // "12,50" is a decimal comma; "1,234" and "1,234,567" group thousands.
        if (s.count(u',') == 1 && s.size() - lastComma - 1 <= 2) {
            decimal = lastComma;
        }
    } else if (lastDot >= 0 && s.count(u'.') == 1) {
        decimal = lastDot;
    }
    qint64 units = 0;
    qint64 cents = 0;
    int fractionDigits = 0;
    bool anyDigit = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s.at(i).unicode();
        if (c >= u'0' && c <= u'9') {
            anyDigit = true;
            if (decimal >= 0 && i > decimal) {
                if (fractionDigits < 2) {
                    cents = cents * 10 + (c - u'0');
                } else if (fractionDigits == 2 && c >= u'5') {
                    cents += 1; // round half up on the third digit
                }
                ++fractionDigits;
            } else {
                if (units > 100'000'000'000LL) {
                    return std::nullopt;
                }
                units = units * 10 + (c - u'0');
            }
        } else if (i == decimal) {
            continue;
        } else if ((c == u',' || c == u'.' || c == u' ' || c == u'\'' || c == 0xa0) && i != 0) {
            if (decimal >= 0 && i > decimal) {
                return std::nullopt;
            }
        } else {
            return std::nullopt;
        }
    }
    if (!anyDigit) {
        return std::nullopt;
    }
    if (fractionDigits == 1) {
        cents *= 10;
    }
    if (currency && !code.isEmpty()) {
        *currency = code;
    }
    const qint64 value = units * 100 + cents;
    return negative ? -value : value;
}

std::optional<int> OrderCsvValues::parseQuantity(QStringView text)
{
    const QStringView s = text.trimmed();
    bool ok = false;
    const int value = s.toInt(&ok);
    if (ok) {
        return value >= 0 ? std::optional<int>(value) : std::nullopt;
    }
    const double d = s.toDouble(&ok);
    if (ok && d >= 0 && d < 1e9 && d == double(qint64(d))) {
        return int(d);
    }
    return std::nullopt;
}

} // namespace waybill::commerce
