// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncCommand.h"

#include "engine/Engine.h"
#include "security/KeychainCredentialStore.h"
#include "storage/AccountRepository.h"
#include "storage/Database.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace waybill::ctl {

namespace {

std::atomic<bool> s_stopRequested { false };

void requestStop(int)
{
    s_stopRequested = true;
}

} // namespace

QString SyncCommand::name() const
{
    return QStringLiteral("sync");
}

QString SyncCommand::summary() const
{
    return QStringLiteral(
        "Fetch mail and store orders for every account (or one): sync [--once] [ACCOUNT]. Without "
        "--once it keeps running (IDLE; orders every 5 minutes, tracking every 10) until stopped with Ctrl-C or "
        "SIGTERM.");
}

void SyncCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(
        QStringLiteral("account"), QStringLiteral("Only this account id."), QStringLiteral("[ACCOUNT]"));
    parser.addOption({ QStringLiteral("once"), QStringLiteral("Fetch what is there, then exit.") });
}

int SyncCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    const QString only = parser.positionalArguments().value(0);
    int enabled = 0;
    {
        const auto database = openExisting(parser);
        const storage::AccountRepository accounts(*database);
        for (const domain::EmailAccount &account : accounts.emailAccounts()) {
            enabled += account.enabled && (only.isEmpty() || account.id == only) ? 1 : 0;
        }
        for (const domain::ShopifyAccount &account : accounts.shopifyAccounts()) {
            enabled += account.enabled && (only.isEmpty() || account.id == only) ? 1 : 0;
        }
        for (const domain::WooCommerceAccount &account : accounts.wooCommerceAccounts()) {
            enabled += account.enabled && (only.isEmpty() || account.id == only) ? 1 : 0;
        }
        for (const domain::AmazonAccount &account : accounts.amazonAccounts()) {
            enabled += account.enabled && (only.isEmpty() || account.id == only) ? 1 : 0;
        }
        for (const domain::TwilioAccount &account : accounts.twilioAccounts()) {
            enabled += account.enabled && (only.isEmpty() || account.id == only) ? 1 : 0;
        }
        for (const domain::EbayAccount &account : accounts.ebayAccounts()) {
            enabled += account.enabled && (only.isEmpty() || account.id == only) ? 1 : 0;
        }
    }
    if (enabled == 0) {
        err << "waybillctl sync: "
            << (only.isEmpty() ? QStringLiteral(
                    "no accounts yet; add one with waybillctl account add email|shopify|woocommerce|amazon|ebay|twilio "
                    "…")
                               : QStringLiteral("there is no enabled account ") + only)
            << Qt::endl;
        return 1;
    }
    // The same engine the desktop runs on its thread, here on the main thread.
    engine::Engine engine(
        CtlCommand::workspace(parser).directory(), std::make_unique<security::KeychainCredentialStore>());
    engine.setOnlyAccount(only);
    const bool once = parser.isSet(QStringLiteral("once"));
    int failures = 0;
    int changed = 0;
    QObject::connect(&engine, &engine::Engine::startFailed, &engine, [&](const QString &message) {
        err << "waybillctl sync: " << message << Qt::endl;
        ++failures;
        s_stopRequested = true;
    });
    QObject::connect(&engine, &engine::Engine::conversationsChanged, &engine,
        [&](const QList<qint64> &ids) { changed += int(ids.size()); });
    QObject::connect(&engine, &engine::Engine::ordersSynced, &engine, [&](const QString &account, int orders) {
        out << account << ": " << orders << " order(s) added or updated" << Qt::endl;
    });
    QObject::connect(&engine, &engine::Engine::accountStatus, &engine,
        [&](const QString &account, const QString &state, const QString &message) {
            if (!only.isEmpty() && account != only) {
                return;
            }
            if (state == QLatin1String("failed") || state == QLatin1String("retrying")) {
                err << "waybillctl sync: " << message << Qt::endl;
                // A one-off run reports an unreachable server instead of retrying for ever.
                if (once || state == QLatin1String("failed")) {
                    ++failures;
                    s_stopRequested = once;
                }
            }
        });
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &engine, [&] {
        if (s_stopRequested || (once && engine.isIdle())) {
            QCoreApplication::quit();
        }
    });
    check.start(100);
    QTimer::singleShot(0, &engine, &engine::Engine::start);
    QCoreApplication::exec();
    engine.stop();
    out << "Done: " << changed << " conversation update(s)" << Qt::endl;
    return failures == 0 ? 0 : 1;
}

} // namespace waybill::ctl
