// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccountCommand.h"

#include "BrowserSignIn.h"
#include "CredentialWait.h"
#include "SecretOptions.h"
#include "channels/ServerAddress.h"
#include "channels/chat/ChatAccountRules.h"
#include "channels/email/EmailProviderPreset.h"
#include "channels/sms/PhoneNumber.h"
#include "commerce/HttpJsonClient.h"
#include "commerce/TrackingProviderApi.h"
#include "domain/AmazonAccount.h"
#include "domain/EbayAccount.h"
#include "domain/WooCommerceAccount.h"
#include "engine/TwilioAccountCheck.h"
#include "security/KeychainCredentialStore.h"
#include "security/OAuthProvider.h"
#include "storage/AccountRepository.h"
#include "storage/Database.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <utility>

namespace waybill::ctl {

namespace {

QString authLabel(domain::EmailAccount::Auth auth)
{
    switch (auth) {
    case domain::EmailAccount::Auth::OAuthGmail:
        return QStringLiteral("  sign-in Google");
    case domain::EmailAccount::Auth::OAuthMicrosoft:
        return QStringLiteral("  sign-in Microsoft");
    case domain::EmailAccount::Auth::Password:
        break;
    }
    return {};
}

} // namespace

QString AccountCommand::name() const
{
    return QStringLiteral("account");
}

QString AccountCommand::summary() const
{
    return QStringLiteral(
        "Add, list or remove channel accounts: account add email --address A --imap URL --smtp URL "
        "--user U (--password-env VAR | --oauth gmail|microsoft [--no-browser]) | account add shopify "
        "--shop NAME.myshopify.com --token-env VAR [--api-version V] [--base-url URL] | account add woocommerce "
        "--base-url URL --consumer-key-env VAR --consumer-secret-env VAR | account add amazon --base-url URL "
        "[--lwa-url URL] --client-id ID --marketplace ID[,ID] --refresh-token-env VAR --client-secret-env VAR "
        "[--since DATE] | account add ebay --user SELLER --app-id ID --cert-id-env VAR --refresh-token-env VAR "
        "[--site-id N] [--base-url URL] [--token-url URL] [--since DATE] | account add twilio --account-sid AC… --from "
        "+E164 --auth-token-env VAR [--base-url URL] "
        "[--help-reply TEXT] "
        "| account add chat --name NAME --origin URL[,URL] --listen HOST:PORT [--cert FILE --key FILE] [--public-url "
        "URL] [--email-account ID [--fallback-after SECONDS]] | account add tracking --provider "
        "easypost|aftership|shippo --api-key-env VAR "
        "[--base-url URL] "
        "| account list | account test ID (Twilio, eBay) | account remove ID.");
}

void AccountCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("add, list or remove."));
    parser.addPositionalArgument(QStringLiteral("kind"),
        QStringLiteral("For add: email, shopify, woocommerce, amazon, ebay, twilio, chat or tracking. For remove: the "
                       "account id."));
    parser.addOptions({
        { QStringLiteral("address"), QStringLiteral("The address replies come from (default: --user when it is one)."),
            QStringLiteral("ADDRESS") },
        { QStringLiteral("name"), QStringLiteral("A name for people (default: the address)."), QStringLiteral("NAME") },
        { QStringLiteral("preset"), QStringLiteral("gmail, microsoft, yahoo, icloud or fastmail: fills the servers."),
            QStringLiteral("PROVIDER") },
        { QStringLiteral("imap"), QStringLiteral("imaps://host[:port] or imap://host[:port] (STARTTLS)."),
            QStringLiteral("URL") },
        { QStringLiteral("smtp"), QStringLiteral("smtps://host[:port] or smtp://host[:port] (STARTTLS)."),
            QStringLiteral("URL") },
        { QStringLiteral("user"),
            QStringLiteral("The sign-in name (default: the address). eBay: the seller's eBay user id."),
            QStringLiteral("USER") },
        { QStringLiteral("password-env"),
            QStringLiteral("The environment variable holding the password; it is stored "
                           "in the system keychain."),
            QStringLiteral("VAR") },
        { QStringLiteral("oauth"),
            QStringLiteral("Sign in with gmail or microsoft in the browser instead of a password; the refresh token "
                           "is stored in the system keychain."),
            QStringLiteral("PROVIDER") },
        { QStringLiteral("no-browser"),
            QStringLiteral("With --oauth: only print the sign-in address, do not start a browser.") },
        { QStringLiteral("folders"), QStringLiteral("Folders to fetch, comma-separated (default INBOX)."),
            QStringLiteral("LIST") },
        { QStringLiteral("display-name"), QStringLiteral("The From name of replies."), QStringLiteral("NAME") },
        { QStringLiteral("signature"), QStringLiteral("Added below every reply."), QStringLiteral("TEXT") },
        { QStringLiteral("shop"), QStringLiteral("Shopify: the store's NAME.myshopify.com address."),
            QStringLiteral("DOMAIN") },
        { QStringLiteral("token-env"),
            QStringLiteral("Shopify: the environment variable holding the Admin API access token; it is stored in the "
                           "system keychain."),
            QStringLiteral("VAR") },
        { QStringLiteral("api-version"),
            QStringLiteral("Shopify: the Admin API version (default %1).")
                .arg(QString::fromLatin1(domain::ShopifyAccount::DefaultApiVersion)),
            QStringLiteral("VERSION") },
        { QStringLiteral("base-url"),
            QStringLiteral("Shopify: send requests here instead of https://SHOP (a proxy). WooCommerce: the store's "
                           "site. Amazon: the Selling Partner API endpoint (https://sellingpartnerapi-na.amazon.com). "
                           "eBay: the Trading API endpoint (default %1; the sandbox's is "
                           "https://api.sandbox.ebay.com/ws/api.dll). http:// only to this computer.")
                .arg(QString::fromLatin1(domain::EbayAccount::DefaultTradingUrl)),
            QStringLiteral("URL") },
        { QStringLiteral("consumer-key-env"),
            QStringLiteral("WooCommerce: the environment variable holding the REST API consumer key (ck_…); it is "
                           "stored in the system keychain."),
            QStringLiteral("VAR") },
        { QStringLiteral("consumer-secret-env"),
            QStringLiteral("WooCommerce: the environment variable holding the REST API consumer secret (cs_…); it "
                           "is stored in the system keychain."),
            QStringLiteral("VAR") },
        { QStringLiteral("lwa-url"),
            QStringLiteral("Amazon: the Login with Amazon token endpoint (default %1).")
                .arg(QString::fromLatin1(domain::AmazonAccount::DefaultLwaUrl)),
            QStringLiteral("URL") },
        { QStringLiteral("client-id"), QStringLiteral("Amazon: the LWA client id of your SP-API application."),
            QStringLiteral("ID") },
        { QStringLiteral("marketplace"),
            QStringLiteral("Amazon: the marketplace id(s), comma-separated (ATVPDKIKX0DER for amazon.com)."),
            QStringLiteral("ID") },
        { QStringLiteral("refresh-token-env"),
            QStringLiteral("Amazon: the environment variable holding the LWA refresh token (Atzr|…). eBay: the one "
                           "holding the seller's OAuth refresh token (v^1.1#…). It is stored in the system keychain."),
            QStringLiteral("VAR") },
        { QStringLiteral("client-secret-env"),
            QStringLiteral("Amazon: the environment variable holding the LWA client secret; it is stored in the "
                           "system keychain."),
            QStringLiteral("VAR") },
        { QStringLiteral("app-id"), QStringLiteral("eBay: the App ID (client id) of your eBay application."),
            QStringLiteral("ID") },
        { QStringLiteral("cert-id-env"),
            QStringLiteral("eBay: the environment variable holding your application's Cert ID (client secret); it is "
                           "stored in the system keychain."),
            QStringLiteral("VAR") },
        { QStringLiteral("site-id"),
            QStringLiteral("eBay: the site id of the calls (default 0, eBay US; 3 UK, 77 DE)."), QStringLiteral("N") },
        { QStringLiteral("token-url"),
            QStringLiteral("eBay: the OAuth token endpoint (default %1).")
                .arg(QString::fromLatin1(domain::EbayAccount::DefaultTokenUrl)),
            QStringLiteral("URL") },
        { QStringLiteral("account-sid"), QStringLiteral("Twilio: the account SID (AC followed by 32 hex digits)."),
            QStringLiteral("SID") },
        { QStringLiteral("from"), QStringLiteral("Twilio: the shop's SMS number, e.g. +15005550006."),
            QStringLiteral("NUMBER") },
        { QStringLiteral("help-reply"),
            QStringLiteral("Twilio: the answer to a customer who texts HELP; leave it out when Twilio's own opt-out "
                           "handling answers HELP (its default)."),
            QStringLiteral("TEXT") },
        { QStringLiteral("auth-token-env"),
            QStringLiteral("Twilio: the environment variable holding the account's auth token; it is stored in the "
                           "system keychain."),
            QStringLiteral("VAR") },
        { QStringLiteral("timeout"), QStringLiteral("test: seconds to wait for an answer (default 15)."),
            QStringLiteral("SECONDS") },
        { QStringLiteral("provider"), QStringLiteral("Tracking: easypost, aftership or shippo."),
            QStringLiteral("NAME") },
        { QStringLiteral("api-key-env"),
            QStringLiteral("Tracking: the environment variable holding the provider's API key; it is stored in the "
                           "system keychain."),
            QStringLiteral("VAR") },
        { QStringLiteral("origin"),
            QStringLiteral("Chat: the shop's pages that may open a chat, as origins (https://shop.example), "
                           "comma-separated or repeated."),
            QStringLiteral("URL") },
        { QStringLiteral("listen"),
            QStringLiteral("Chat: where the chat gateway listens, HOST:PORT (127.0.0.1:8090 behind a TLS proxy)."),
            QStringLiteral("ADDRESS") },
        { QStringLiteral("public-url"),
            QStringLiteral("Chat: the address visitors' browsers reach the gateway at (the TLS proxy's)."),
            QStringLiteral("URL") },
        { QStringLiteral("cert"),
            QStringLiteral("Chat: the PEM certificate (chain) for HTTPS and secure WebSocket on --listen."),
            QStringLiteral("FILE") },
        { QStringLiteral("key"), QStringLiteral("Chat: the certificate's unencrypted PEM private key."),
            QStringLiteral("FILE") },
        { QStringLiteral("email-account"),
            QStringLiteral("Chat: the e-mail account that sends replies to visitors who left and gave an address."),
            QStringLiteral("ID") },
        { QStringLiteral("fallback-after"),
            QStringLiteral("Chat: seconds a visitor must be gone before replies go by e-mail (default 120)."),
            QStringLiteral("SECONDS") },
        { QStringLiteral("since"),
            QStringLiteral("Amazon: the first sync asks for orders changed since this date. eBay: the first pass "
                           "reads buyer messages since this date (ISO 8601; default 30 days ago)."),
            QStringLiteral("DATE") },
    });
}

int AccountCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    if (action == QLatin1String("add") && args.value(1) == QLatin1String("email")) {
        return add(parser, out, err);
    }
    if (action == QLatin1String("add") && args.value(1) == QLatin1String("shopify")) {
        return addShopify(parser, out, err);
    }
    if (action == QLatin1String("add") && args.value(1) == QLatin1String("woocommerce")) {
        return addWooCommerce(parser, out, err);
    }
    if (action == QLatin1String("add") && args.value(1) == QLatin1String("amazon")) {
        return addAmazon(parser, out, err);
    }
    if (action == QLatin1String("add") && args.value(1) == QLatin1String("ebay")) {
        return addEbay(parser, out, err);
    }
    if (action == QLatin1String("add") && args.value(1) == QLatin1String("twilio")) {
        return addTwilio(parser, out, err);
    }
    if (action == QLatin1String("add") && args.value(1) == QLatin1String("chat")) {
        return addChat(parser, out, err);
    }
    if (action == QLatin1String("add") && args.value(1) == QLatin1String("tracking")) {
        return addTracking(parser, out, err);
    }
    if (action == QLatin1String("list")) {
        const auto database = openExisting(parser);
        const storage::AccountRepository accounts(*database);
        for (const domain::EmailAccount &a : accounts.emailAccounts()) {
            out << a.id << "  " << a.name << "  imap " << a.imapUrl << "  smtp " << a.smtpUrl << "  folders "
                << a.folders.join(u',') << authLabel(a.auth) << (a.enabled ? "" : "  (disabled)") << "\n";
        }
        for (const domain::ShopifyAccount &a : accounts.shopifyAccounts()) {
            out << a.id << "  " << a.name << "  shopify " << a.shop << "  api " << a.apiVersion
                << (a.baseUrl.isEmpty() ? QString() : QStringLiteral("  via ") + a.baseUrl)
                << (a.enabled ? "" : "  (disabled)") << "\n";
        }
        for (const domain::WooCommerceAccount &a : accounts.wooCommerceAccounts()) {
            out << a.id << "  " << a.name << "  woocommerce " << a.baseUrl << (a.enabled ? "" : "  (disabled)") << "\n";
        }
        for (const domain::AmazonAccount &a : accounts.amazonAccounts()) {
            out << a.id << "  " << a.name << "  amazon " << a.baseUrl << "  marketplaces "
                << a.marketplaceIds.join(u',') << (a.enabled ? "" : "  (disabled)") << "\n";
        }
        for (const domain::EbayAccount &a : accounts.ebayAccounts()) {
            out << a.id << "  " << a.name << "  ebay seller " << a.sellerUserId << "  site " << a.siteId << "  "
                << a.tradingEndpoint().toString() << (a.enabled ? "" : "  (disabled)") << "\n";
        }
        for (const domain::TwilioAccount &a : accounts.twilioAccounts()) {
            out << a.id << "  " << a.name << "  twilio " << a.accountSid << "  from " << a.fromNumber
                << (a.baseUrl.isEmpty() ? QString() : QStringLiteral("  via ") + a.baseUrl)
                << (a.enabled ? "" : "  (disabled)") << "\n";
        }
        for (const domain::ChatAccount &a : accounts.chatAccounts()) {
            out << a.id << "  " << a.name << "  chat on " << a.listen
                << (a.publicUrl.isEmpty() ? QString() : QStringLiteral(" (") + a.publicUrl + u')') << "  origins "
                << a.allowedOrigins.join(u',')
                << (a.fallbackEmailAccount.isEmpty() ? QString() : QStringLiteral("  e-mail ") + a.fallbackEmailAccount)
                << (a.enabled ? "" : "  (disabled)") << "\n";
        }
        for (const domain::TrackingAccount &a : accounts.trackingAccounts()) {
            out << a.id << "  " << a.name << "  tracking " << a.provider << " " << a.baseUrl
                << (a.enabled ? "" : "  (disabled)") << "\n";
        }
        return 0;
    }
    if (action == QLatin1String("test") && args.size() == 2) {
        return test(parser, args.at(1), out, err);
    }
    if (action == QLatin1String("remove") && args.size() == 2) {
        const auto database = openExisting(parser);
        if (!storage::AccountRepository(*database).remove(args.at(1))) {
            err << "waybillctl account: there is no account " << args.at(1) << Qt::endl;
            return 1;
        }
        security::KeychainCredentialStore keychain;
        QString error;
        waitForCredential(keychain.remove(args.at(1), nullptr), &error);
        if (args.at(1).startsWith(QLatin1String("amazon:"))) {
            waitForCredential(keychain.remove(domain::AmazonAccount::clientSecretKey(args.at(1)), nullptr), &error);
        }
        if (args.at(1).startsWith(QLatin1String("ebay:"))) {
            waitForCredential(keychain.remove(domain::EbayAccount::certIdKey(args.at(1)), nullptr), &error);
        }
        out << "Removed " << args.at(1) << Qt::endl;
        return 0;
    }
    err << "waybillctl account: say add email|shopify|woocommerce|amazon|ebay|twilio|chat|tracking …, list, or "
           "remove ID (see waybillctl account --help)"
        << Qt::endl;
    return 2;
}

