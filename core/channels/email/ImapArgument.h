// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace waybill::channels::email {

/// One argument of a command for ImapCodec::formatCommand: an atom written as is (`UID`, `(\Seen)`, `1:*`), or a
/// string that the codec quotes or sends as a literal when quoting cannot carry it. A plain value type.
struct ImapArgument final {
    enum class Type {
        Atom,
        String,
    };

    Type type = Type::Atom;
    QByteArray bytes;

    static ImapArgument atom(QByteArray text);
    static ImapArgument string(QByteArray text);
    static ImapArgument string(const QString &text); ///< UTF-8
    /// A mailbox name in modified UTF-7 (RFC 3501 §5.1.3), quoted as needed.
    static ImapArgument mailbox(const QString &name);
};

} // namespace waybill::channels::email
