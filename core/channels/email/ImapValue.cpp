// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapValue.h"

namespace waybill::channels::email {

ImapValue ImapValue::atom(QByteArray text)
{
    ImapValue value;
    value.type = Type::Atom;
    value.bytes = std::move(text);
    return value;
}

ImapValue ImapValue::string(QByteArray text)
{
    ImapValue value;
    value.type = Type::String;
    value.bytes = std::move(text);
    return value;
}

ImapValue ImapValue::numberValue(quint64 number)
{
    ImapValue value;
    value.type = Type::Number;
    value.number = number;
    value.bytes = QByteArray::number(number);
    return value;
}

ImapValue ImapValue::nil()
{
    return {};
}

ImapValue ImapValue::listOf(QList<ImapValue> items)
{
    ImapValue value;
    value.type = Type::List;
    value.list = std::move(items);
    return value;
}

bool ImapValue::isAtom(QByteArrayView name) const
{
    return type == Type::Atom && QByteArrayView(bytes).compare(name, Qt::CaseInsensitive) == 0;
}

QByteArray ImapValue::toBytes() const
{
    switch (type) {
    case Type::Atom:
    case Type::String:
    case Type::Number:
        return bytes;
    case Type::Nil:
    case Type::List:
        break;
    }
    return {};
}

} // namespace waybill::channels::email
