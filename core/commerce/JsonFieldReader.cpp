// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonFieldReader.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>
#include <utility>

namespace waybill::commerce {

namespace {

int decimalsOf(const QString &currency)
{
    static const QStringList none { QStringLiteral("BIF"), QStringLiteral("CLP"), QStringLiteral("DJF"),
        QStringLiteral("GNF"), QStringLiteral("ISK"), QStringLiteral("JPY"), QStringLiteral("KMF"),
        QStringLiteral("KRW"), QStringLiteral("PYG"), QStringLiteral("RWF"), QStringLiteral("UGX"),
        QStringLiteral("UYI"), QStringLiteral("VND"), QStringLiteral("VUV"), QStringLiteral("XAF"),
        QStringLiteral("XOF"), QStringLiteral("XPF") };
    static const QStringList three { QStringLiteral("BHD"), QStringLiteral("IQD"), QStringLiteral("JOD"),
        QStringLiteral("KWD"), QStringLiteral("LYD"), QStringLiteral("OMR"), QStringLiteral("TND") };
    const QString code = currency.toUpper();
    return none.contains(code) ? 0 : three.contains(code) ? 3 : 2;
}

} // namespace

QString JsonFieldReader::decimal(qint64 minorUnits, const QString &currency)
{
    const int decimals = decimalsOf(currency);
    const bool negative = minorUnits < 0;
    QString digits = QString::number(negative ? -minorUnits : minorUnits).rightJustified(decimals + 1, u'0');
    if (decimals > 0) {
        digits.insert(digits.size() - decimals, u'.');
    }
    return negative ? u'-' + digits : digits;
}

JsonFieldReader::JsonFieldReader(QJsonObject object, QString where, QString *error)
    : m_object(std::move(object))
    , m_where(std::move(where))
    , m_error(error)
{
}

QString JsonFieldReader::path(const QString &key) const
{
    return m_where.isEmpty() ? key : m_where + u'.' + key;
}

bool JsonFieldReader::problem(const QString &key, const QString &what)
{
    if (m_ok && m_error) {
        *m_error = path(key) + u' ' + what;
    }
    m_ok = false;
    return false;
}

bool JsonFieldReader::isNull(const QString &key) const
{
    const QJsonValue v = m_object.value(key);
    return v.isNull() || v.isUndefined();
}

qint64 JsonFieldReader::id(const QString &key)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined()) {
        problem(key, QStringLiteral("is missing"));
        return 0;
    }
    if (!v.isDouble() || v.toInteger(-1) < 0) {
        problem(key, QStringLiteral("is not an id: ") + shown(v));
        return 0;
    }
    return v.toInteger();
}

QString JsonFieldReader::text(const QString &key, bool required)
{
    const QJsonValue v = m_object.value(key);
    if (v.isString()) {
        return v.toString();
    }
    if (v.isNull() || v.isUndefined()) {
        if (required) {
            problem(key, QStringLiteral("is missing"));
        }
        return {};
    }
    problem(key, QStringLiteral("is not text: ") + shown(v));
    return {};
}

qint64 JsonFieldReader::time(const QString &key, bool required, QString *raw, Qt::TimeSpec zone)
{
    const QString value = text(key, required);
    if (raw) {
        *raw = value;
    }
    if (value.isEmpty()) {
        return 0;
    }
    QDateTime at = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!at.isValid()) {
        problem(key, QStringLiteral("is not a date: \"%1\"").arg(value.left(40)));
        return 0;
    }
    if (zone == Qt::UTC && at.timeSpec() == Qt::LocalTime) {
        at.setTimeSpec(Qt::UTC); // written without a zone, meant as UTC (WooCommerce's *_gmt fields)
    }
    return at.toSecsSinceEpoch();
}

qint64 JsonFieldReader::money(const QString &key, const QString &currency, bool required)
{
    const QJsonValue v = m_object.value(key);
    if ((v.isNull() || v.isUndefined()) && !required) {
        return 0;
    }
    const QString value = v.isDouble() ? QString::number(v.toDouble(), 'f', 3) : text(key, required);
    if (!m_ok) {
        return 0;
    }
    const std::optional<qint64> cents = minorUnits(value, currency);
    if (!cents) {
        problem(key, QStringLiteral("is not an amount: \"%1\"").arg(value.left(40)));
        return 0;
    }
    return *cents;
}

int JsonFieldReader::integer(const QString &key)
{
    const QJsonValue v = m_object.value(key);
    if (!v.isDouble()) {
        problem(key, QStringLiteral("is not a number: ") + shown(v));
        return 0;
    }
    return int(v.toInteger());
}

QJsonArray JsonFieldReader::array(const QString &key)
{
    const QJsonValue v = m_object.value(key);
    if (v.isArray()) {
        return v.toArray();
    }
    if (!v.isNull() && !v.isUndefined()) {
        problem(key, QStringLiteral("is not a list: ") + shown(v));
    }
    return {};
}

QJsonObject JsonFieldReader::object(const QString &key)
{
    const QJsonValue v = m_object.value(key);
    if (v.isObject()) {
        return v.toObject();
    }
    if (!v.isNull() && !v.isUndefined()) {
        problem(key, QStringLiteral("is not an object: ") + shown(v));
    }
    return {};
}

QString JsonFieldReader::shown(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Undefined:
        return QStringLiteral("missing");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble());
    case QJsonValue::String:
        return u'"' + v.toString().left(40) + u'"';
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    }
    return {};
}

std::optional<qint64> JsonFieldReader::minorUnits(const QString &amount, const QString &currency)
{
    QString text = amount.trimmed();
    bool negative = false;
    if (text.startsWith(u'-')) {
        negative = true;
        text.remove(0, 1);
    }
    const qsizetype dot = text.indexOf(u'.');
    const QString whole = dot < 0 ? text : text.left(dot);
    QString fraction = dot < 0 ? QString() : text.mid(dot + 1);
    const int decimals = decimalsOf(currency);
    auto digitsOnly = [](const QString &s) {
        return std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c.unicode() >= '0' && c.unicode() <= '9'; });
    };
    if (whole.isEmpty() || whole.size() > 15 || !digitsOnly(whole) || !digitsOnly(fraction)) {
        return std::nullopt;
    }
    // Digits beyond the currency's minor unit must be zeros ("1000.00" yen is 1000).
    while (fraction.size() > decimals) {
        if (!fraction.endsWith(u'0')) {
            return std::nullopt;
        }
        fraction.chop(1);
    }
    fraction = fraction.leftJustified(decimals, u'0');
    qint64 value = whole.toLongLong();
    for (int i = 0; i < decimals; ++i) {
        value *= 10;
    }
    value += fraction.isEmpty() ? 0 : fraction.toLongLong();
    return negative ? -value : value;
}

} // namespace waybill::commerce
