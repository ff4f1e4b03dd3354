// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncCommand.h"

#include "CredentialWait.h"
#include "channels/SslTransportFactory.h"
#include "engine/EmailInbound.h"
#include "engine/Ingest.h"
#include "engine/SlaClock.h"
#include "security/KeychainCredentialStore.h"
#include "storage/AccountRepository.h"
#include "storage/AttachmentStore.h"
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
    return QStringLiteral("Fetch mail for every account (or one): sync [--once] [ACCOUNT]. Without --once it keeps "
                          "running (IDLE) until stopped with Ctrl-C or SIGTERM.");
}

void SyncCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(
        QStringLiteral("account"), QStringLiteral("Only this account id."), QStringLiteral("[ACCOUNT]"));
    parser.addOption({ QStringLiteral("once"), QStringLiteral("Fetch what is there, then exit.") });
}

int SyncCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    const auto database = openExisting(parser);
    const storage::Workspace workspace = CtlCommand::workspace(parser);
    const QString only = parser.positionalArguments().value(0);
    QList<domain::EmailAccount> accounts;
    for (const domain::EmailAccount &account : storage::AccountRepository(*database).emailAccounts()) {
        if (account.enabled && (only.isEmpty() || account.id == only)) {
            accounts << account;
        }
    }
    if (accounts.isEmpty()) {
        err << "waybillctl sync: "
            << (only.isEmpty() ? QStringLiteral("no accounts yet; add one with waybillctl account add email …")
                               : QStringLiteral("there is no enabled account ") + only)
            << Qt::endl;
        return 1;
    }
    const storage::AttachmentStore attachments(workspace.attachmentsDirectory());
    const engine::SlaClock sla;
    engine::Ingest ingest(*database, attachments, sla, [] { return QDateTime::currentSecsSinceEpoch(); });
    channels::SslTransportFactory transports;
    security::KeychainCredentialStore keychain;
    std::vector<std::unique_ptr<engine::EmailInbound>> inbounds;
    int failures = 0;
    int stored = 0;
    const bool once = parser.isSet(QStringLiteral("once"));
    auto checkDone = [&] {
        const bool allSynced
            = std::all_of(inbounds.cbegin(), inbounds.cend(), [](const auto &i) { return i->isSynced(); });
        if ((once && allSynced) || s_stopRequested) {
            QCoreApplication::quit();
        }
    };
    for (const domain::EmailAccount &account : accounts) {
        QString error;
        const auto secret = waitForCredential(keychain.read(account.id, nullptr), &error);
        if (!secret) {
            err << "waybillctl sync: " << account.id << ": " << error << Qt::endl;
            ++failures;
            continue;
        }
        auto inbound = std::make_unique<engine::EmailInbound>(*database, ingest, transports, account, *secret);
        QObject::connect(inbound.get(), &engine::EmailInbound::conversationsChanged, inbound.get(),
            [&](const QList<qint64> &ids) { stored += int(ids.size()); });
        QObject::connect(inbound.get(), &engine::EmailInbound::problem, inbound.get(), [&](const QString &message) {
            err << "waybillctl sync: " << message << Qt::endl;
            // A one-off run reports an unreachable server instead of retrying for ever.
            if (once) {
                ++failures;
                s_stopRequested = true;
                checkDone();
            }
        });
        QObject::connect(inbound.get(), &engine::EmailInbound::failed, inbound.get(), [&](const QString &message) {
            err << "waybillctl sync: " << message << Qt::endl;
            ++failures;
            s_stopRequested = once;
            checkDone();
        });
        QObject::connect(inbound.get(), &engine::EmailInbound::synced, inbound.get(), checkDone);
        if (inbound->start()) {
            inbounds.push_back(std::move(inbound));
        }
    }
    if (inbounds.empty()) {
        return 1;
    }
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    QTimer stopPoll;
    QObject::connect(&stopPoll, &QTimer::timeout, &stopPoll, checkDone);
    stopPoll.start(200);
    QCoreApplication::exec();
    for (const auto &inbound : inbounds) {
        inbound->stop();
    }
    out << "Stored " << stored << " new messages from " << inbounds.size() << " account(s)" << Qt::endl;
    return failures == 0 ? 0 : 1;
}

} // namespace waybill::ctl
