// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapValue.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace waybill::channels::email {

/// One complete server response as ImapCodec parses it. A plain value type.
///
/// - `* OK [UIDVALIDITY 3857529045] UIDs valid` → Untagged, status Ok, code "UIDVALIDITY", codeArgs [3857529045]
/// - `* 12 FETCH (UID 40 FLAGS (\Seen))` → Untagged, number 12, name "FETCH", values [(UID 40 FLAGS (\Seen))]
/// - `* CAPABILITY IMAP4rev1 IDLE` → Untagged, name "CAPABILITY", values [IMAP4rev1, IDLE]
/// - `A3 NO [AUTHENTICATIONFAILED] bad` → Tagged, tag "A3", status No, code "AUTHENTICATIONFAILED"
/// - `+ idling` → Continuation, text "idling"
struct ImapResponse final {
    enum class Kind {
        Tagged,
        Untagged,
        Continuation,
    };
    enum class Status {
        None, ///< not a status response (data such as FETCH, CAPABILITY, EXISTS)
        Ok,
        No,
        Bad,
        PreAuth,
        Bye,
    };

    Kind kind = Kind::Untagged;
    QByteArray tag;
    Status status = Status::None;
    std::optional<quint32> number; ///< the message number of `* n EXISTS|EXPUNGE|RECENT|FETCH`
    QByteArray name; ///< upper-case keyword: OK, NO, FETCH, EXISTS, CAPABILITY, FLAGS, SEARCH, …
    QByteArray code; ///< upper-case response code inside [ ], if any
    QList<ImapValue> codeArgs;
    QByteArray text; ///< human-readable text of status responses and continuations
    QList<ImapValue> values; ///< the data after the name for non-status responses

    bool isTagged() const { return kind == Kind::Tagged; }
    bool isUntagged(QByteArrayView keyword) const;
    /// The first code argument as a number, for [UIDVALIDITY n], [UIDNEXT n] and the like.
    std::optional<quint32> codeNumber() const;
};

} // namespace waybill::channels::email
