// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::channels::chat {

/// A visitor's message as the gateway hands it to the engine: which session, the widget's id for it (the same
/// when it is sent again after a reconnect) and what the visitor told about themselves. Value type.
struct ChatIncoming {
    QString account; ///< the chat account ("chat:shop")
    QString session;
    QString clientId;
    QString text;
    QString name;
    QString email; ///< lower case
    QString phone;
    QString orderNumber;
    QString page; ///< the page the widget was on
    qint64 receivedAtMs = 0; ///< when the gateway read it (epoch milliseconds)
};

/// The engine's answer for one ChatIncoming.
enum class ChatStored {
    Stored, ///< committed: the visitor gets an acknowledgement
    Duplicate, ///< stored before (the widget sent it again): acknowledged again
    Failed, ///< not stored (the database refused): the widget keeps it and sends it again
};

} // namespace waybill::channels::chat
