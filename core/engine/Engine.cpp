// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Engine.h"

#include "AmazonOutbound.h"
#include "AmazonSolicitationSender.h"
#include "ChatChannel.h"
#include "EbayChannel.h"
#include "EmailInbound.h"
#include "EmailOutbound.h"
#include "Ingest.h"
#include "OrderActionRunner.h"
#include "OrderRelinker.h"
#include "RulesPass.h"
#include "SeenSync.h"
#include "SlaClock.h"
#include "SmsGateway.h"
#include "SmsMediaFetcher.h"
#include "SmsOutbound.h"
#include "SmsPoller.h"
#include "TrackingRefresher.h"
#include "channels/SslTransportFactory.h"
#include "commerce/AmazonOrderSync.h"
#include "commerce/DeliveryEstimator.h"
#include "commerce/HttpJsonClient.h"
#include "commerce/ShopifyOrderSync.h"
#include "commerce/WooCommerceOrderSync.h"
#include "security/CredentialJob.h"
#include "security/CredentialStore.h"
#include "security/OAuthProvider.h"
#include "security/OAuthTokenSource.h"
#include "storage/AccountRepository.h"
#include "storage/AttachmentStore.h"
#include "storage/Database.h"
#include "storage/OrderActionRepository.h"
#include "storage/OrderRepository.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"
#include "storage/TrackingRefreshRepository.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTimer>

#include <algorithm>