int AccountCommand::add(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    domain::EmailAccount account;
    const bool oauth = parser.isSet(QStringLiteral("oauth"));
    if (oauth && parser.isSet(QStringLiteral("password-env"))) {
        err << "waybillctl account add: give either --password-env (a password) or --oauth (a sign-in in the "
               "browser), not both"
            << Qt::endl;
        return 2;
    }
    if (oauth) {
        const QString provider = parser.value(QStringLiteral("oauth")).trimmed().toLower();
        if (provider == QLatin1String("gmail") || provider == QLatin1String("google")) {
            account.auth = domain::EmailAccount::Auth::OAuthGmail;
        } else if (provider == QLatin1String("microsoft") || provider == QLatin1String("outlook")) {
            account.auth = domain::EmailAccount::Auth::OAuthMicrosoft;
        } else {
            err << "waybillctl account add: unknown --oauth provider " << parser.value(QStringLiteral("oauth"))
                << " (gmail or microsoft)" << Qt::endl;
            return 2;
        }
    }
    const QString user = parser.value(QStringLiteral("user")).trimmed();
    account.address = parser.isSet(QStringLiteral("address")) ? parser.value(QStringLiteral("address")).trimmed()
                                                              : (user.contains(u'@') ? user : QString());
    account.address = account.address.toLower();
    if (!account.address.contains(u'@')) {
        err << "waybillctl account add: give the account's address with --address support@shop.example" << Qt::endl;
        return 2;
    }
    account.id = QStringLiteral("email:") + account.address;
    account.name = parser.isSet(QStringLiteral("name")) ? parser.value(QStringLiteral("name")) : account.address;
    account.displayName = parser.value(QStringLiteral("display-name"));
    account.signature = parser.value(QStringLiteral("signature"));
    account.username = user.isEmpty() ? account.address : user;
    const QString presetKey = parser.isSet(QStringLiteral("preset")) ? parser.value(QStringLiteral("preset"))
        : account.auth == domain::EmailAccount::Auth::OAuthGmail     ? QStringLiteral("gmail")
        : account.auth == domain::EmailAccount::Auth::OAuthMicrosoft ? QStringLiteral("microsoft")
                                                                     : QString();
    const channels::email::EmailProviderPreset *preset = presetKey.isEmpty()
        ? channels::email::EmailProviderPreset::forAddress(account.address)
        : channels::email::EmailProviderPreset::byKey(presetKey);
    if (parser.isSet(QStringLiteral("preset")) && !preset) {
        err << "waybillctl account add: unknown preset " << parser.value(QStringLiteral("preset"))
            << " (gmail, microsoft, yahoo, icloud, fastmail)" << Qt::endl;
        return 2;
    }
    account.imapUrl = parser.isSet(QStringLiteral("imap")) ? parser.value(QStringLiteral("imap"))
                                                           : (preset ? preset->imapUrl : QString());
    account.smtpUrl = parser.isSet(QStringLiteral("smtp")) ? parser.value(QStringLiteral("smtp"))
                                                           : (preset ? preset->smtpUrl : QString());
    if (parser.isSet(QStringLiteral("folders"))) {
        account.folders = parser.value(QStringLiteral("folders")).split(u',', Qt::SkipEmptyParts);
    }
    for (const auto &[url, protocol] : { std::pair { account.imapUrl, QStringLiteral("imap") },
             std::pair { account.smtpUrl, QStringLiteral("smtp") } }) {
        QString error;
        if (channels::ServerAddress::parse(url, protocol, &error).host.isEmpty()) {
            err << "waybillctl account add: " << (url.isEmpty() ? QStringLiteral("give --%1 URL").arg(protocol) : error)
                << Qt::endl;
            return 2;
        }
    }
    QString secret;
    if (!oauth) {
        const QString variable = parser.value(QStringLiteral("password-env"));
        if (variable.isEmpty() || qEnvironmentVariableIsEmpty(variable.toLocal8Bit().constData())) {
            err << "waybillctl account add: give --password-env VAR naming an environment variable that holds the "
                   "password (it is stored in the system keychain, never in the workspace), or --oauth gmail|microsoft"
                << Qt::endl;
            return 2;
        }
        secret = qEnvironmentVariable(variable.toLocal8Bit().constData());
    }
    const security::OAuthProvider provider = security::OAuthProvider::forAuth(account.auth);
    if (oauth && !provider.isConfigured()) {
        err << "waybillctl account add: no OAuth client id is set for " << provider.name << ": set "
            << provider.clientIdVariable() << " to the client id of your " << provider.name << " app" << Qt::endl;
        return 2;
    }
    if (const QString problem = oauth ? provider.endpointProblem() : QString(); !problem.isEmpty()) {
        err << "waybillctl account add: " << problem << Qt::endl;
        return 2;
    }
    // The workspace before the sign-in, so that nobody signs in only to hear that it cannot be opened.
    const auto database = CtlCommand::workspace(parser).openDatabase(QStringLiteral("ctl"));
    if (oauth) {
        security::OAuthError error;
        const auto tokens = signInWithBrowser(provider, !parser.isSet(QStringLiteral("no-browser")), err, &error);
        if (!tokens) {
            err << "waybillctl account add: " << error.message << Qt::endl;
            return 1;
        }
        secret = tokens->refreshToken; // what security::OAuthTokenSource reads back under the account id
    }
    // The keychain first: an account without its password or sign-in would only fail later.
    if (!keepSecret(account.id, secret, "waybillctl account add", err)) {
        return 1;
    }
    storage::AccountRepository(*database).saveEmailAccount(account, QDateTime::currentSecsSinceEpoch());
    out << "Added " << account.id << " (imap " << account.imapUrl << ", smtp " << account.smtpUrl
        << (oauth ? QStringLiteral(", signed in with %1").arg(provider.name) : QString()) << ")" << Qt::endl;
    return 0;
}

