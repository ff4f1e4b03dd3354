// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/IncomingMessage.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace waybill::channels::email {

/// What MimeParser made of one raw message: the normalised message, or why it must be quarantined. Either way it
/// carries the SHA-256 of the raw bytes (the dedupe key when there is no Message-ID, and the quarantine key).
/// Value type.
struct MimeParseResult {
    /// Why a message was not parsed.
    enum class Failure {
        None,
        Empty, ///< no bytes, or nothing that looks like a message
        TooLarge, ///< beyond MimeLimits::maxMessageBytes
        HeadersTooLarge, ///< a header block beyond MimeLimits::maxHeaderBytes
        TooDeep, ///< nesting beyond MimeLimits::maxDepth
        TooManyParts, ///< beyond MimeLimits::maxParts
        Unparseable, ///< GMime could not build a message
    };

    std::optional<domain::IncomingMessage> message; ///< set exactly when failure is None
    Failure failure = Failure::None;
    QString failureReason; ///< for people ("MIME nesting deeper than 24 levels"); empty on success
    QString sha256; ///< lower-case hex SHA-256 of the raw bytes

    bool ok() const { return failure == Failure::None && message.has_value(); }
};

} // namespace waybill::channels::email
