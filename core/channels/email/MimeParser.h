// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MimeLimits.h"
#include "MimeParseResult.h"

#include <QByteArray>

namespace waybill::channels::email {

/// The one adapter over GMime: turns a raw RFC 5322 message into a domain::IncomingMessage (threading ids,
/// decoded subject and addresses, text and HTML bodies converted from their charsets, attachments with decoded
/// names, inline cid: images, forwarded messages kept and summarised, bounces and auto-replies recognised,
/// marketplace relay channel set), or into a failure with a reason for quarantine. `account` is left empty for
/// the caller; `externalId` is the Message-ID, or "sha256:<hex>" of the raw bytes when there is none.
/// Stateless and thread-safe: call it from the engine thread or from a worker; it never crashes on malformed
/// input and its work is bounded by MimeLimits.
class MimeParser final {
public:
    static MimeParseResult parse(const QByteArray &raw, const MimeLimits &limits = {});
};

} // namespace waybill::channels::email