int AccountCommand::addShopify(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    domain::ShopifyAccount account;
    account.shop = parser.value(QStringLiteral("shop")).trimmed().toLower();
    if (account.shop.startsWith(QLatin1String("https://"))) {
        account.shop = account.shop.mid(8);
    }
    while (account.shop.endsWith(u'/')) {
        account.shop.chop(1);
    }
    if (!domain::ShopifyAccount::isValidShop(account.shop)) {
        err << "waybillctl account add shopify: give the store with --shop NAME.myshopify.com (its myshopify.com "
               "address, not its own domain)"
            << Qt::endl;
        return 2;
    }
    account.id = domain::ShopifyAccount::idForShop(account.shop);
    account.name = parser.isSet(QStringLiteral("name")) ? parser.value(QStringLiteral("name")) : account.shop;
    if (parser.isSet(QStringLiteral("api-version"))) {
        static const QRegularExpression version(QStringLiteral("^\\d{4}-\\d{2}$|^unstable$"));
        account.apiVersion = parser.value(QStringLiteral("api-version")).trimmed();
        if (!version.match(account.apiVersion).hasMatch()) {
            err << "waybillctl account add shopify: --api-version is a release such as 2024-01" << Qt::endl;
            return 2;
        }
    }
    if (parser.isSet(QStringLiteral("base-url"))) {
        account.baseUrl = parser.value(QStringLiteral("base-url")).trimmed();
        if (const QString problem = commerce::HttpJsonClient::urlProblem(QUrl(account.baseUrl)); !problem.isEmpty()) {
            err << "waybillctl account add shopify: --base-url " << problem << Qt::endl;
            return 2;
        }
    }
    const QString token = secretFromEnvironment(parser, QStringLiteral("token-env"));
    if (token.isEmpty()) {
        err << "waybillctl account add shopify: give --token-env VAR naming an environment variable that holds the "
               "Admin API access token (it is stored in the system keychain, never in the workspace)"
            << Qt::endl;
        return 2;
    }
    const auto database = CtlCommand::workspace(parser).openDatabase(QStringLiteral("ctl"));
    // The keychain first: an account without its token would only fail later.
    if (!keepSecret(account.id, token, "waybillctl account add shopify", err)) {
        return 1;
    }
    storage::AccountRepository(*database).saveShopifyAccount(account, QDateTime::currentSecsSinceEpoch());
    out << "Added " << account.id << " (Admin API " << account.apiVersion
        << (account.baseUrl.isEmpty() ? QString() : QStringLiteral(" via ") + account.baseUrl) << ")" << Qt::endl;
    return 0;
}

