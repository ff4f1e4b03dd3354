// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccountRepository.h"

#include "Database.h"
#include "SqlQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace waybill::storage {

using domain::EmailAccount;

namespace {

const QString SelectAccounts = QStringLiteral("SELECT id, name, config, enabled FROM accounts WHERE kind = ?");

QStringList strings(const QJsonValue &array)
{
    QStringList values;
    for (const QJsonValue &value : array.toArray()) {
        values << value.toString();
    }
    return values;
}

/// The account of one row of SelectAccounts: id, name and enabled from their columns, the rest read by `fill` from
/// the config JSON.
template <typename Account, typename Fill> Account accountOf(const SqlQuery &q, Fill fill)
{
    Account a;
    a.id = q.text(0);
    a.name = q.text(1);
    a.enabled = q.int64(3) != 0;
    fill(a, QJsonDocument::fromJson(q.text(2).toUtf8()).object());
    return a;
}

/// Every account of `kind`, ordered by id.
template <typename Account, typename Fill>
QList<Account> accountsOf(const Database &database, const QString &kind, Fill fill)
{
    SqlQuery q(database, SelectAccounts + QStringLiteral(" ORDER BY id"));
    q.bind(kind).exec();
    QList<Account> accounts;
    while (q.next()) {
        accounts.append(accountOf<Account>(q, fill));
    }
    return accounts;
}

QJsonObject emailConfig(const EmailAccount &a)
{
    return { { QStringLiteral("address"), a.address }, { QStringLiteral("display_name"), a.displayName },
        { QStringLiteral("imap"), a.imapUrl }, { QStringLiteral("smtp"), a.smtpUrl },
        { QStringLiteral("username"), a.username }, { QStringLiteral("auth"), EmailAccount::authKey(a.auth) },
        { QStringLiteral("folders"), QJsonArray::fromStringList(a.folders) },
        { QStringLiteral("signature"), a.signature }, { QStringLiteral("save_to_sent"), a.saveToSent },
        { QStringLiteral("sent_folder"), a.sentFolder } };
}

void readEmail(EmailAccount &a, const QJsonObject &json)
{
    a.address = json.value(QStringLiteral("address")).toString();
    a.displayName = json.value(QStringLiteral("display_name")).toString();
    a.imapUrl = json.value(QStringLiteral("imap")).toString();
    a.smtpUrl = json.value(QStringLiteral("smtp")).toString();
    a.username = json.value(QStringLiteral("username")).toString();
    a.auth = EmailAccount::authFromKey(json.value(QStringLiteral("auth")).toString());
    const QStringList folders = strings(json.value(QStringLiteral("folders")));
    a.folders = folders.isEmpty() ? QStringList { QStringLiteral("INBOX") } : folders;
    a.signature = json.value(QStringLiteral("signature")).toString();
    a.saveToSent = json.value(QStringLiteral("save_to_sent")).toBool(true);
    a.sentFolder = json.value(QStringLiteral("sent_folder")).toString(QStringLiteral("Sent"));
}

} // namespace

AccountRepository::AccountRepository(const Database &database)
    : m_database(database)
{
}

void AccountRepository::save(const QString &id, const QString &kind, const QString &name, const QJsonObject &config,
    bool enabled, qint64 now) const
{
    SqlQuery q(m_database,
        QStringLiteral("INSERT INTO accounts (id, kind, name, config, enabled, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                       "kind = excluded.kind, name = excluded.name, config = excluded.config, "
                       "enabled = excluded.enabled"));
    q.bind(id)
        .bind(kind)
        .bind(name)
        .bind(QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact)))
        .bind(enabled ? 1 : 0)
        .bind(now)
        .exec();
}

void AccountRepository::saveEmailAccount(const EmailAccount &account, qint64 now) const
{
    save(account.id, QStringLiteral("email"), account.name, emailConfig(account), account.enabled, now);
}

QList<EmailAccount> AccountRepository::emailAccounts() const
{
    return accountsOf<EmailAccount>(m_database, QStringLiteral("email"), readEmail);
}

