// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapAccountConfig.h"
#include "SmtpAccountConfig.h"
#include "domain/EmailAccount.h"

#include <QString>

#include <optional>

namespace waybill::channels::email {

/// The IMAP and SMTP client configurations of an e-mail account: its server addresses parsed (with the
/// plain-only-on-loopback rule), its user name, the secret (a password, or an access token for OAuth accounts,
/// which sign in with XOAUTH2). The one place that maps an account to its servers.
class EmailAccountServers final {
public:
    /// std::nullopt with `error` set (for people) when the account's IMAP address is unusable.
    static std::optional<ImapAccountConfig> imap(
        const domain::EmailAccount &account, const QString &secret, QString *error);
    /// std::nullopt with `error` set (for people) when the account's SMTP address is unusable.
    static std::optional<SmtpAccountConfig> smtp(
        const domain::EmailAccount &account, const QString &secret, QString *error);
};

} // namespace waybill::channels::email
