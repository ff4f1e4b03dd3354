// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EmailAccountServers.h"

#include "channels/ServerAddress.h"

namespace waybill::channels::email {

namespace {

/// Fills what both protocols' configurations have in common.
template <typename Config>
std::optional<Config> configFor(const domain::EmailAccount &account, const QString &url, const QString &protocol,
    const QString &secret, QString *error)
{
    const ServerAddress server = ServerAddress::parse(url, protocol, error);
    if (server.host.isEmpty()) {
        return std::nullopt;
    }
    Config config;
    config.accountId = account.id;
    config.host = server.host;
    config.port = server.port;
    config.security = server.security;
    config.username = account.username;
    config.secret = secret;
    config.authMethod = account.auth == domain::EmailAccount::Auth::Password ? Config::AuthMethod::Automatic
                                                                             : Config::AuthMethod::XOAuth2;
    return config;
}

} // namespace

std::optional<ImapAccountConfig> EmailAccountServers::imap(
    const domain::EmailAccount &account, const QString &secret, QString *error)
{
    return configFor<ImapAccountConfig>(account, account.imapUrl, QStringLiteral("imap"), secret, error);
}

std::optional<SmtpAccountConfig> EmailAccountServers::smtp(
    const domain::EmailAccount &account, const QString &secret, QString *error)
{
    return configFor<SmtpAccountConfig>(account, account.smtpUrl, QStringLiteral("smtp"), secret, error);
}

} // namespace waybill::channels::email