std::optional<EmailAccount> AccountRepository::emailAccount(const QString &id) const
{
    SqlQuery q(m_database, SelectAccounts + QStringLiteral(" AND id = ?"));
    q.bind(QStringLiteral("email")).bind(id).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    return accountOf<EmailAccount>(q, readEmail);
}

void AccountRepository::saveShopifyAccount(const domain::ShopifyAccount &account, qint64 now) const
{
    save(account.id, QStringLiteral("shopify"), account.name,
        { { QStringLiteral("shop"), account.shop }, { QStringLiteral("api_version"), account.apiVersion },
            { QStringLiteral("base_url"), account.baseUrl } },
        account.enabled, now);
}

QList<domain::ShopifyAccount> AccountRepository::shopifyAccounts() const
{
    return accountsOf<domain::ShopifyAccount>(
        m_database, QStringLiteral("shopify"), [](domain::ShopifyAccount &a, const QJsonObject &json) {
            a.shop = json.value(QStringLiteral("shop")).toString();
            a.apiVersion = json.value(QStringLiteral("api_version")).toString(a.apiVersion);
            a.baseUrl = json.value(QStringLiteral("base_url")).toString();
        });
}

void AccountRepository::saveTrackingAccount(const domain::TrackingAccount &account, qint64 now) const
{
    save(account.id, QStringLiteral("tracking"), account.name,
        { { QStringLiteral("provider"), account.provider }, { QStringLiteral("base_url"), account.baseUrl } },
        account.enabled, now);
}

QList<domain::TrackingAccount> AccountRepository::trackingAccounts() const
{
    return accountsOf<domain::TrackingAccount>(
        m_database, QStringLiteral("tracking"), [](domain::TrackingAccount &a, const QJsonObject &json) {
            a.provider = json.value(QStringLiteral("provider")).toString();
            a.baseUrl = json.value(QStringLiteral("base_url")).toString();
        });
}

void AccountRepository::saveTwilioAccount(const domain::TwilioAccount &account, qint64 now) const
{
    save(account.id, QStringLiteral("twilio"), account.name,
        { { QStringLiteral("account_sid"), account.accountSid }, { QStringLiteral("from"), account.fromNumber },
            { QStringLiteral("base_url"), account.baseUrl }, { QStringLiteral("help_reply"), account.helpReply } },
        account.enabled, now);
}

QList<domain::TwilioAccount> AccountRepository::twilioAccounts() const
{
    return accountsOf<domain::TwilioAccount>(
        m_database, QStringLiteral("twilio"), [](domain::TwilioAccount &a, const QJsonObject &json) {
            a.accountSid = json.value(QStringLiteral("account_sid")).toString();
            a.fromNumber = json.value(QStringLiteral("from")).toString();
            a.baseUrl = json.value(QStringLiteral("base_url")).toString();
            a.helpReply = json.value(QStringLiteral("help_reply")).toString();
        });
}

void AccountRepository::saveChatAccount(const domain::ChatAccount &account, qint64 now) const
{
    save(account.id, QStringLiteral("chat"), account.name,
        { { QStringLiteral("origins"), QJsonArray::fromStringList(account.allowedOrigins) },
            { QStringLiteral("listen"), account.listen }, { QStringLiteral("public_url"), account.publicUrl },
            { QStringLiteral("fallback_email_account"), account.fallbackEmailAccount },
            { QStringLiteral("fallback_after_seconds"), account.fallbackAfterSeconds },
            { QStringLiteral("tls_certificate"), account.certificateFile },
            { QStringLiteral("tls_key"), account.keyFile } },
        account.enabled, now);
}

