// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace waybill::channels::chat {

/// One frame from a visitor's chat widget, decoded and checked: the codec of the chat protocol (JSON text frames
/// over WebSocket), with no I/O. What a visitor sends:
///   {"type":"hello","session":"<16–64 of A–Z a–z 0–9 _ ->","lastSeen":<reply id>,"page":"<url>"}
///   {"type":"message","id":"<the widget's message id>","text":"…","name":"…","email":"…","phone":"…","order":"…"}
///   {"type":"typing","on":true}
///   {"type":"seen","id":<reply id>}
/// What the gateway sends back is made by the to*() functions. Value type.
struct ChatFrame {
    enum class Type {
        Invalid, ///< `error` says why, for the visitor
        Hello,
        Message,
        Typing,
        Seen,
    };
    /// Why a frame was refused; the code the widget reads in an error frame.
    enum class Error {
        None,
        BadJson,
        BadFrame,
        TooLong,
    };

    Type type = Type::Invalid;
    Error error = Error::None;
    QString errorMessage; ///< for people, when invalid
    QString session; ///< hello
    qint64 lastSeen = 0; ///< hello: the newest reply the widget has shown; seen: the reply shown
    QString page; ///< hello: where the widget is
    QString clientId; ///< message: the widget's id of the message, the same when it sends it again; also set on a
                      ///< message refused for its length
    QString text; ///< message (trimmed, not empty)
    QString name; ///< message, optional
    QString email; ///< message, optional, lower case, checked to look like an address
    QString phone; ///< message, optional, as typed
    QString orderNumber; ///< message, optional
    bool typing = false; ///< typing

    /// Longest message text, in characters (the composer's limit too).
    static constexpr int MaxTextLength = 4000;
    /// Longest name, e-mail, phone, order number, page and ids, in characters.
    static constexpr int MaxFieldLength = 256;
    /// Deepest JSON nesting accepted (frames are flat objects).
    static constexpr int MaxDepth = 2;

    static ChatFrame parse(const QByteArray &utf8Json);
    /// The wire name of an error ("bad_json", "bad_frame", "too_long").
    static QString errorCode(Error error);
};

} // namespace waybill::channels::chat
