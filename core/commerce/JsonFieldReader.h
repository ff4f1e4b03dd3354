// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace waybill::commerce {

/// Reads typed fields of one JSON object of a store's API answer (Shopify, WooCommerce, Amazon) and remembers the
/// first problem, named by its path ("orders[2].total_price is not an amount: \"abc\""), in the caller's `error`.
/// Strict about types, lenient about null and missing optional fields. A plain value; any thread.
class JsonFieldReader final {
public:
    /// `where` prefixes the names in messages ("orders[2]"); `error` (may be null) receives the first problem.
    JsonFieldReader(QJsonObject object, QString where, QString *error);

    bool ok() const { return m_ok; }
    /// `key` below this object's path.
    QString path(const QString &key) const;
    /// Records a problem with `key` ("is missing"); returns false.
    bool problem(const QString &key, const QString &what);
    bool isNull(const QString &key) const;
    /// Marks this object as wrong because a reader of a nested object already reported the problem.
    void nestedFailed() { m_ok = false; }

    /// A non-negative integer id; missing or anything else is a problem.
    qint64 id(const QString &key);
    /// A string, or empty for null or missing when not required.
    QString text(const QString &key, bool required = false);
    /// Epoch seconds of an ISO 8601 time ("2008-01-10T11:00:00-05:00"; one without a zone is read as `zone`),
    /// 0 for null or missing when not required; `raw` receives the text as written.
    qint64 time(const QString &key, bool required = false, QString *raw = nullptr, Qt::TimeSpec zone = Qt::LocalTime);
    /// A decimal amount (a string "598.94" or a JSON number) in minor units of `currency`; 0 for null or missing
    /// when not required.
    qint64 money(const QString &key, const QString &currency, bool required = false);
    /// A whole number; anything else is a problem.
    int integer(const QString &key);
    /// An array, empty for null or missing.
    QJsonArray array(const QString &key);
    /// An object, empty for null or missing.
    QJsonObject object(const QString &key);

    /// A short description of a value for messages ("null", "a list", "\"abc\"").
    static QString shown(const QJsonValue &value);
    /// A decimal amount ("598.94") in minor units of `currency` (two decimals unless the currency has none or
    /// three), exactly, without floating point; nothing when it is not a decimal number.
    static std::optional<qint64> minorUnits(const QString &amount, const QString &currency);
    /// The reverse of minorUnits(): 4194 USD is "41.94", 1000 JPY is "1000", -500 USD is "-5.00".
    static QString decimal(qint64 minorUnits, const QString &currency);

private:
    QJsonObject m_object;
    QString m_where;
    QString *m_error;
    bool m_ok = true;
};

} // namespace waybill::commerce
