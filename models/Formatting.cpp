// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Formatting.h"

#include <QDateTime>
#include <QLocale>

namespace waybill::models {

QString Formatting::money(qint64 cents, const QString &currency)
{
    const QString code = currency.toUpper();
    const QLocale locale(QLocale::English, QLocale::UnitedStates);
    if (code == QLatin1String("JPY")) {
        return QStringLiteral("¥") + locale.toString(cents / 100);
    }
    const QString amount = locale.toString(static_cast<double>(cents) / 100.0, 'f', 2);
    if (code == QLatin1String("USD") || code.isEmpty()) {
        return QStringLiteral("$") + amount;
    }
    if (code == QLatin1String("EUR")) {
        return QStringLiteral("€") + amount;
    }
    if (code == QLatin1String("GBP")) {
        return QStringLiteral("£") + amount;
    }
    if (code == QLatin1String("CNY")) {
        return QStringLiteral("CN¥") + amount;
    }
    return amount + QLatin1Char(' ') + code;
}

QString Formatting::dateTime(qint64 epochSeconds)
{
    if (epochSeconds <= 0) {
        return {};
    }
    const QDateTime when = QDateTime::fromSecsSinceEpoch(epochSeconds);
    const bool thisYear = when.date().year() == QDate::currentDate().year();
    return QLocale(QLocale::English)
        .toString(when, thisYear ? QStringLiteral("MMM d, HH:mm") : QStringLiteral("MMM d yyyy, HH:mm"));
}

QString Formatting::date(qint64 epochSeconds)
{
    if (epochSeconds <= 0) {
        return {};
    }
    const QDate when = QDateTime::fromSecsSinceEpoch(epochSeconds).date();
    const bool thisYear = when.year() == QDate::currentDate().year();
    return QLocale(QLocale::English).toString(when, thisYear ? QStringLiteral("MMM d") : QStringLiteral("MMM d yyyy"));
}

QString Formatting::fileSize(qint64 bytes)
{
    if (bytes < 1024) {
        return QStringLiteral("%1 B").arg(bytes);
    }
    if (bytes < 1024 * 1024) {
        return QStringLiteral("%1 KB").arg((bytes + 512) / 1024);
    }
    return QStringLiteral("%1 MB").arg(static_cast<double>(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

} // namespace waybill::models
