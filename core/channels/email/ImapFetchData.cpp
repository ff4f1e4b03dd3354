// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapFetchData.h"

#include <QTimeZone>

#include <limits>

namespace waybill::channels::email {

std::optional<ImapFetchData> ImapFetchData::fromResponse(const ImapResponse &response)
{
    if (!response.isUntagged("FETCH") || !response.number || response.values.size() != 1
        || !response.values.first().isList()) {
        return std::nullopt;
    }
    ImapFetchData data;
    data.sequenceNumber = *response.number;
    const QList<ImapValue> &items = response.values.first().list;
    for (qsizetype i = 0; i + 1 < items.size(); i += 2) {
        const ImapValue &key = items.at(i);
        const ImapValue &value = items.at(i + 1);
        if (key.type != ImapValue::Type::Atom) {
            return std::nullopt;
        }
        if (key.isAtom("UID") && value.isNumber() && value.number <= std::numeric_limits<quint32>::max()) {
            data.uid = static_cast<quint32>(value.number);
        } else if (key.isAtom("FLAGS") && value.isList()) {
            QByteArrayList flags;
            for (const ImapValue &flag : value.list) {
                flags.append(flag.toBytes());
            }
            data.flags = flags;
        } else if (key.isAtom("RFC822.SIZE") && value.isNumber()) {
            data.size = static_cast<qint64>(value.number);
        } else if (key.isAtom("INTERNALDATE")) {
            data.internalDate = parseInternalDate(value.toBytes());
        } else if (key.isAtom("RFC822") || key.bytes.toUpper().startsWith("BODY[]")) {
            data.body = value.type == ImapValue::Type::Nil ? QByteArray() : value.toBytes();
        }
    }
    return data;
}

QDateTime ImapFetchData::parseInternalDate(QByteArrayView text)
{
    // dd-Mon-yyyy hh:mm:ss +zzzz (the day may be space-padded)
    const QByteArray trimmed = text.trimmed().toByteArray();
    const QList<QByteArray> parts = trimmed.split(' ');
    if (parts.size() != 3) {
        return {};
    }
    const QList<QByteArray> date = parts.at(0).split('-');
    const QList<QByteArray> time = parts.at(1).split(':');
    const QByteArray &zone = parts.at(2);
    if (date.size() != 3 || time.size() != 3 || zone.size() != 5) {
        return {};
    }
    static const QByteArrayList months { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
        "DEC" };
    const int month = static_cast<int>(months.indexOf(date.at(1).toUpper())) + 1;
    const QDate day(date.at(2).toInt(), month, date.at(0).toInt());
    const QTime clock(time.at(0).toInt(), time.at(1).toInt(), time.at(2).toInt());
    bool ok = false;
    const int hhmm = zone.mid(1).toInt(&ok);
    if (month == 0 || !day.isValid() || !clock.isValid() || !ok || (zone.at(0) != '+' && zone.at(0) != '-')) {
        return {};
    }
    const int offset = (zone.at(0) == '-' ? -1 : 1) * ((hhmm / 100) * 3600 + (hhmm % 100) * 60);
    return QDateTime(day, clock, QTimeZone(offset)).toUTC();
}

} // namespace waybill::channels::email
