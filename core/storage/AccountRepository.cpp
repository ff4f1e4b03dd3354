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

QString toJson(const EmailAccount &a)
{
    const QJsonObject json { { QStringLiteral("address"), a.address },
        { QStringLiteral("display_name"), a.displayName }, { QStringLiteral("imap"), a.imapUrl },
        { QStringLiteral("smtp"), a.smtpUrl }, { QStringLiteral("username"), a.username },
        { QStringLiteral("auth"), EmailAccount::authKey(a.auth) },
        { QStringLiteral("folders"), QJsonArray::fromStringList(a.folders) },
        { QStringLiteral("signature"), a.signature }, { QStringLiteral("save_to_sent"), a.saveToSent },
        { QStringLiteral("sent_folder"), a.sentFolder } };
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

EmailAccount fromRow(const SqlQuery &q)
{
    EmailAccount a;
    a.id = q.text(0);
    a.name = q.text(1);
    a.enabled = q.int64(3) != 0;
    const QJsonObject json = QJsonDocument::fromJson(q.text(2).toUtf8()).object();
    a.address = json.value(QStringLiteral("address")).toString();
    a.displayName = json.value(QStringLiteral("display_name")).toString();
    a.imapUrl = json.value(QStringLiteral("imap")).toString();
    a.smtpUrl = json.value(QStringLiteral("smtp")).toString();
    a.username = json.value(QStringLiteral("username")).toString();
    a.auth = EmailAccount::authFromKey(json.value(QStringLiteral("auth")).toString());
    QStringList folders;
    for (const QJsonValue &folder : json.value(QStringLiteral("folders")).toArray()) {
        folders << folder.toString();
    }
    a.folders = folders.isEmpty() ? QStringList { QStringLiteral("INBOX") } : folders;
    a.signature = json.value(QStringLiteral("signature")).toString();
    a.saveToSent = json.value(QStringLiteral("save_to_sent")).toBool(true);
    a.sentFolder = json.value(QStringLiteral("sent_folder")).toString(QStringLiteral("Sent"));
    return a;
}

domain::ShopifyAccount shopifyFromRow(const SqlQuery &q)
{
    domain::ShopifyAccount a;
    a.id = q.text(0);
    a.name = q.text(1);
    a.enabled = q.int64(3) != 0;
    const QJsonObject json = QJsonDocument::fromJson(q.text(2).toUtf8()).object();
    a.shop = json.value(QStringLiteral("shop")).toString();
    a.apiVersion = json.value(QStringLiteral("api_version")).toString(a.apiVersion);
    a.baseUrl = json.value(QStringLiteral("base_url")).toString();
    return a;
}

} // namespace

AccountRepository::AccountRepository(const Database &database)
    : m_database(database)
{
}

void AccountRepository::saveEmailAccount(const EmailAccount &account, qint64 now) const
{
    SqlQuery q(m_database,
        QStringLiteral("INSERT INTO accounts (id, kind, name, config, enabled, created_at) "
                       "VALUES (?, 'email', ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                       "name = excluded.name, config = excluded.config, enabled = excluded.enabled"));
    q.bind(account.id).bind(account.name).bind(toJson(account)).bind(account.enabled ? 1 : 0).bind(now).exec();
}

QList<EmailAccount> AccountRepository::emailAccounts() const
{
    SqlQuery q(
        m_database, QStringLiteral("SELECT id, name, config, enabled FROM accounts WHERE kind = 'email' ORDER BY id"));
    q.exec();
    QList<EmailAccount> accounts;
    while (q.next()) {
        accounts.append(fromRow(q));
    }
    return accounts;
}

std::optional<EmailAccount> AccountRepository::emailAccount(const QString &id) const
{
    SqlQuery q(
        m_database, QStringLiteral("SELECT id, name, config, enabled FROM accounts WHERE kind = 'email' AND id = ?"));
    q.bind(id).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    return fromRow(q);
}

void AccountRepository::saveShopifyAccount(const domain::ShopifyAccount &account, qint64 now) const
{
    const QJsonObject json { { QStringLiteral("shop"), account.shop },
        { QStringLiteral("api_version"), account.apiVersion }, { QStringLiteral("base_url"), account.baseUrl } };
    SqlQuery q(m_database,
        QStringLiteral("INSERT INTO accounts (id, kind, name, config, enabled, created_at) "
                       "VALUES (?, 'shopify', ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                       "name = excluded.name, config = excluded.config, enabled = excluded.enabled"));
    q.bind(account.id)
        .bind(account.name)
        .bind(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)))
        .bind(account.enabled ? 1 : 0)
        .bind(now)
        .exec();
}

QList<domain::ShopifyAccount> AccountRepository::shopifyAccounts() const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT id, name, config, enabled FROM accounts WHERE kind = 'shopify' ORDER BY id"));
    q.exec();
    QList<domain::ShopifyAccount> accounts;
    while (q.next()) {
        accounts.append(shopifyFromRow(q));
    }
    return accounts;
}

void AccountRepository::saveTrackingAccount(const domain::TrackingAccount &account, qint64 now) const
{
    const QJsonObject json { { QStringLiteral("provider"), account.provider },
        { QStringLiteral("base_url"), account.baseUrl } };
    save(account.id, QStringLiteral("tracking"), account.name,
        QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)), account.enabled, now);
}

