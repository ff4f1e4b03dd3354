// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapArgument.h"

#include "ImapCodec.h"

namespace waybill::channels::email {

ImapArgument ImapArgument::atom(QByteArray text)
{
    return { Type::Atom, std::move(text) };
}

ImapArgument ImapArgument::string(QByteArray text)
{
    return { Type::String, std::move(text) };
}

ImapArgument ImapArgument::string(const QString &text)
{
    return { Type::String, text.toUtf8() };
}

ImapArgument ImapArgument::mailbox(const QString &name)
{
    return { Type::String, ImapCodec::encodeMailboxName(name) };
}

} // namespace waybill::channels::email
