// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MimeLimits.h"
#include "MimeParseResult.h"

#include <QByteArray>
#include <QString>

namespace waybill::channels::email {

/// Cheap checks on raw bytes before GMime sees them, so that the parser's own recursion and memory stay bounded:
/// total size, the size of the top-level header block, and an upper bound on the number of container parts
/// (Content-Type lines naming multipart/* or message/*). Pure function, linear in the input.
class MimePreflight final {
public:
    /// Failure::None when the message may be parsed; otherwise the failure and a reason for people.
    static MimeParseResult::Failure check(const QByteArray &raw, const MimeLimits &limits, QString *reason);
};

} // namespace waybill::channels::email
