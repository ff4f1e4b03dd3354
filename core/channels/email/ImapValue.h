// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace waybill::channels::email {

/// One token of an IMAP response: an atom, a number, a string (quoted or literal), NIL, or a parenthesised list.
/// A plain value type; thread-agnostic.
struct ImapValue final {
    enum class Type {
        Atom,
        Number,
        String,
        Nil,
        List,
    };

    Type type = Type::Nil;
    QByteArray bytes; ///< atom text or string contents (a literal's bytes unchanged)
    quint64 number = 0;
    QList<ImapValue> list;

    static ImapValue atom(QByteArray text);
    static ImapValue string(QByteArray text);
    static ImapValue numberValue(quint64 value);
    static ImapValue nil();
    static ImapValue listOf(QList<ImapValue> items);

    bool isAtom(QByteArrayView name) const; ///< case-insensitive
    bool isList() const { return type == Type::List; }
    bool isNumber() const { return type == Type::Number; }
    /// Atom, number and string as bytes; NIL and lists give an empty array.
    QByteArray toBytes() const;
};

} // namespace waybill::channels::email
