// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmazonCommand.h"

#include "CredentialWait.h"
#include "channels/marketplace/AmazonMessagePolicy.h"
#include "channels/marketplace/AmazonMessagingClient.h"
#include "commerce/AmazonOrderSync.h"
#include "security/KeychainCredentialStore.h"
#include "security/OAuthProvider.h"
#include "security/OAuthTokenSource.h"
#include "storage/AccountRepository.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTimer>

#include <optional>

namespace waybill::ctl {

namespace {

using channels::marketplace::AmazonMessagePolicy;
using channels::marketplace::SpApiOrderActionTask;

constexpr const char *Usage = "waybillctl amazon: say actions ORDER, or message ORDER --type TYPE --text TEXT";

} // namespace

QString AmazonCommand::name() const
{
    return QStringLiteral("amazon");
}

QString AmazonCommand::summary() const
{
    return QStringLiteral("Ask Amazon which messages an order allows, and send one (Selling Partner API Messaging).");
}

void AmazonCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("actions or message."));
    parser.addPositionalArgument(QStringLiteral("order"), QStringLiteral("The Amazon order id (3-7-7 digits)."));
    parser.addOptions({
        { QStringLiteral("account"), QStringLiteral("The Amazon account (amazon:MARKETPLACE) when there are several."),
            QStringLiteral("id") },
        { QStringLiteral("type"),
            QStringLiteral("message: the Messaging API type (%1).")
                .arg(channels::marketplace::AmazonMessagingClient::textMessageTypes().join(QStringLiteral(", "))),
            QStringLiteral("type") },
        { QStringLiteral("text"), QStringLiteral("message: the text, in the buyer's language."),
            QStringLiteral("text") },
    });
}

int AmazonCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    if (args.size() != 2 || (action != QLatin1String("actions") && action != QLatin1String("message"))) {
        err << Usage << Qt::endl;
        return 2;
    }
    const QString orderId = args.at(1);
    static const QRegularExpression amazonOrder(QStringLiteral("^\\d{3}-\\d{7}-\\d{7}$"));
    if (!amazonOrder.match(orderId).hasMatch()) {
        err << "waybillctl amazon: " << orderId << " is not an Amazon order id (3-7-7 digits)" << Qt::endl;
        return 2;
    }
    const QString type = parser.value(QStringLiteral("type"));
    const QString text = parser.value(QStringLiteral("text"));
    if (action == QLatin1String("message")) {
        if (type.isEmpty() || text.trimmed().isEmpty()) {
            err << Usage << Qt::endl;
            return 2;
        }
        const QList<AmazonMessagePolicy::Finding> findings = AmazonMessagePolicy::check(text);
        for (const AmazonMessagePolicy::Finding &finding : findings) {
            err << (AmazonMessagePolicy::blocksSending(finding.kind) ? "not sent: " : "warning: ") << finding.message
                << Qt::endl;
        }
        if (AmazonMessagePolicy::blocksSending(findings)) {
            return 1;
        }
    }

    std::optional<domain::AmazonAccount> account;
    {
        const auto database = openExisting(parser);
        const QList<domain::AmazonAccount> accounts = storage::AccountRepository(*database).amazonAccounts();
        const QString wanted = parser.value(QStringLiteral("account"));
        for (const domain::AmazonAccount &candidate : accounts) {
            if (candidate.id == wanted || (wanted.isEmpty() && accounts.size() == 1)) {
                account = candidate;
            }
        }
        if (!account) {
            err << "waybillctl amazon: "
                << (accounts.isEmpty() ? QStringLiteral("this workspace has no Amazon account (see account add amazon)")
                           : wanted.isEmpty()
                           ? QStringLiteral("this workspace has several Amazon accounts; name one with --account")
                           : wanted + QStringLiteral(" is not an Amazon account of this workspace (see account list)"))
                << Qt::endl;
            return wanted.isEmpty() && !accounts.isEmpty() ? 2 : 1;
        }
    }
    security::KeychainCredentialStore keychain;
    QString error;
    const auto clientSecret
        = waitForCredential(keychain.read(domain::AmazonAccount::clientSecretKey(account->id), nullptr), &error);
    if (!clientSecret || clientSecret->isEmpty()) {
        err << "waybillctl amazon: " << account->id << ": no LWA client secret in the keychain"
            << (error.isEmpty() ? QString() : QStringLiteral(" (") + error + u')') << "; add the account again"
            << Qt::endl;
        return 1;
    }

    QNetworkAccessManager network;
    security::OAuthTokenSource tokens(
        security::OAuthProvider::loginWithAmazon(QUrl(account->lwaUrl), account->clientId, *clientSecret), account->id,
        keychain, network);
    channels::marketplace::AmazonMessagingClient client(
        network, commerce::AmazonOrderSync::clientConfig(*account), tokens, account->marketplaceIds.value(0));
    std::unique_ptr<SpApiOrderActionTask> task;
    if (action == QLatin1String("actions")) {
        task = client.actions(orderId);
    } else {
        QString problem;
        task = client.send(orderId, type, text, &problem);
        if (!task) {
            err << "waybillctl amazon message: " << problem << Qt::endl;
            return 2;
        }
    }
    int result = 1;
    QObject::connect(task.get(), &SpApiOrderActionTask::finished, task.get(),
        [&](SpApiOrderActionTask::Outcome outcome, const QString &reason) {
            switch (outcome) {
            case SpApiOrderActionTask::Outcome::Listed:
                out << "Amazon allows for order " << orderId << ": "
                    << (task->offered().isEmpty() ? QStringLiteral("no messages")
                                                  : task->offered().join(QStringLiteral(", ")))
                    << Qt::endl;
                result = 0;
                break;
            case SpApiOrderActionTask::Outcome::Done:
                out << "Sent " << type << " to the buyer of order " << orderId << Qt::endl;
                result = 0;
                break;
            case SpApiOrderActionTask::Outcome::NotOffered:
                err << "waybillctl amazon message: not sent: " << reason << Qt::endl;
                break;
            }
            QCoreApplication::quit();
        });
    QObject::connect(task.get(), &SpApiOrderActionTask::failed, task.get(), [&](const commerce::HttpJsonError &e) {
        err << "waybillctl amazon: " << account->id << ": " << e.message << Qt::endl;
        QCoreApplication::quit();
    });
    QTimer::singleShot(0, task.get(), &SpApiOrderActionTask::start);
    QCoreApplication::exec();
    return result;
}

} // namespace waybill::ctl
