// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::channels::email {

/// Decodes a text/plain body sent with format=flowed (RFC 3676) into the lines its writer meant: a line ending in
/// a space is a soft break and joins the next line of the same quote depth into one paragraph (with DelSp=yes
/// that space is the sender's and goes; without it, it stays between the words); the space that stuffs a line
/// beginning with a space, ">" or "From " goes; the signature separator "-- " is never joined; each paragraph
/// keeps its quote depth, written back as that many ">" and one space. A line whose quote depth differs from the
/// paragraph it would join ends that paragraph instead (RFC 3676 §4.5). Line ends come back as the input had them
/// (CRLF or LF). Pure function, safe on any thread, linear in the input.
class FlowedText final {
public:
    static QString decode(const QString &text, bool delSp);
};

} // namespace waybill::channels::email
