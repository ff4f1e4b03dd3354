// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccountCommand.h"
#include "CredentialWait.h"
#include "SecretOptions.h"
#include "commerce/HttpJsonClient.h"
#include "domain/EbayAccount.h"
#include "engine/EbayAccountCheck.h"
#include "security/KeychainCredentialStore.h"
#include "storage/AccountRepository.h"
#include "storage/Database.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QUrl>

#include <optional>

namespace waybill::ctl {

int AccountCommand::addEbay(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    constexpr const char *command = "waybillctl account add ebay";
    domain::EbayAccount account;
    account.sellerUserId = parser.value(QStringLiteral("user")).trimmed();
    if (!domain::EbayAccount::isValidUserId(account.sellerUserId)) {
        err << command << ": give the seller's eBay user id with --user (as buyers see it, without spaces)" << Qt::endl;
        return 2;
    }
    account.appId = parser.value(QStringLiteral("app-id")).trimmed();
    if (account.appId.isEmpty()) {
        err << command
            << ": give your eBay application's App ID with --app-id (developer.ebay.com → Application "
               "Keys)"
            << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("site-id"))) {
        account.siteId = parser.value(QStringLiteral("site-id")).trimmed();
        if (!domain::EbayAccount::isValidSiteId(account.siteId)) {
            err << command << ": --site-id is eBay's number for the site, e.g. 0 (US), 3 (UK), 77 (Germany)"
                << Qt::endl;
            return 2;
        }
    }
    account.tradingUrl = parser.value(QStringLiteral("base-url")).trimmed();
    account.tokenUrl = parser.value(QStringLiteral("token-url")).trimmed();
    for (const auto &[url, option] : { std::pair { account.tradingEndpoint(), QStringLiteral("base-url") },
             std::pair { account.tokenEndpoint(), QStringLiteral("token-url") } }) {
        if (const QString problem = commerce::HttpJsonClient::urlProblem(url); !problem.isEmpty()) {
            err << command << ": --" << option << ' ' << problem << Qt::endl;
            return 2;
        }
    }
    account.syncSince = QDateTime::currentDateTimeUtc().addDays(-30).toString(Qt::ISODate);
    if (parser.isSet(QStringLiteral("since"))) {
        const QDateTime since = QDateTime::fromString(parser.value(QStringLiteral("since")).trimmed(), Qt::ISODate);
        if (!since.isValid()) {
            err << command << ": --since is a date such as 2026-01-31 or 2026-01-31T00:00:00Z" << Qt::endl;
            return 2;
        }
        account.syncSince = since.toUTC().toString(Qt::ISODate);
    }
    const QString refreshToken = secretFromEnvironment(parser, QStringLiteral("refresh-token-env"));
    const QString certId = secretFromEnvironment(parser, QStringLiteral("cert-id-env"));
    if (refreshToken.isEmpty() || certId.isEmpty()) {
        err << command
            << ": give --refresh-token-env VAR and --cert-id-env VAR naming environment variables that "
               "hold the seller's OAuth refresh token and your application's Cert ID (they are stored in "
               "the system keychain, never in the workspace)"
            << Qt::endl;
        return 2;
    }
    account.id = domain::EbayAccount::idFor(account.sellerUserId);
    account.name = parser.isSet(QStringLiteral("name")) ? parser.value(QStringLiteral("name")) : account.sellerUserId;
    const auto database = CtlCommand::workspace(parser).openDatabase(QStringLiteral("ctl"));
    // The keychain first: an account without its secrets would only fail later.
    if (!keepSecret(account.id, refreshToken, command, err)
        || !keepSecret(domain::EbayAccount::certIdKey(account.id), certId, command, err)) {
        return 1;
    }
    storage::AccountRepository(*database).saveEbayAccount(account, QDateTime::currentSecsSinceEpoch());
    out << "Added " << account.id << " (Trading API at " << account.tradingEndpoint().toString() << ", site "
        << account.siteId << ", buyer messages since " << account.syncSince << ")" << Qt::endl;
    return 0;
}

int AccountCommand::testEbay(
    const QCommandLineParser &parser, const QString &id, int timeoutSeconds, QTextStream &out, QTextStream &err) const
{
    std::optional<domain::EbayAccount> account;
    {
        const auto database = CtlCommand::workspace(parser).openDatabase(QStringLiteral("ctl"));
        for (const domain::EbayAccount &candidate : storage::AccountRepository(*database).ebayAccounts()) {
            if (candidate.id == id) {
                account = candidate;
            }
        }
    }
    if (!account) {
        err << "waybillctl account test: " << id << " is not an eBay account of this workspace (see account list)"
            << Qt::endl;
        return 1;
    }
    security::KeychainCredentialStore keychain;
    QString error;
    const auto refreshToken = waitForCredential(keychain.read(account->id, nullptr), &error);
    const auto certId = waitForCredential(keychain.read(domain::EbayAccount::certIdKey(account->id), nullptr), &error);
    if (!refreshToken || refreshToken->isEmpty() || !certId || certId->isEmpty()) {
        err << "waybillctl account test: " << account->label() << ": the refresh token or the Cert ID is not in the "
            << "keychain" << (error.isEmpty() ? QString() : QStringLiteral(" (") + error + u')')
            << "; add the account again" << Qt::endl;
        return 1;
    }
    QNetworkAccessManager network;
    engine::EbayAccountCheck check(network, *account, *refreshToken, *certId, timeoutSeconds * 1000);
    int result = 1;
    QObject::connect(&check, &engine::EbayAccountCheck::succeeded, &check, [&](const QString &officialTime) {
        out << "Connected: " << account->label() << " (site " << account->siteId << "), eBay's time " << officialTime
            << Qt::endl;
        result = 0;
        QCoreApplication::quit();
    });
    QObject::connect(&check, &engine::EbayAccountCheck::failed, &check, [&](const QString &message) {
        err << "waybillctl account test: " << message << Qt::endl;
        QCoreApplication::quit();
    });
    QTimer::singleShot(0, &check, &engine::EbayAccountCheck::start);
    QCoreApplication::exec();
    return result;
}

} // namespace waybill::ctl