int AccountCommand::addWooCommerce(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    domain::WooCommerceAccount account;
    account.baseUrl = parser.value(QStringLiteral("base-url")).trimmed();
    while (account.baseUrl.endsWith(u'/')) {
        account.baseUrl.chop(1);
    }
    const QUrl url(account.baseUrl);
    if (account.baseUrl.isEmpty()) {
        err << "waybillctl account add woocommerce: give the store's site with --base-url https://shop.example"
            << Qt::endl;
        return 2;
    }
    if (const QString problem = commerce::HttpJsonClient::urlProblem(url); !problem.isEmpty()) {
        err << "waybillctl account add woocommerce: --base-url " << problem << Qt::endl;
        return 2;
    }
    const QString key = secretFromEnvironment(parser, QStringLiteral("consumer-key-env"));
    const QString secret = secretFromEnvironment(parser, QStringLiteral("consumer-secret-env"));
    if (key.isEmpty() || secret.isEmpty() || key.contains(u':')) {
        err << "waybillctl account add woocommerce: give --consumer-key-env VAR and --consumer-secret-env VAR naming "
               "environment variables that hold the REST API key pair (WooCommerce → Settings → Advanced → REST API, "
               "read access; they are stored in the system keychain, never in the workspace)"
            << Qt::endl;
        return 2;
    }
    account.id = domain::WooCommerceAccount::idForUrl(url);
    account.name = parser.isSet(QStringLiteral("name")) ? parser.value(QStringLiteral("name")) : url.host();
    const auto database = CtlCommand::workspace(parser).openDatabase(QStringLiteral("ctl"));
    // The keychain first: an account without its keys would only fail later.
    if (!keepSecret(account.id, key + u':' + secret, "waybillctl account add woocommerce", err)) {
        return 1;
    }
    storage::AccountRepository(*database).saveWooCommerceAccount(account, QDateTime::currentSecsSinceEpoch());
    out << "Added " << account.id << " (REST API v3 at " << account.baseUrl << ")" << Qt::endl;
    return 0;
}