QList<domain::TrackingAccount> AccountRepository::trackingAccounts() const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT id, name, config, enabled FROM accounts WHERE kind = 'tracking' ORDER BY id"));
    q.exec();
    QList<domain::TrackingAccount> accounts;
    while (q.next()) {
        domain::TrackingAccount a;
        a.id = q.text(0);
        a.name = q.text(1);
        a.enabled = q.int64(3) != 0;
        const QJsonObject json = QJsonDocument::fromJson(q.text(2).toUtf8()).object();
        a.provider = json.value(QStringLiteral("provider")).toString();
        a.baseUrl = json.value(QStringLiteral("base_url")).toString();
        accounts.append(a);
    }
    return accounts;
}

void AccountRepository::save(
    const QString &id, const QString &kind, const QString &name, const QString &config, bool enabled, qint64 now) const
{
    SqlQuery q(m_database,
        QStringLiteral("INSERT INTO accounts (id, kind, name, config, enabled, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                       "kind = excluded.kind, name = excluded.name, config = excluded.config, "
                       "enabled = excluded.enabled"));
    q.bind(id).bind(kind).bind(name).bind(config).bind(enabled ? 1 : 0).bind(now).exec();
}

void AccountRepository::saveTwilioAccount(const domain::TwilioAccount &account, qint64 now) const
{
    const QJsonObject json { { QStringLiteral("account_sid"), account.accountSid },
        { QStringLiteral("from"), account.fromNumber }, { QStringLiteral("base_url"), account.baseUrl },
        { QStringLiteral("help_reply"), account.helpReply } };
    save(account.id, QStringLiteral("twilio"), account.name,
        QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)), account.enabled, now);
}

void AccountRepository::saveChatAccount(const domain::ChatAccount &account, qint64 now) const
{
    const QJsonObject json { { QStringLiteral("origins"), QJsonArray::fromStringList(account.allowedOrigins) },
        { QStringLiteral("listen"), account.listen }, { QStringLiteral("public_url"), account.publicUrl },
        { QStringLiteral("fallback_email_account"), account.fallbackEmailAccount },
        { QStringLiteral("fallback_after_seconds"), account.fallbackAfterSeconds },
        { QStringLiteral("tls_certificate"), account.certificateFile },
        { QStringLiteral("tls_key"), account.keyFile } };
    save(account.id, QStringLiteral("chat"), account.name,
        QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)), account.enabled, now);
}

QList<domain::ChatAccount> AccountRepository::chatAccounts() const
{
    SqlQuery q(
        m_database, QStringLiteral("SELECT id, name, config, enabled FROM accounts WHERE kind = 'chat' ORDER BY id"));
    q.exec();
    QList<domain::ChatAccount> accounts;
    while (q.next()) {
        domain::ChatAccount a;
        a.id = q.text(0);
        a.name = q.text(1);
        a.enabled = q.int64(3) != 0;
        const QJsonObject json = QJsonDocument::fromJson(q.text(2).toUtf8()).object();
        for (const QJsonValue &origin : json.value(QStringLiteral("origins")).toArray()) {
            a.allowedOrigins.append(origin.toString());
        }
        a.listen = json.value(QStringLiteral("listen")).toString();
        a.publicUrl = json.value(QStringLiteral("public_url")).toString();
        a.fallbackEmailAccount = json.value(QStringLiteral("fallback_email_account")).toString();
        a.fallbackAfterSeconds = json.value(QStringLiteral("fallback_after_seconds")).toInt(a.fallbackAfterSeconds);
        a.certificateFile = json.value(QStringLiteral("tls_certificate")).toString();
        a.keyFile = json.value(QStringLiteral("tls_key")).toString();
        accounts.append(a);
    }
    return accounts;
}

