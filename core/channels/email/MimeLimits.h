// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace waybill::channels::email {

/// Bounds on what MimeParser accepts; a message beyond any of them is quarantined with the reason instead of
/// parsed, so that one hostile or broken message never stops a sync. Value type.
struct MimeLimits {
    qsizetype maxMessageBytes = 64 * 1024 * 1024; ///< the raw message
    int maxDepth = 24; ///< nesting of multiparts and attached messages
    int maxParts = 1000; ///< MIME entities in the whole message
    qsizetype maxHeaderBytes = 512 * 1024; ///< the header block of the message or of any part
};

} // namespace waybill::channels::email