QList<domain::ChatAccount> AccountRepository::chatAccounts() const
{
    return accountsOf<domain::ChatAccount>(
        m_database, QStringLiteral("chat"), [](domain::ChatAccount &a, const QJsonObject &json) {
            a.allowedOrigins = strings(json.value(QStringLiteral("origins")));
            a.listen = json.value(QStringLiteral("listen")).toString();
            a.publicUrl = json.value(QStringLiteral("public_url")).toString();
            a.fallbackEmailAccount = json.value(QStringLiteral("fallback_email_account")).toString();
            a.fallbackAfterSeconds = json.value(QStringLiteral("fallback_after_seconds")).toInt(a.fallbackAfterSeconds);
            a.certificateFile = json.value(QStringLiteral("tls_certificate")).toString();
            a.keyFile = json.value(QStringLiteral("tls_key")).toString();
        });
}

void AccountRepository::saveWooCommerceAccount(const domain::WooCommerceAccount &account, qint64 now) const
{
    save(account.id, QStringLiteral("woocommerce"), account.name, { { QStringLiteral("base_url"), account.baseUrl } },
        account.enabled, now);
}

QList<domain::WooCommerceAccount> AccountRepository::wooCommerceAccounts() const
{
    return accountsOf<domain::WooCommerceAccount>(
        m_database, QStringLiteral("woocommerce"), [](domain::WooCommerceAccount &a, const QJsonObject &json) {
            a.baseUrl = json.value(QStringLiteral("base_url")).toString();
        });
}

void AccountRepository::saveAmazonAccount(const domain::AmazonAccount &account, qint64 now) const
{
    save(account.id, QStringLiteral("amazon"), account.name,
        { { QStringLiteral("base_url"), account.baseUrl }, { QStringLiteral("lwa_url"), account.lwaUrl },
            { QStringLiteral("client_id"), account.clientId },
            { QStringLiteral("marketplace_ids"), QJsonArray::fromStringList(account.marketplaceIds) },
            { QStringLiteral("sync_since"), account.syncSince } },
        account.enabled, now);
}

QList<domain::AmazonAccount> AccountRepository::amazonAccounts() const
{
    return accountsOf<domain::AmazonAccount>(
        m_database, QStringLiteral("amazon"), [](domain::AmazonAccount &a, const QJsonObject &json) {
            a.baseUrl = json.value(QStringLiteral("base_url")).toString();
            a.lwaUrl = json.value(QStringLiteral("lwa_url")).toString(a.lwaUrl);
            a.clientId = json.value(QStringLiteral("client_id")).toString();
            a.marketplaceIds = strings(json.value(QStringLiteral("marketplace_ids")));
            a.syncSince = json.value(QStringLiteral("sync_since")).toString();
        });
}

void AccountRepository::saveEbayAccount(const domain::EbayAccount &account, qint64 now) const
{
    save(account.id, QStringLiteral("ebay"), account.name,
        { { QStringLiteral("seller_user_id"), account.sellerUserId }, { QStringLiteral("app_id"), account.appId },
            { QStringLiteral("site_id"), account.siteId }, { QStringLiteral("trading_url"), account.tradingUrl },
            { QStringLiteral("token_url"), account.tokenUrl }, { QStringLiteral("sync_since"), account.syncSince } },
        account.enabled, now);
}

QList<domain::EbayAccount> AccountRepository::ebayAccounts() const
{
    return accountsOf<domain::EbayAccount>(
        m_database, QStringLiteral("ebay"), [](domain::EbayAccount &a, const QJsonObject &json) {
            a.sellerUserId = json.value(QStringLiteral("seller_user_id")).toString();
            a.appId = json.value(QStringLiteral("app_id")).toString();
            a.siteId = json.value(QStringLiteral("site_id")).toString(a.siteId);
            a.tradingUrl = json.value(QStringLiteral("trading_url")).toString();
            a.tokenUrl = json.value(QStringLiteral("token_url")).toString();
            a.syncSince = json.value(QStringLiteral("sync_since")).toString();
        });
}

bool AccountRepository::remove(const QString &id) const
{
    SqlQuery q(m_database, QStringLiteral("DELETE FROM accounts WHERE id = ?"));
    q.bind(id).exec();
    return q.rowsAffected() > 0;
}

} // namespace waybill::storage