int AccountCommand::addAmazon(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    domain::AmazonAccount account;
    account.baseUrl = parser.value(QStringLiteral("base-url")).trimmed();
    while (account.baseUrl.endsWith(u'/')) {
        account.baseUrl.chop(1);
    }
    if (parser.isSet(QStringLiteral("lwa-url"))) {
        account.lwaUrl = parser.value(QStringLiteral("lwa-url")).trimmed();
    }
    for (const auto &[value, option] : { std::pair { account.baseUrl, QStringLiteral("base-url") },
             std::pair { account.lwaUrl, QStringLiteral("lwa-url") } }) {
        if (value.isEmpty()) {
            err << "waybillctl account add amazon: give the Selling Partner API endpoint with --base-url "
                   "https://sellingpartnerapi-na.amazon.com (-eu, -fe for other regions)"
                << Qt::endl;
            return 2;
        }
        if (const QString problem = commerce::HttpJsonClient::urlProblem(QUrl(value)); !problem.isEmpty()) {
            err << "waybillctl account add amazon: --" << option << ' ' << problem << Qt::endl;
            return 2;
        }
    }
    account.clientId = parser.value(QStringLiteral("client-id")).trimmed();
    if (account.clientId.isEmpty()) {
        err << "waybillctl account add amazon: give your SP-API application's LWA client id with --client-id"
            << Qt::endl;
        return 2;
    }
    for (const QString &id : parser.value(QStringLiteral("marketplace")).split(u',', Qt::SkipEmptyParts)) {
        account.marketplaceIds << id.trimmed();
    }
    if (account.marketplaceIds.isEmpty()
        || !std::all_of(account.marketplaceIds.cbegin(), account.marketplaceIds.cend(),
            &domain::AmazonAccount::isValidMarketplaceId)) {
        err << "waybillctl account add amazon: give the marketplace with --marketplace ID (ATVPDKIKX0DER for "
               "amazon.com; several comma-separated)"
            << Qt::endl;
        return 2;
    }
    account.syncSince = QDateTime::currentDateTimeUtc().addDays(-30).toString(Qt::ISODate);
    if (parser.isSet(QStringLiteral("since"))) {
        const QDateTime since = QDateTime::fromString(parser.value(QStringLiteral("since")).trimmed(), Qt::ISODate);
        if (!since.isValid()) {
            err << "waybillctl account add amazon: --since is a date such as 2026-01-31 or 2026-01-31T00:00:00Z"
                << Qt::endl;
            return 2;
        }
        account.syncSince = since.toUTC().toString(Qt::ISODate);
    }
    const QString refreshToken = secretFromEnvironment(parser, QStringLiteral("refresh-token-env"));
    const QString clientSecret = secretFromEnvironment(parser, QStringLiteral("client-secret-env"));
    if (refreshToken.isEmpty() || clientSecret.isEmpty()) {
        err << "waybillctl account add amazon: give --refresh-token-env VAR and --client-secret-env VAR naming "
               "environment variables that hold the LWA refresh token and client secret (they are stored in the "
               "system keychain, never in the workspace)"
            << Qt::endl;
        return 2;
    }
    account.id = domain::AmazonAccount::idFor(account.marketplaceIds);
    account.name = parser.isSet(QStringLiteral("name")) ? parser.value(QStringLiteral("name"))
                                                        : account.marketplaceIds.join(u',');
    const auto database = CtlCommand::workspace(parser).openDatabase(QStringLiteral("ctl"));
    // The keychain first: an account without its secrets would only fail later.
    if (!keepSecret(account.id, refreshToken, "waybillctl account add amazon", err)
        || !keepSecret(
            domain::AmazonAccount::clientSecretKey(account.id), clientSecret, "waybillctl account add amazon", err)) {
        return 1;
    }
    storage::AccountRepository(*database).saveAmazonAccount(account, QDateTime::currentSecsSinceEpoch());
    out << "Added " << account.id << " (Selling Partner API at " << account.baseUrl << ", orders changed since "
        << account.syncSince << ")" << Qt::endl;
    return 0;
}