namespace waybill::engine {

namespace {

Q_LOGGING_CATEGORY(lcEngine, "waybill.engine")

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

/// How often a store account's orders are synced again while the engine runs.
constexpr int OrderSyncIntervalMs = 5 * 60 * 1000;

/// A Login with Amazon token source for the seller account (the refresh token is read under the account id).
std::unique_ptr<security::OAuthTokenSource> amazonTokens(const domain::AmazonAccount &account,
    const QString &clientSecret, security::CredentialStore &credentials, QNetworkAccessManager &network)
{
    return std::make_unique<security::OAuthTokenSource>(
        security::OAuthProvider::loginWithAmazon(QUrl(account.lwaUrl), account.clientId, clientSecret), account.id,
        credentials, network);
}

} // namespace

Engine::Engine(QString workspaceDirectory, std::unique_ptr<security::CredentialStore> credentials, QObject *parent)
    : QObject(parent)
    , m_directory(std::move(workspaceDirectory))
    , m_credentials(std::move(credentials))
{
}

Engine::~Engine()
{
    stop();
}

void Engine::start()
{
    try {
        const storage::Workspace workspace(m_directory);
        m_database = workspace.openDatabase(m_connectionName);
        m_attachments = std::make_unique<storage::AttachmentStore>(workspace.attachmentsDirectory());
    } catch (const storage::StorageError &error) {
        Q_EMIT startFailed(error.userMessage());
        return;
    }
    m_sla = std::make_unique<SlaClock>();
    m_ingest = std::make_unique<Ingest>(*m_database, *m_attachments, *m_sla, &now);
    m_sms = std::make_unique<SmsGateway>(*m_database, *m_ingest, &now);
    m_transports = std::make_unique<channels::SslTransportFactory>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_orderActions = std::make_unique<OrderActionRunner>(*m_database, &now);
    m_presence = std::make_unique<ChatPresence>(*m_database, &now, m_presenceTiming);
    m_presence->setLocalAgent(m_chatAgent);
    m_presence->setWatching(m_hostChat);
    m_presence->setClosed(m_chatClosed);
    m_presence->setLocalAvailable(m_agentsOnline);
    connect(m_presence.get(), &ChatPresence::onlineChanged, this, [this](bool online) {
        for (const auto &chat : m_chat) {
            chat->setAgentsOnline(online);
        }
    });
    m_presence->start(); // before the chat gateways: their first visitors are told the truth
    connect(m_orderActions.get(), &OrderActionRunner::ended, this,
        [this](qint64 actionId, qint64 conversationId, domain::OrderAction::State state, const QString &message) {
            Q_EMIT orderActionEnded(actionId, conversationId, int(state), message);
            if (conversationId) {
                Q_EMIT conversationsChanged({ conversationId });
            }
            if (state == domain::OrderAction::State::Pending) {
                // Not known to be done: ask again later with the same key.
                QTimer::singleShot(OrderActionRetryMs, this, [this, actionId] {
                    if (m_orderActions && !m_orderActions->isSending(actionId)) {
                        sendOrderAction(actionId);
                    }
                });
            }
        });
    startAccounts();
    try {
        for (const domain::OrderAction &pending : storage::OrderActionRepository(*m_database).allPending()) {
            sendOrderAction(pending.id); // the same key again: Shopify answers with what it already did
        }
    } catch (const storage::StorageError &error) {
        qCWarning(lcEngine) << "pending order actions could not be read:" << error.userMessage();
    }
    if (!m_rulesTimer) {
        m_rulesTimer = new QTimer(this);
        m_rulesTimer->setInterval(RulesIntervalMs);
        connect(m_rulesTimer, &QTimer::timeout, this, &Engine::runRules);
    }
    m_rulesTimer->start();
    QTimer::singleShot(0, this, &Engine::runRules);
    if (!m_trackingTimer) {
        m_trackingTimer = new QTimer(this);
        m_trackingTimer->setInterval(TrackingRefreshIntervalMs);
        connect(m_trackingTimer, &QTimer::timeout, this, &Engine::refreshTracking);
    }
    m_trackingTimer->start();
    Q_EMIT started();
}

void Engine::runRules()
{
    if (!m_database) {
        return;
    }
    try {
        const RulesPass::Report report = RulesPass(*m_database, now).run();
        if (!report.decisions.isEmpty()) {
            qCInfo(lcEngine) << "rules: looked at" << report.shipments << "active shipments," << report.decisions.size()
                             << "decisions," << report.failed << "failed";
        }
        if (!report.conversations.isEmpty()) {
            Q_EMIT conversationsChanged(report.conversations);
        }
        if (std::any_of(report.results.cbegin(), report.results.cend(), [](const auto &r) { return r.messaged; })) {
            pokeOutbox(); // the rules' messages leave now, not at the outbox's next look
        }
    } catch (const storage::StorageError &error) {
        qCWarning(lcEngine) << "the rules pass failed:" << error.userMessage();
    }
    for (const auto &sender : m_solicitations) {
        sender->start(); // Amazon review requests the rules asked for (and older ones still pending)
    }
}

void Engine::stop()
{
    if (m_trackingTimer) {
        m_trackingTimer->stop();
    }
    if (m_rulesTimer) {
        m_rulesTimer->stop();
    }
    stopAccounts();
    if (m_presence) {
        m_presence->stop(); // a clean quit: this agent is no longer available for live chat
        m_presence.reset();
    }
    m_orderActions.reset();
    m_sms.reset();
    m_ingest.reset();
    m_transports.reset();
    m_network.reset();
    if (m_database) {
        m_database.reset();
        Q_EMIT stopped();
    }
}

void Engine::pokeOutbox()
{
    for (channels::Channel *channel : sendingChannels()) {
        channel->poke();
    }
}

ChatChannel *Engine::chatChannel(const QString &accountId) const
{
    for (const auto &chat : m_chat) {
        if (chat->accountId() == accountId) {
            return chat.get();
        }
    }
    return nullptr;
}

void Engine::setAgentTyping(qint64 conversationId, bool typing)
{
    for (const auto &chat : m_chat) {
        chat->setAgentTyping(conversationId, typing);
    }
}

void Engine::setAgentsOnline(bool online)
{
    m_agentsOnline = online;
    if (m_presence) {
        m_presence->setLocalAvailable(online); // writes or removes the agent's row; tells the visitors on a change
    }
}

void Engine::startChatAccount(const domain::ChatAccount &account)
{
    auto chat = std::make_unique<ChatChannel>(*m_database, *m_ingest, account, &now);
    connect(chat.get(), &ChatChannel::conversationsChanged, this, &Engine::conversationsChanged);
    connect(chat.get(), &ChatChannel::visitorTyping, this, &Engine::visitorTyping);
    connect(chat.get(), &ChatChannel::rerouted, this, [this] {
        for (const auto &[id, outbound] : m_outbound) {
            outbound->poke();
        }
    });
    connect(chat.get(), &ChatChannel::refused, this, [](const QString &code, const QString &message) {
        qCInfo(lcEngine).noquote() << "chat refused" << code << message;
    });
    chat->setAgentsOnline(m_presence ? m_presence->online() : (m_agentsOnline && !m_chatClosed));
    if (!chat->start()) {
        Q_EMIT accountStatus(account.id, QStringLiteral("failed"), chat->health().reason);
        return;
    }
    qCInfo(lcEngine).noquote() << "chat" << account.name << "listening on port" << chat->port();
    Q_EMIT accountStatus(account.id, QStringLiteral("connected"), QString());
    m_chat.push_back(std::move(chat));
}

qint64 Engine::quarantine(const QString &source, const QByteArray &raw, const QString &reason)
{
    if (!m_ingest) {
        throw storage::StorageError(storage::StorageError::Kind::Invalid, QStringLiteral("the engine is not running"));
    }
    return m_ingest->quarantine(source, raw, reason);
}

void Engine::fetchSmsMedia()
{
    for (const auto &fetcher : m_smsMedia) {
        fetcher->poke();
    }
}

void Engine::reloadAccounts()
{
    stopAccounts();
    startAccounts();
}

void Engine::markSeen(qint64 conversationId)
{
    if (!m_database) {
        return;
    }
    QList<storage::MessageLocation> unseen;
    try {
        unseen = SeenSync(*m_database).takeUnseen(conversationId, now());
    } catch (const storage::StorageError &error) {
        Q_EMIT accountStatus(QString(), QStringLiteral("failed"), error.userMessage());
        return;
    }
    for (const storage::MessageLocation &location : unseen) {
        for (const auto &inbound : m_inbound) {
            if (inbound->accountId() == location.account) {
                inbound->setSeen(location.mailbox, location.uidValidity, location.uid);
            }
        }
    }
}

bool Engine::isIdle() const
{
    const bool inboundDone
        = std::all_of(m_inbound.cbegin(), m_inbound.cend(), [](const auto &i) { return i->isSynced(); });
    const QList<channels::Channel *> sending = sendingChannels();
    const bool outboundDone
        = std::all_of(sending.cbegin(), sending.cend(), [](const channels::Channel *c) { return c->isIdle(); });
    const bool pollsDone = std::all_of(m_smsPollers.cbegin(), m_smsPollers.cend(), [](const auto &p) {
        return p->isIdle();
    }) && std::all_of(m_smsMedia.cbegin(), m_smsMedia.cend(), [](const auto &m) { return m->isIdle(); });
    const bool ordersDone = std::all_of(m_orderSyncs.cbegin(), m_orderSyncs.cend(),
        [this](const auto &sync) { return m_orderSyncsPassed.contains(sync->accountId()); });
    const bool trackingDone = std::all_of(m_trackingRefreshers.cbegin(), m_trackingRefreshers.cend(),
        [this](const auto &refresher) { return m_trackingPassed.contains(refresher->config().accountId); });
    const bool reviewsDone = std::none_of(
        m_solicitations.cbegin(), m_solicitations.cend(), [](const auto &sender) { return sender->isRunning(); });
    return m_pendingSecrets == 0 && inboundDone && outboundDone && pollsDone && ordersDone && trackingDone
        && reviewsDone;
}

void Engine::stopAccounts()
{
    ++m_generation;
    m_pendingSecrets = 0;
    m_inbound.clear();
    m_outbound.clear();
    m_tokenSources.clear();
    m_orderSyncs.clear();
    m_orderSyncsPassed.clear();
    m_solicitations.clear();
    m_amazonOutbound.clear();
    m_ebay.clear();
    m_smsOutbound.clear();
    m_chat.clear();
    m_smsPollers.clear();
    m_smsMedia.clear();
    if (m_sms) {
        m_sms->clear();
    }
    m_trackingRefreshers.clear();
    m_trackingPassed.clear();
}

void Engine::stopAccount(const QString &accountId)
{
    std::erase_if(m_inbound, [&](const auto &inbound) { return inbound->accountId() == accountId; });
    std::erase_if(m_outbound, [&](const auto &entry) { return entry.first == accountId; });
}

void Engine::startAccounts()
{
    if (!m_database) {
        return;
    }
    QList<domain::EmailAccount> accounts;
    QList<domain::ShopifyAccount> stores;
    QList<domain::WooCommerceAccount> wooStores;
    QList<domain::AmazonAccount> sellers;
    QList<domain::TwilioAccount> numbers;
    QList<domain::TrackingAccount> trackers;
    QList<domain::ChatAccount> chats;
    QList<domain::EbayAccount> ebaySellers;
    try {
        const storage::AccountRepository repository(*m_database);
        accounts = repository.emailAccounts();
        stores = repository.shopifyAccounts();
        wooStores = repository.wooCommerceAccounts();
        sellers = repository.amazonAccounts();
        numbers = repository.twilioAccounts();
        trackers = repository.trackingAccounts();
        chats = repository.chatAccounts();
        ebaySellers = repository.ebayAccounts();
    } catch (const storage::StorageError &error) {
        Q_EMIT startFailed(error.userMessage());
        return;
    }
    for (const domain::EmailAccount &account : accounts) {
        if (!account.enabled || (!m_onlyAccount.isEmpty() && account.id != m_onlyAccount)) {
            continue;
        }
        Q_EMIT accountStatus(account.id, QStringLiteral("connecting"), QString());
        if (security::OAuthProvider::isOAuth(account.auth)) {
            ++m_pendingSecrets;
            startOAuthAccount(account);
            continue;
        }
        readSecretThen(account.id, [this, account](const QString &secret) { startAccount(account, secret); });
    }
    for (const domain::ShopifyAccount &store : stores) {
        if (store.enabled && (m_onlyAccount.isEmpty() || store.id == m_onlyAccount)) {
            Q_EMIT accountStatus(store.id, QStringLiteral("connecting"), QString());
            readSecretThen(store.id, [this, store](const QString &token) { startShopifyAccount(store, token); });
        }
    }
    for (const domain::WooCommerceAccount &store : wooStores) {
        if (store.enabled && (m_onlyAccount.isEmpty() || store.id == m_onlyAccount)) {
            Q_EMIT accountStatus(store.id, QStringLiteral("connecting"), QString());
            readSecretThen(store.id, [this, store](const QString &pair) { startWooCommerceAccount(store, pair); });
        }
    }
    for (const domain::AmazonAccount &seller : sellers) {
        if (seller.enabled && (m_onlyAccount.isEmpty() || seller.id == m_onlyAccount)) {
            Q_EMIT accountStatus(seller.id, QStringLiteral("connecting"), QString());
            readSecretThen(
                seller.id, [this, seller](const QString &secret) { startAmazonAccount(seller, secret); },
                domain::AmazonAccount::clientSecretKey(seller.id));
        }
    }
    for (const domain::EbayAccount &seller : ebaySellers) {
        if (seller.enabled && (m_onlyAccount.isEmpty() || seller.id == m_onlyAccount)) {
            Q_EMIT accountStatus(seller.id, QStringLiteral("connecting"), QString());
            readSecretThen(
                seller.id, [this, seller](const QString &certId) { startEbayAccount(seller, certId); },
                domain::EbayAccount::certIdKey(seller.id));
        }
    }
    for (const domain::TwilioAccount &number : numbers) {
        if (number.enabled && (m_onlyAccount.isEmpty() || number.id == m_onlyAccount)) {
            Q_EMIT accountStatus(number.id, QStringLiteral("connecting"), QString());
            readSecretThen(number.id, [this, number](const QString &token) { startTwilioAccount(number, token); });
        }
    }
    for (const domain::ChatAccount &chat : chats) {
        if (m_hostChat && chat.enabled && (m_onlyAccount.isEmpty() || chat.id == m_onlyAccount)) {
            startChatAccount(chat);
        }
    }
    for (const domain::TrackingAccount &tracker : trackers) {
        if (tracker.enabled && (m_onlyAccount.isEmpty() || tracker.id == m_onlyAccount)) {
            Q_EMIT accountStatus(tracker.id, QStringLiteral("connecting"), QString());
            readSecretThen(tracker.id, [this, tracker](const QString &key) { startTrackingAccount(tracker, key); });
        }
    }
}

void Engine::startTwilioAccount(const domain::TwilioAccount &account, const QString &authToken)
{
    if (authToken.isEmpty()) {
        Q_EMIT accountStatus(account.id, QStringLiteral("failed"),
            QStringLiteral("Twilio %1 (%2): there is no auth token in the keychain for this account; add it again with "
                           "waybillctl account add twilio")
                .arg(account.fromNumber, account.accountSid));
        return;
    }
    m_sms->addAccount(account, authToken.toUtf8());
    auto outbound = std::make_unique<SmsOutbound>(*m_database, *m_network, account, authToken, &now);
    connect(outbound.get(), &SmsOutbound::conversationsChanged, this, &Engine::conversationsChanged);
    connect(outbound.get(), &SmsOutbound::failed, this, [this, id = account.id](const QString &message) {
        Q_EMIT accountStatus(id, QStringLiteral("failed"), message);
    });
    connect(outbound.get(), &SmsOutbound::problem, this, [this, id = account.id](const QString &message) {
        Q_EMIT accountStatus(id, QStringLiteral("retrying"), message);
    });
    outbound->start();
    SmsOutbound *sender = outbound.get();
    m_smsOutbound.push_back(std::move(outbound));
    auto media = std::make_unique<SmsMediaFetcher>(*m_database, *m_attachments, *m_network, account, authToken);
    connect(media.get(), &SmsMediaFetcher::conversationsChanged, this, &Engine::conversationsChanged);
    connect(media.get(), &SmsMediaFetcher::problem, this, [this, id = account.id](const QString &message) {
        Q_EMIT accountStatus(id, QStringLiteral("retrying"), message);
    });
    media->start();
    SmsMediaFetcher *fetcher = media.get();
    m_smsMedia.push_back(std::move(media));
    if (!m_smsWebhooks) {
        auto poller = std::make_unique<SmsPoller>(*m_database, *m_sms, *m_network, account, authToken, &now);
        connect(poller.get(), &SmsPoller::conversationsChanged, this, &Engine::conversationsChanged);
        // A polled HELP may have queued the account's help reply.
        connect(poller.get(), &SmsPoller::passEnded, sender, [sender, fetcher] {
            sender->poke();
            fetcher->poke(); // polled MMS name their media lists
        });
        connect(poller.get(), &SmsPoller::problem, this, [this, id = account.id](const QString &message) {
            Q_EMIT accountStatus(id, QStringLiteral("retrying"), message);
        });
        poller->start();
        m_smsPollers.push_back(std::move(poller));
    }
    Q_EMIT accountStatus(account.id, QStringLiteral("connected"), QString());
}

void Engine::readSecretThen(
    const QString &accountId, const std::function<void(const QString &)> &start, const QString &key)
{
    ++m_pendingSecrets;
    const int generation = m_generation;
    security::CredentialJob *job = m_credentials->read(key.isEmpty() ? accountId : key, this);
    connect(job, &security::CredentialJob::failed, this, [this, job, accountId, generation](const QString &message) {
        job->deleteLater();
        if (generation == m_generation) {
            --m_pendingSecrets;
            Q_EMIT accountStatus(accountId, QStringLiteral("failed"), message);
        }
    });
    connect(job, &security::CredentialJob::succeeded, this, [this, job, start, generation](const QString &secret) {
        job->deleteLater();
        if (generation == m_generation) {
            --m_pendingSecrets;
            start(secret);
        }
    });
}

void Engine::requestOrderAction(
    qint64 orderId, qint64 conversationId, qint64 agentId, int kind, qint64 amountCents, const QString &note)
{
    if (!m_orderActions) {
        Q_EMIT orderActionEnded(0, conversationId, int(domain::OrderAction::State::Failed),
            tr("The workspace is not open; nothing was sent."));
        return;
    }
    QString refusal;
    std::optional<qint64> actionId;
    try {
        actionId = m_orderActions->prepare(
            { orderId, conversationId, agentId, domain::OrderAction::Kind(kind), amountCents, note }, &refusal);
    } catch (const storage::StorageError &error) {
        refusal = error.userMessage();
    }
    if (!actionId) {
        Q_EMIT orderActionEnded(0, conversationId, int(domain::OrderAction::State::Failed), refusal);
        return;
    }
    Q_EMIT conversationsChanged({ conversationId }); // the request is on its timeline
    sendOrderAction(*actionId);
}

void Engine::sendOrderAction(qint64 actionId)
{
    std::optional<domain::OrderAction> action;
    std::optional<domain::ShopifyAccount> account;
    try {
        action = storage::OrderActionRepository(*m_database).find(actionId);
        const auto order = action ? storage::OrderRepository(*m_database).find(action->orderId) : std::nullopt;
        for (const domain::ShopifyAccount &store : storage::AccountRepository(*m_database).shopifyAccounts()) {
            if (order && store.id == order->account) {
                account = store;
            }
        }
    } catch (const storage::StorageError &error) {
        qCWarning(lcEngine) << "order action" << actionId << "could not be read:" << error.userMessage();
    }
    if (!action) {
        Q_EMIT orderActionEnded(
            actionId, 0, int(domain::OrderAction::State::Failed), tr("That order action does not exist."));
        return;
    }
    if (!account) {
        Q_EMIT orderActionEnded(actionId, action->conversationId, int(domain::OrderAction::State::Pending),
            tr("The order's Shopify account is not set up here; the action stays pending until it is."));
        return;
    }
    security::CredentialJob *job = m_credentials->read(account->id, this);
    const qint64 conversationId = action->conversationId;
    connect(job, &security::CredentialJob::failed, this, [this, job, actionId, conversationId](const QString &message) {
        job->deleteLater();
        Q_EMIT orderActionEnded(actionId, conversationId, int(domain::OrderAction::State::Pending), message);
    });
    connect(
        job, &security::CredentialJob::succeeded, this, [this, job, actionId, store = *account](const QString &token) {
            job->deleteLater();
            if (m_orderActions && m_network) {
                m_orderActions->send(actionId,
                    std::make_unique<commerce::HttpJsonClient>(
                        *m_network, commerce::ShopifyOrderSync::clientConfig(store, token)),
                    store.apiVersion);
            }
        });
}

void Engine::startShopifyAccount(const domain::ShopifyAccount &account, const QString &accessToken)
{
    if (accessToken.isEmpty()) {
        Q_EMIT accountStatus(account.id, QStringLiteral("failed"),
            QStringLiteral("Shopify %1: there is no access token in the keychain for this account; add it again with "
                           "waybillctl account add shopify")
                .arg(account.shop));
        return;
    }
    auto client = std::make_unique<commerce::HttpJsonClient>(
        *m_network, commerce::ShopifyOrderSync::clientConfig(account, accessToken));
    runOrderSync(std::make_unique<commerce::ShopifyOrderSync>(*m_database, std::move(client), account));
}

void Engine::startWooCommerceAccount(const domain::WooCommerceAccount &account, const QString &keyPair)
{
    const qsizetype colon = keyPair.indexOf(u':');
    if (colon <= 0 || colon == keyPair.size() - 1) {
        Q_EMIT accountStatus(account.id, QStringLiteral("failed"),
            QStringLiteral("WooCommerce %1: there is no REST API key pair in the keychain for this account; add it "
                           "again with waybillctl account add woocommerce")
                .arg(account.name));
        return;
    }
    auto client = std::make_unique<commerce::HttpJsonClient>(
        *m_network, commerce::WooCommerceOrderSync::clientConfig(account, keyPair.left(colon), keyPair.mid(colon + 1)));
    runOrderSync(std::make_unique<commerce::WooCommerceOrderSync>(*m_database, std::move(client), account));
}

void Engine::startAmazonAccount(const domain::AmazonAccount &account, const QString &clientSecret)
{
    if (clientSecret.isEmpty()) {
        Q_EMIT accountStatus(account.id, QStringLiteral("failed"),
            QStringLiteral("Amazon %1: there is no LWA client secret in the keychain for this account; add it again "
                           "with waybillctl account add amazon")
                .arg(account.name));
        return;
    }
    const commerce::HttpJsonClient::Config config = commerce::AmazonOrderSync::clientConfig(account);
    runOrderSync(std::make_unique<commerce::AmazonOrderSync>(
        *m_database, *m_network, config, amazonTokens(account, clientSecret, *m_credentials, *m_network), account));
    // Review requests and messages have their own token sources and clients: they run between order passes, each
    // with its API's own rate.
    auto sender = std::make_unique<AmazonSolicitationSender>(
        *m_database, *m_network, config, amazonTokens(account, clientSecret, *m_credentials, *m_network), account, now);
    connect(sender.get(), &AmazonSolicitationSender::passEnded, this,
        [this, id = account.id](int sent, int refused, const QString &problem) {
            if (sent + refused > 0) {
                qCInfo(lcEngine) << id << "review requests:" << sent << "sent," << refused << "refused by Amazon";
            }
            if (!problem.isEmpty()) {
                Q_EMIT accountStatus(id, QStringLiteral("retrying"), problem);
            }
        });
    m_solicitations.push_back(std::move(sender));
    auto outbound = std::make_unique<AmazonOutbound>(
        *m_database, *m_network, config, amazonTokens(account, clientSecret, *m_credentials, *m_network), account, now);
    connect(outbound.get(), &AmazonOutbound::conversationsChanged, this, &Engine::conversationsChanged);
    connect(outbound.get(), &AmazonOutbound::problem, this, [this, id = account.id](const QString &message) {
        Q_EMIT accountStatus(id, QStringLiteral("retrying"), message);
    });
    connect(outbound.get(), &AmazonOutbound::messageTypesListed, this, &Engine::amazonMessageTypesListed);
    outbound->start();
    m_amazonOutbound.push_back(std::move(outbound));
}

void Engine::startEbayAccount(const domain::EbayAccount &account, const QString &certId)
{
    if (certId.isEmpty()) {
        Q_EMIT accountStatus(account.id, QStringLiteral("failed"),
            QStringLiteral("%1: there is no Cert ID in the keychain for this account; add it again with waybillctl "
                           "account add ebay or in Settings")
                .arg(account.label()));
        return;
    }
    auto ebay
        = std::make_unique<EbayChannel>(*m_database, *m_ingest, *m_network, *m_credentials, account, certId, &now);
    connect(ebay.get(), &EbayChannel::conversationsChanged, this, &Engine::conversationsChanged);
    connect(ebay.get(), &EbayChannel::problem, this, [this, id = account.id](const QString &message) {
        Q_EMIT accountStatus(id, QStringLiteral("retrying"), message);
    });
    connect(ebay.get(), &EbayChannel::connected, this,
        [this, id = account.id] { Q_EMIT accountStatus(id, QStringLiteral("connected"), QString()); });
    ebay->start();
    m_ebay.push_back(std::move(ebay));
}

void Engine::runOrderSync(std::unique_ptr<commerce::OrderSync> sync)
{
    commerce::OrderSync *started = sync.get();
    const QString id = started->accountId();
    auto again = [this, started, id] {
        m_orderSyncsPassed.insert(id);
        QTimer::singleShot(OrderSyncIntervalMs, started, &commerce::OrderSync::start);
    };
    connect(started, &commerce::OrderSync::finished, this, [this, again, id](int orders) {
        Q_EMIT accountStatus(id, QStringLiteral("connected"), QString());
        Q_EMIT ordersSynced(id, orders);
        if (orders > 0) {
            relinkConversations(); // mail that came before its order finds it now
        }
        again();
    });
    connect(started, &commerce::OrderSync::failed, this, [this, again, id](const QString &message) {
        Q_EMIT accountStatus(id, QStringLiteral("failed"), message);
        again();
    });
    connect(started, &commerce::OrderSync::retrying, this, [this, id](const QString &message) {
        // Waiting out a rate limit or a server hiccup is part of a pass, not a failure.
        Q_EMIT accountStatus(id, QStringLiteral("syncing"), message);
    });
    m_orderSyncs.push_back(std::move(sync));
    started->start();
}

void Engine::startTrackingAccount(const domain::TrackingAccount &account, const QString &apiKey)
{
    TrackingRefresher::Config config;
    config.accountId = account.id;
    config.provider = account.provider;
    config.baseUrl = QUrl(account.baseUrl);
    config.apiKey = apiKey;
    auto refresher = std::make_unique<TrackingRefresher>(
        *m_database, *m_attachments, *m_network, config, [] { return QDateTime::currentMSecsSinceEpoch(); });
    const QString id = account.id;
    connect(refresher.get(), &TrackingRefresher::finished, this, [this, id](const TrackingRefresher::Report &report) {
        m_trackingPassed.insert(id);
        for (const QString &error : report.errors) {
            qCWarning(lcEngine) << "tracking:" << error;
        }
        // Parcels the provider does not know (yet) are not the account's failure; a refused key is.
        if (!report.accountError.isEmpty()) {
            Q_EMIT accountStatus(id, QStringLiteral("failed"), report.accountError);
        } else {
            Q_EMIT accountStatus(id, QStringLiteral("connected"),
                report.rateLimited ? report.errors.value(report.errors.size() - 1) : QString());
        }
        if (!report.changed()) {
            return;
        }
        try {
            // A delivery teaches the transit times; the rules act on delays, exceptions and deliveries now.
            commerce::DeliveryEstimator::refresh(*m_database);
        } catch (const storage::StorageError &error) {
            qCWarning(lcEngine) << "delivery estimates after a tracking refresh failed:" << error.userMessage();
        }
        if (!report.conversations.isEmpty()) {
            Q_EMIT conversationsChanged(report.conversations);
        }
        runRules();
    });
    connect(refresher.get(), &TrackingRefresher::shipmentRefreshed, this,
        [this](qint64 shipmentId, bool changed, const QList<qint64> &conversations, const QString &problem) {
            if (!conversations.isEmpty()) {
                Q_EMIT conversationsChanged(conversations); // the agent waits on it: not only at the pass's end
            }
            Q_EMIT shipmentRefreshEnded(shipmentId, changed, problem);
        });
    m_trackingRefreshers.push_back(std::move(refresher));
    m_trackingRefreshers.back()->start();
}

QList<const channels::Channel *> Engine::channels() const
{
    const QList<channels::Channel *> sending = sendingChannels();
    return { sending.cbegin(), sending.cend() };
}

QList<channels::Channel *> Engine::sendingChannels() const
{
    QList<channels::Channel *> all;
    for (const auto &[id, outbound] : m_outbound) {
        all.append(outbound.get());
    }
    for (const auto &outbound : m_smsOutbound) {
        all.append(outbound.get());
    }
    for (const auto &outbound : m_amazonOutbound) {
        all.append(outbound.get());
    }
    for (const auto &chat : m_chat) {
        all.append(chat.get());
    }
    for (const auto &ebay : m_ebay) {
        all.append(ebay.get());
    }
    return all;
}

void Engine::refreshShipment(qint64 shipmentId)
{
    std::optional<commerce::TrackedShipment> shipment;
    try {
        if (m_database) {
            shipment = storage::TrackingRefreshRepository(*m_database).active(shipmentId);
        }
    } catch (const storage::StorageError &error) {
        Q_EMIT shipmentRefreshEnded(shipmentId, false, error.userMessage());
        return;
    }
    if (!shipment) {
        Q_EMIT shipmentRefreshEnded(
            shipmentId, false, tr("This shipment is delivered, returned or has no tracking number."));
        return;
    }
    if (m_trackingRefreshers.empty()) {
        Q_EMIT shipmentRefreshEnded(shipmentId, false,
            tr("No tracking provider is set up. Add EasyPost, AfterShip or Shippo under Settings → Stores, "
               "tracking and SMS."));
        return;
    }
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const auto ready = std::find_if(m_trackingRefreshers.cbegin(), m_trackingRefreshers.cend(),
        [nowMs](const auto &refresher) { return !refresher->budget().isPaused(nowMs); });
    (ready != m_trackingRefreshers.cend() ? *ready : m_trackingRefreshers.front())->refreshNow(*shipment);
}

void Engine::listAmazonMessageTypes(qint64 conversationId)
{
    QString account;
    QString amazonOrderId;
    try {
        if (const auto order = m_database
                ? storage::OrderRepository(*m_database).linkedStoreOrder(conversationId, QStringLiteral("amazon"))
                : std::nullopt) {
            account = order->account;
            amazonOrderId = order->externalId;
        }
    } catch (const storage::StorageError &error) {
        Q_EMIT amazonMessageTypesListed(conversationId, {}, error.userMessage());
        return;
    }
    if (account.isEmpty() || amazonOrderId.isEmpty()) {
        Q_EMIT amazonMessageTypesListed(conversationId, {},
            tr("This conversation is not linked to an order synchronised from Amazon, so Amazon cannot be asked."));
        return;
    }
    const auto outbound = std::find_if(m_amazonOutbound.cbegin(), m_amazonOutbound.cend(),
        [&account](const auto &o) { return o->accountId() == account; });
    if (outbound == m_amazonOutbound.cend()) {
        Q_EMIT amazonMessageTypesListed(conversationId, {},
            tr("The Amazon seller account of this order (%1) is not connected: add it, or its LWA secrets, under "
               "Settings → Stores, tracking and SMS.")
                .arg(account));
        return;
    }
    (*outbound)->listMessageTypes(conversationId, amazonOrderId);
}

void Engine::refreshTracking()
{
    for (const auto &refresher : m_trackingRefreshers) {
        if (!refresher->isRunning()) {
            refresher->start();
        }
    }
}

void Engine::relinkConversations()
{
    try {
        const auto stats = OrderRelinker(*m_database, now, OrderRelinker::Scope::Unlinked).run();
        commerce::DeliveryEstimator::refresh(*m_database); // expected and late dates for the new shipments
        runRules(); // new shipments, deliveries and late dates: the rules act on them now
        if (stats.linked + stats.moved > 0) {
            qCInfo(lcEngine) << "linked" << stats.linked + stats.moved << "conversations to orders after a sync";
        }
    } catch (const storage::StorageError &error) {
        qCWarning(lcEngine) << "relinking after an order sync failed:" << error.userMessage();
    }
}

void Engine::startAccount(const domain::EmailAccount &account, const QString &secret)
{
    auto inbound = std::make_unique<EmailInbound>(*m_database, *m_ingest, *m_transports, account, secret);
    connect(inbound.get(), &EmailInbound::conversationsChanged, this, &Engine::conversationsChanged);
    connect(inbound.get(), &EmailInbound::synced, this,
        [this, id = account.id] { Q_EMIT accountStatus(id, QStringLiteral("connected"), QString()); });
    connect(inbound.get(), &EmailInbound::problem, this, [this, id = account.id](const QString &message) {
        Q_EMIT accountStatus(id, QStringLiteral("retrying"), message);
    });
    connect(inbound.get(), &EmailInbound::failed, this, [this, id = account.id](const QString &message) {
        Q_EMIT accountStatus(id, QStringLiteral("failed"), message);
    });
    auto outbound = std::make_unique<EmailOutbound>(*m_database, *m_transports, account, secret, &now);
    connect(outbound.get(), &EmailOutbound::conversationsChanged, this, &Engine::conversationsChanged);
    connect(outbound.get(), &EmailOutbound::failed, this, [this, id = account.id](const QString &message) {
        Q_EMIT accountStatus(id, QStringLiteral("failed"), message);
    });
    connect(outbound.get(), &EmailOutbound::problem, this, [this, id = account.id](const QString &message) {
        Q_EMIT accountStatus(id, QStringLiteral("retrying"), message);
    });
    if (inbound->start()) {
        m_inbound.push_back(std::move(inbound));
    }
    if (outbound->start()) {
        m_outbound.emplace_back(account.id, std::move(outbound));
    }
}

void Engine::startOAuthAccount(const domain::EmailAccount &account)
{
    auto source = std::make_unique<security::OAuthTokenSource>(
        security::OAuthProvider::forAuth(account.auth), account.id, *m_credentials, *m_network);
    auto pending = std::make_shared<bool>(true); // counted in m_pendingSecrets until the first answer
    const int generation = m_generation;
    auto answered = [this, pending, generation] {
        if (*pending && generation == m_generation) {
            *pending = false;
            --m_pendingSecrets;
        }
    };
    connect(source.get(), &security::OAuthTokenSource::accessTokenReady, this,
        [this, account, answered](const QString &accessToken) {
            answered();
            stopAccount(account.id); // a fresh token: reconnect with it (the old one expires in minutes)
            startAccount(account, accessToken);
        });
    connect(source.get(), &security::OAuthTokenSource::failed, this,
        [this, id = account.id, answered](const security::OAuthError &error) {
            answered();
            const bool retried = error.kind == security::OAuthError::Kind::Network
                || error.kind == security::OAuthError::Kind::Timeout
                || error.kind == security::OAuthError::Kind::Server;
            Q_EMIT accountStatus(id, retried ? QStringLiteral("retrying") : QStringLiteral("failed"), error.message);
        });
    security::OAuthTokenSource *started = source.get();
    m_tokenSources[account.id] = std::move(source);
    started->request();
}

} // namespace waybill::engine
