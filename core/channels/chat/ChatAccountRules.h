// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ChatAccount.h"

#include <QString>

namespace waybill::channels::chat {

/// What a chat account must hold before it is saved, for `waybillctl account add chat` and the desktop's accounts
/// dialog alike: allowed origins that are origins, a listen address with a port, an http(s) public URL, and TLS files
/// that load. Each check returns a sentence for people naming what is wrong, or an empty string. Stateless.
class ChatAccountRules final {
public:
    ChatAccountRules() = delete;

    /// "https://shop.example" (scheme http or https, a host, no path); else why not.
    static QString originProblem(const QString &origin);
    /// "127.0.0.1:8090" with a port other than 0; else why not.
    static QString listenProblem(const QString &listen);
    /// Empty, or an http(s) address with a host; else why not.
    static QString publicUrlProblem(const QString &publicUrl);
    /// Both files empty (plain HTTP behind a TLS proxy), or both given and loading as a PEM certificate and key.
    static QString tlsProblem(const QString &certificateFile, const QString &keyFile);
    /// The first problem of the account's name, origins, listen address, public URL and TLS files; empty when none.
    static QString problem(const domain::ChatAccount &account);
    /// The address the widget is served at: the public URL, else the listen address (https with TLS files).
    static QString widgetBase(const domain::ChatAccount &account);
};

} // namespace waybill::channels::chat