int AccountCommand::addTwilio(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    domain::TwilioAccount account;
    account.accountSid = parser.value(QStringLiteral("account-sid")).trimmed();
    if (!domain::TwilioAccount::isValidAccountSid(account.accountSid)) {
        err << "waybillctl account add twilio: give --account-sid AC… (the account SID on Twilio's console: AC and "
               "32 hexadecimal digits)"
            << Qt::endl;
        return 2;
    }
    const auto from = channels::sms::PhoneNumber::toE164(parser.value(QStringLiteral("from")));
    if (!from) {
        err << "waybillctl account add twilio: give the shop's Twilio number with --from in E.164, e.g. +15005550006"
            << Qt::endl;
        return 2;
    }
    account.fromNumber = *from;
    account.id = domain::TwilioAccount::idForNumber(account.fromNumber);
    account.name = parser.isSet(QStringLiteral("name")) ? parser.value(QStringLiteral("name")) : account.fromNumber;
    account.helpReply = parser.value(QStringLiteral("help-reply")).trimmed();
    if (parser.isSet(QStringLiteral("base-url"))) {
        account.baseUrl = parser.value(QStringLiteral("base-url")).trimmed();
        while (account.baseUrl.endsWith(u'/')) {
            account.baseUrl.chop(1);
        }
        if (const QString problem = commerce::HttpJsonClient::urlProblem(QUrl(account.baseUrl)); !problem.isEmpty()) {
            err << "waybillctl account add twilio: --base-url " << problem << Qt::endl;
            return 2;
        }
    }
    const QString token = secretFromEnvironment(parser, QStringLiteral("auth-token-env"));
    if (token.isEmpty()) {
        err << "waybillctl account add twilio: give --auth-token-env VAR naming an environment variable that holds "
               "the auth token (it is stored in the system keychain, never in the workspace)"
            << Qt::endl;
        return 2;
    }
    const auto database = CtlCommand::workspace(parser).openDatabase(QStringLiteral("ctl"));
    if (!keepSecret(account.id, token, "waybillctl account add twilio", err)) {
        return 1;
    }
    storage::AccountRepository(*database).saveTwilioAccount(account, QDateTime::currentSecsSinceEpoch());
    out << "Added " << account.id << " (Twilio " << account.accountSid
        << (account.baseUrl.isEmpty() ? QString() : QStringLiteral(" via ") + account.baseUrl) << ")" << Qt::endl;
    return 0;
}

int AccountCommand::addChat(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    domain::ChatAccount account;
    account.name = parser.value(QStringLiteral("name")).trimmed();
    if (account.name.isEmpty()) {
        err << "waybillctl account add chat: give --name NAME (the shop's name, shown at the top of the chat)"
            << Qt::endl;
        return 2;
    }
    account.id = domain::ChatAccount::idForName(account.name);
    for (const QString &list : parser.values(QStringLiteral("origin"))) {
        for (const QString &origin : list.split(u',', Qt::SkipEmptyParts)) {
            if (const QString why = channels::chat::ChatAccountRules::originProblem(origin); !why.isEmpty()) {
                err << "waybillctl account add chat: --origin " << why << Qt::endl;
                return 2;
            }
            account.allowedOrigins.append(origin.trimmed());
        }
    }
    if (account.allowedOrigins.isEmpty()) {
        err << "waybillctl account add chat: give --origin with the shop's pages (https://shop.example); pages from "
               "anywhere else cannot open a chat"
            << Qt::endl;
        return 2;
    }
    account.listen = parser.value(QStringLiteral("listen")).trimmed();
    if (!channels::chat::ChatAccountRules::listenProblem(account.listen).isEmpty()) {
        err << "waybillctl account add chat: give --listen HOST:PORT, e.g. 127.0.0.1:8090" << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("cert")) || parser.isSet(QStringLiteral("key"))) {
        account.certificateFile = QFileInfo(parser.value(QStringLiteral("cert"))).absoluteFilePath();
        account.keyFile = QFileInfo(parser.value(QStringLiteral("key"))).absoluteFilePath();
        if (!parser.isSet(QStringLiteral("cert")) || !parser.isSet(QStringLiteral("key"))) {
            account.certificateFile.clear(); // one without the other: refused below
        }
        if (const QString why = channels::chat::ChatAccountRules::tlsProblem(account.certificateFile, account.keyFile);
            !why.isEmpty() || account.certificateFile.isEmpty()) {
            err << "waybillctl account add chat: --cert and --key: "
                << (why.isEmpty() ? QStringLiteral("give both a PEM certificate and its key") : why) << Qt::endl;
            return 2;
        }
    }
    account.publicUrl = parser.value(QStringLiteral("public-url")).trimmed();
    if (!channels::chat::ChatAccountRules::publicUrlProblem(account.publicUrl).isEmpty()) {
        err << "waybillctl account add chat: --public-url must be an http(s) address" << Qt::endl;
        return 2;
    }
    const auto database = CtlCommand::workspace(parser).openDatabase(QStringLiteral("ctl"));
    account.fallbackEmailAccount = parser.value(QStringLiteral("email-account")).trimmed();
    if (!account.fallbackEmailAccount.isEmpty()) {
        const auto emails = storage::AccountRepository(*database).emailAccounts();
        if (std::none_of(emails.cbegin(), emails.cend(),
                [&](const domain::EmailAccount &e) { return e.id == account.fallbackEmailAccount; })) {
            err << "waybillctl account add chat: " << account.fallbackEmailAccount
                << " is not an e-mail account of this workspace (see account list)" << Qt::endl;
            return 2;
        }
    }
    if (parser.isSet(QStringLiteral("fallback-after"))) {
        account.fallbackAfterSeconds = positiveInt(parser, QStringLiteral("fallback-after"), 120, err);
        if (account.fallbackAfterSeconds < 0) {
            return 2;
        }
    }
    storage::AccountRepository(*database).saveChatAccount(account, QDateTime::currentSecsSinceEpoch());
    const QString base = channels::chat::ChatAccountRules::widgetBase(account);
    out << "Added " << account.id << " (chat on " << account.listen << "; put <script src=\"" << base
        << "/chat/widget.js\" async></script> on the pages of " << account.allowedOrigins.join(QStringLiteral(", "))
        << ")" << Qt::endl;
    return 0;
}