QList<domain::TwilioAccount> AccountRepository::twilioAccounts() const
{
    SqlQuery q(
        m_database, QStringLiteral("SELECT id, name, config, enabled FROM accounts WHERE kind = 'twilio' ORDER BY id"));
    q.exec();
    QList<domain::TwilioAccount> accounts;
    while (q.next()) {
        domain::TwilioAccount a;
        a.id = q.text(0);
        a.name = q.text(1);
        a.enabled = q.int64(3) != 0;
        const QJsonObject json = QJsonDocument::fromJson(q.text(2).toUtf8()).object();
        a.accountSid = json.value(QStringLiteral("account_sid")).toString();
        a.fromNumber = json.value(QStringLiteral("from")).toString();
        a.baseUrl = json.value(QStringLiteral("base_url")).toString();
        a.helpReply = json.value(QStringLiteral("help_reply")).toString();
        accounts.append(a);
    }
    return accounts;
}

void AccountRepository::saveWooCommerceAccount(const domain::WooCommerceAccount &account, qint64 now) const
{
    const QJsonObject json { { QStringLiteral("base_url"), account.baseUrl } };
    save(account.id, QStringLiteral("woocommerce"), account.name,
        QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)), account.enabled, now);
}

QList<domain::WooCommerceAccount> AccountRepository::wooCommerceAccounts() const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT id, name, config, enabled FROM accounts WHERE kind = 'woocommerce' ORDER BY id"));
    q.exec();
    QList<domain::WooCommerceAccount> accounts;
    while (q.next()) {
        domain::WooCommerceAccount a;
        a.id = q.text(0);
        a.name = q.text(1);
        a.enabled = q.int64(3) != 0;
        a.baseUrl = QJsonDocument::fromJson(q.text(2).toUtf8()).object().value(QStringLiteral("base_url")).toString();
        accounts.append(a);
    }
    return accounts;
}

void AccountRepository::saveAmazonAccount(const domain::AmazonAccount &account, qint64 now) const
{
    const QJsonObject json { { QStringLiteral("base_url"), account.baseUrl },
        { QStringLiteral("lwa_url"), account.lwaUrl }, { QStringLiteral("client_id"), account.clientId },
        { QStringLiteral("marketplace_ids"), QJsonArray::fromStringList(account.marketplaceIds) },
        { QStringLiteral("sync_since"), account.syncSince } };
    save(account.id, QStringLiteral("amazon"), account.name,
        QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)), account.enabled, now);
}

QList<domain::AmazonAccount> AccountRepository::amazonAccounts() const
{
    SqlQuery q(
        m_database, QStringLiteral("SELECT id, name, config, enabled FROM accounts WHERE kind = 'amazon' ORDER BY id"));
    q.exec();
    QList<domain::AmazonAccount> accounts;
    while (q.next()) {
        domain::AmazonAccount a;
        a.id = q.text(0);
        a.name = q.text(1);
        a.enabled = q.int64(3) != 0;
        const QJsonObject json = QJsonDocument::fromJson(q.text(2).toUtf8()).object();
        a.baseUrl = json.value(QStringLiteral("base_url")).toString();
        a.lwaUrl = json.value(QStringLiteral("lwa_url")).toString(a.lwaUrl);
        a.clientId = json.value(QStringLiteral("client_id")).toString();
        for (const QJsonValue &id : json.value(QStringLiteral("marketplace_ids")).toArray()) {
            a.marketplaceIds << id.toString();
        }
        a.syncSince = json.value(QStringLiteral("sync_since")).toString();
        accounts.append(a);
    }
    return accounts;
}

bool AccountRepository::remove(const QString &id) const
{
    SqlQuery q(m_database, QStringLiteral("DELETE FROM accounts WHERE id = ?"));
    q.bind(id).exec();
    return q.rowsAffected() > 0;
}

} // namespace waybill::storage
