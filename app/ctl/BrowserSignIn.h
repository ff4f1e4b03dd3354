// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/OAuthError.h"
#include "security/OAuthProvider.h"
#include "security/OAuthTokens.h"

#include <QTextStream>
#include <QUrl>

#include <optional>

namespace waybill::ctl {

/// Signs in with OAuth2 from the command line (security::OAuthSignIn): prints the authorization URL on `err`,
/// opens it in the desktop's browser (xdg-open, open or start) when `openBrowser` is true, and runs the event
/// loop until the browser comes back to the loopback redirect or the sign-in fails (command-line use: nothing
/// else is running). Returns the tokens, or std::nullopt with `error` set. Stores nothing.
std::optional<security::OAuthTokens> signInWithBrowser(
    const security::OAuthProvider &provider, bool openBrowser, QTextStream &err, security::OAuthError *error);

/// Starts the desktop's opener for `url` without waiting for it; false when there is none.
bool openInDesktopBrowser(const QUrl &url);

} // namespace waybill::ctl
