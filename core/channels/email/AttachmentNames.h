// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::channels::email {

/// File names for attachments that are safe to show and to save: the sender's name stripped of directories and
/// control characters, or a made-up one ("attachment-2.pdf") when the sender gave none. Pure functions.
class AttachmentNames final {
public:
    /// The last path component of `name` without control characters, trimmed; empty when nothing usable is left.
    static QString sanitize(const QString &name);
    /// "attachment-<number>.<extension for mimeType>", or "message-<number>.eml" for message/rfc822.
    static QString madeUp(const QString &mimeType, int number);
    /// A file name from a forwarded message's subject ("Re: order 42.eml"), or a made-up one.
    static QString forMessage(const QString &subject, int number);
};

} // namespace waybill::channels::email