int AccountCommand::test(const QCommandLineParser &parser, const QString &id, QTextStream &out, QTextStream &err) const
{
    const int timeout = positiveInt(parser, QStringLiteral("timeout"), 15, err);
    if (timeout < 0) {
        return 2;
    }
    if (id.startsWith(QLatin1String("ebay:"))) {
        return testEbay(parser, id, timeout, out, err);
    }
    std::optional<domain::TwilioAccount> account;
    {
        const auto database = openExisting(parser);
        for (const domain::TwilioAccount &candidate : storage::AccountRepository(*database).twilioAccounts()) {
            if (candidate.id == id) {
                account = candidate;
            }
        }
    }
    if (!account) {
        err << "waybillctl account test: " << id << " is not a Twilio account of this workspace (see account list)"
            << Qt::endl;
        return 1;
    }
    security::KeychainCredentialStore keychain;
    QString error;
    const auto token = waitForCredential(keychain.read(account->id, nullptr), &error);
    if (!token || token->isEmpty()) {
        err << "waybillctl account test: Twilio " << account->fromNumber << " (" << account->accountSid
            << "): no auth token in the keychain" << (error.isEmpty() ? QString() : QStringLiteral(" (") + error + u')')
            << "; add the account again" << Qt::endl;
        return 1;
    }
    QNetworkAccessManager network;
    engine::TwilioAccountCheck check(network, *account, *token, timeout * 1000);
    int result = 1;
    QObject::connect(&check, &engine::TwilioAccountCheck::succeeded, &check,
        [&](const QString &friendlyName, const QString &status) {
            out << "Connected: Twilio " << account->fromNumber << " (" << account->accountSid << "), account \""
                << friendlyName << "\", " << status << Qt::endl;
            result = 0;
            QCoreApplication::quit();
        });
    QObject::connect(&check, &engine::TwilioAccountCheck::failed, &check, [&](const QString &message) {
        err << "waybillctl account test: " << message << Qt::endl;
        QCoreApplication::quit();
    });
    QTimer::singleShot(0, &check, &engine::TwilioAccountCheck::start);
    QCoreApplication::exec();
    return result;
}

int AccountCommand::addTracking(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    domain::TrackingAccount account;
    account.provider = parser.value(QStringLiteral("provider")).trimmed().toLower();
    if (!commerce::TrackingProviderApi::isSupported(account.provider)) {
        err << "waybillctl account add tracking: give --provider easypost, aftership or shippo" << Qt::endl;
        return 2;
    }
    account.id = domain::TrackingAccount::idForProvider(account.provider);
    account.name = parser.isSet(QStringLiteral("name")) ? parser.value(QStringLiteral("name"))
                                                        : commerce::TrackingProviderApi::displayName(account.provider);
    account.baseUrl = parser.isSet(QStringLiteral("base-url"))
        ? parser.value(QStringLiteral("base-url")).trimmed()
        : commerce::TrackingProviderApi::defaultBaseUrl(account.provider).toString();
    if (const QString problem = commerce::HttpJsonClient::urlProblem(QUrl(account.baseUrl)); !problem.isEmpty()) {
        err << "waybillctl account add tracking: --base-url " << problem << Qt::endl;
        return 2;
    }
    const QString key = secretFromEnvironment(parser, QStringLiteral("api-key-env"));
    if (key.isEmpty()) {
        err << "waybillctl account add tracking: give --api-key-env VAR naming an environment variable that holds "
               "the provider's API key (it is stored in the system keychain, never in the workspace)"
            << Qt::endl;
        return 2;
    }
    const auto database = CtlCommand::workspace(parser).openDatabase(QStringLiteral("ctl"));
    // The keychain first: an account without its key would only fail later.
    if (!keepSecret(account.id, key, "waybillctl account add tracking", err)) {
        return 1;
    }
    storage::AccountRepository(*database).saveTrackingAccount(account, QDateTime::currentSecsSinceEpoch());
    out << "Added " << account.id << " (" << account.baseUrl << ")" << Qt::endl;
    return 0;
}

} // namespace waybill::ctl
