// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChatPresence.h"
#include "domain/AmazonAccount.h"
#include "domain/ChatAccount.h"
#include "domain/EbayAccount.h"
#include "domain/EmailAccount.h"
#include "domain/ShopifyAccount.h"
#include "domain/TrackingAccount.h"
#include "domain/TwilioAccount.h"
#include "domain/WooCommerceAccount.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <utility>
#include <vector>

class QNetworkAccessManager;
class QTimer;

namespace waybill::channels {
class Channel;
class TransportFactory;
} // namespace waybill::channels
namespace waybill::commerce {
class OrderSync;
}
namespace waybill::security {
class CredentialStore;
class OAuthTokenSource;
} // namespace waybill::security
namespace waybill::storage {
class AttachmentStore;
class Database;
} // namespace waybill::storage

namespace waybill::engine {

class AmazonOutbound;
class EbayChannel;
class AmazonSolicitationSender;
class ChatChannel;
class EmailInbound;
class EmailOutbound;
class Ingest;
class OrderActionRunner;
class SlaClock;
class SmsGateway;
class SmsOutbound;
class SmsMediaFetcher;
class SmsPoller;
class TrackingRefresher;

/// The channel engine: owns the workspace's write connection ("engine"), the e-mail accounts' inbound sync and
/// outbound delivery, the store accounts' order sync (Shopify, WooCommerce, Amazon: a pass at start and every few
/// minutes, each followed by relinking and delivery estimates when it brought orders), the tracking provider accounts'
/// refresh (a pass at start and every TrackingRefreshIntervalMs, followed by delivery estimates and the rules when it
/// changed a shipment), the proactive rules (a pass at start, every RulesIntervalMs and after each order sync, each
/// followed by the Amazon accounts' pending review requests through the Solicitations API and their queued messages
/// through the Messaging API), the agents' availability for live chat (ChatPresence: this engine's agent's, kept in
/// the workspace, and the others', told to the chat visitors), and publishes change notices. Lives on its own thread
/// (EngineThread) in the desktop app and on the main thread in `waybillctl sync`; every slot must be called on that
/// thread (queued connections). start() opens the database and the accounts; stop() ends all network work and closes
/// the database.
class Engine final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)

public:
    /// `credentials` is used on the engine's thread.
    Engine(
        QString workspaceDirectory, std::unique_ptr<security::CredentialStore> credentials, QObject *parent = nullptr);
    ~Engine() override;

    /// Names the write connection (default "engine"); a second engine in one process needs another name. Call
    /// before start().
    void setConnectionName(const QString &name) { m_connectionName = name; }
    /// Limits the engine to one account (waybillctl sync ACCOUNT); call before start().
    void setOnlyAccount(const QString &accountId) { m_onlyAccount = accountId; }
    /// Twilio's webhooks reach this engine (`waybillctl serve`): incoming SMS and status reports are not polled.
    /// Without it (the desktop, `waybillctl sync`) every Twilio account is polled (SmsPoller). Call before start().
    void setSmsWebhooks(bool served) { m_smsWebhooks = served; }
    /// This engine hosts the chat accounts' gateways (the desktop, `waybillctl serve`); one-off runs (`waybillctl
    /// sync`) do not, so they never compete for the gateway's port. Call before start().
    void setHostChat(bool host) { m_hostChat = host; }
    /// The agent working at this engine (the desktop's): while setAgentsOnline() says they are available, their
    /// availability for live chat is kept in the workspace for the other engines (ChatPresence). 0 (serve, sync):
    /// none. Call before start().
    void setChatAgent(qint64 agentId) { m_chatAgent = agentId; }
    /// The chat is closed (`waybillctl serve --chat-offline`): visitors are told no one answers live, whichever agent
    /// is available. Call before start().
    void setChatClosed(bool closed) { m_chatClosed = closed; }
    /// How often the agents' availability is read and renewed (tests make it fast). Call before start().
    void setChatPresenceTiming(ChatPresence::Timing timing) { m_presenceTiming = timing; }
    /// Every account has fetched what its server had and has nothing left to send, and every store account has
    /// finished (or failed) its first order sync pass, and every tracking account its first refresh pass (for one-off
    /// runs).
    bool isIdle() const;
    /// The Twilio accounts' gateway (webhooks of `waybillctl serve`); null before start() and after stop().
    /// Engine thread only.
    SmsGateway *smsGateway() const { return m_sms.get(); }
    /// Every keychain read that start() asked for has been answered (the accounts are known with their secrets).
    bool secretsRead() const { return m_pendingSecrets == 0; }
    /// Keeps a payload that could not be parsed (a webhook's body) with the reason; returns the quarantine id.
    /// Throws storage::StorageError. Engine thread only, after start().
    qint64 quarantine(const QString &source, const QByteArray &raw, const QString &reason);
    /// Every channel the engine runs (each e-mail, SMS, Amazon and live chat account that sends), read through
    /// channels::Channel: what it can carry and its health. Valid until the accounts are reloaded or the engine stops.
    /// Engine thread only.
    QList<const channels::Channel *> channels() const;
    /// The chat account's channel (its gateway's port, its visitors); null when it is not running. Engine thread only.
    ChatChannel *chatChannel(const QString &accountId) const;
    /// What chat visitors are told about agents answering live; null before start() and after stop(). Engine thread
    /// only.
    const ChatPresence *chatPresence() const { return m_presence.get(); }
    /// The write connection; null before start() and after stop(). Engine thread only.
    const storage::Database *database() const { return m_database.get(); }

public Q_SLOTS:
    void start();
    void stop();
    /// Looks at the outbox now (the UI calls this after an agent sends a reply).
    void pokeOutbox();
    /// Looks for MMS media to download now (an MMS just arrived through a webhook).
    void fetchSmsMedia();
    /// Reads the accounts again (after one was added, changed or removed) and restarts their channels.
    void reloadAccounts();
    /// An agent opened (read) the conversation: its unseen inbound mail is marked \Seen on the server (SeenSync).
    void markSeen(qint64 conversationId);
    /// One pass of the proactive rules now (after tracking updates; also run periodically). The conversations it
    /// opened, tagged or wrote to are announced through conversationsChanged().
    void runRules();
    /// An agent asked for news about one shipment now (the order panel's "Refresh tracking"): asked through the first
    /// tracking account whose provider is not paused, ahead of scheduled refreshes. Ends with exactly one
    /// shipmentRefreshEnded(), also when there is no tracking account or the shipment is delivered; a change is also
    /// announced through conversationsChanged() at once.
    void refreshShipment(qint64 shipmentId);
    /// An agent asked for an order action (`kind`: domain::OrderAction::Kind as int) on a conversation: checked,
    /// stored as pending with its idempotency key and audited (OrderActionRunner::prepare()), then sent with the
    /// Shopify account's token from the keychain. Ends with exactly one orderActionEnded() (actionId 0 when it was
    /// refused before anything was stored). Actions left pending (a crash, a timeout) are sent again, with the
    /// same key, when the engine starts.
    void requestOrderAction(
        qint64 orderId, qint64 conversationId, qint64 agentId, int kind, qint64 amountCents, const QString &note);
    /// An agent is about to write to the buyer of the conversation's Amazon order ("Message through Amazon…"): asks
    /// Amazon, through the order's account, which message types it allows for the order now. Ends with exactly one
    /// amazonMessageTypesListed(), also when the conversation has no Amazon order or the account is not running.
    void listAmazonMessageTypes(qint64 conversationId);

    /// An agent started or stopped typing a reply in a conversation: a chat visitor sees "typing…".
    void setAgentTyping(qint64 conversationId, bool typing);
    /// Whether the agent at this engine answers chats now (default: yes). Chat visitors are told someone answers
    /// live when the chat is not closed and this says yes or another agent of the workspace is available
    /// (ChatPresence); the change reaches open widgets at once.
    void setAgentsOnline(bool online);

Q_SIGNALS:
    /// A chat visitor started or stopped typing in a conversation.
    void visitorTyping(qint64 conversationId, bool typing);
    /// Conversations that changed because of the engine (new mail, a reply sent or failed).
    void conversationsChanged(const QList<qint64> &conversationIds);
    /// A store account finished an order sync pass that added or updated `orders` orders.
    void ordersSynced(const QString &accountId, int orders);
    /// "connected", "syncing", "retrying" or "failed", with a message for people when not fine.
    void accountStatus(const QString &accountId, const QString &state, const QString &message);
    /// The answer to refreshShipment(): `changed` when the status, dates or events moved; otherwise `message` says
    /// why not, or is empty when the provider had nothing new.
    void shipmentRefreshEnded(qint64 shipmentId, bool changed, const QString &message);
    /// An order action's attempt ended; `state` is a domain::OrderAction::State as int (Pending after a timeout or
    /// a server error: it will be sent again with the same key).
    void orderActionEnded(qint64 actionId, qint64 conversationId, int state, const QString &message);
    /// The answer to listAmazonMessageTypes(): the message types Amazon lists for the order, or `problem` (for
    /// people) when it could not be asked.
    void amazonMessageTypesListed(qint64 conversationId, const QStringList &types, const QString &problem);
    void started();
    /// start() could not open the workspace; the message says why.
    void startFailed(const QString &message);
    void stopped();

private:
    void startAccounts();
    void startAccount(const domain::EmailAccount &account, const QString &secret);
    /// OAuth accounts: their channels start with an access token from an OAuthTokenSource (which reads the
    /// refresh token under the account id) and restart with each fresh token, minutes before the old expires.
    void startOAuthAccount(const domain::EmailAccount &account);
    /// Starts the account's order sync with its access token; it runs again every OrderSyncIntervalMs.
    void startShopifyAccount(const domain::ShopifyAccount &account, const QString &accessToken);
    /// Starts the store's order sync with its REST API key pair ("key:secret" in the keychain).
    void startWooCommerceAccount(const domain::WooCommerceAccount &account, const QString &keyPair);
    /// Starts the seller's order sync with the LWA client secret (the refresh token is read by its token source).
    void startAmazonAccount(const domain::AmazonAccount &account, const QString &clientSecret);
    void startEbayAccount(const domain::EbayAccount &account, const QString &certId);
    /// Makes the Twilio account's number known to the SMS gateway with its auth token, and starts its outbound SMS.
    void startTwilioAccount(const domain::TwilioAccount &account, const QString &authToken);
    /// Starts the live chat account's gateway on its listen address (no secret: visitors hold random session ids).
    void startChatAccount(const domain::ChatAccount &account);
    /// Runs an order sync now and again every OrderSyncIntervalMs, reporting its passes as account statuses.
    void runOrderSync(std::unique_ptr<commerce::OrderSync> sync);
    /// Starts the tracking account's refresher with its API key: a pass now and at every refresh tick.
    void startTrackingAccount(const domain::TrackingAccount &account, const QString &apiKey);
    /// A refresh pass for every tracking account that is not in one.
    void refreshTracking();
    /// Reads the account's password or token from the keychain, then calls `start` with it (unless the accounts
    /// were reloaded meanwhile); a keychain failure becomes a "failed" status.
    /// `key` is the keychain entry when it is not the account id.
    void readSecretThen(
        const QString &accountId, const std::function<void(const QString &)> &start, const QString &key = {});
    void stopAccount(const QString &accountId);
    /// Every channel that sends (what channels() lists), to poke or to ask whether it is idle.
    QList<channels::Channel *> sendingChannels() const;
    /// Reads the order's Shopify account and its token, then lets the runner send the pending action.
    void sendOrderAction(qint64 actionId);
    /// After a store sync brought orders: links the conversations whose mail came before them, and estimates the
    /// delivery of the new shipments.
    void relinkConversations();
    void stopAccounts();

    static constexpr int RulesIntervalMs = 10 * 60 * 1000;
    /// How often tracking accounts look for due shipments (TrackingRefreshPolicy decides which).
    static constexpr int TrackingRefreshIntervalMs = 10 * 60 * 1000;
    /// A pending order action (a timeout, a server error) is sent again, with its key, after this long.
    static constexpr int OrderActionRetryMs = 5 * 60 * 1000;

    QString m_directory;
    QString m_onlyAccount;
    QString m_connectionName = QStringLiteral("engine");
    std::unique_ptr<security::CredentialStore> m_credentials;
    std::unique_ptr<storage::Database> m_database;
    std::unique_ptr<storage::AttachmentStore> m_attachments;
    std::unique_ptr<SlaClock> m_sla;
    QTimer *m_rulesTimer = nullptr; ///< owned by this object
    QTimer *m_trackingTimer = nullptr; ///< owned by this object
    std::unique_ptr<Ingest> m_ingest;
    std::unique_ptr<SmsGateway> m_sms;
    std::unique_ptr<channels::TransportFactory> m_transports;
    std::unique_ptr<QNetworkAccessManager> m_network; ///< OAuth token requests, store APIs
    std::unique_ptr<OrderActionRunner> m_orderActions; ///< uses m_network and m_database
    std::map<QString, std::unique_ptr<security::OAuthTokenSource>> m_tokenSources; ///< by account id
    std::vector<std::unique_ptr<EmailInbound>> m_inbound;
    std::vector<std::pair<QString, std::unique_ptr<EmailOutbound>>> m_outbound; ///< with their account ids
    std::vector<std::unique_ptr<commerce::OrderSync>> m_orderSyncs;
    /// Amazon review requests, one sender per Amazon account; each pass follows a rules pass.
    std::vector<std::unique_ptr<AmazonSolicitationSender>> m_solicitations;
    /// The rules' messages to Amazon buyers (Messaging API), one per Amazon account; poked after each rules pass.
    std::vector<std::unique_ptr<AmazonOutbound>> m_amazonOutbound;
    std::vector<std::unique_ptr<SmsOutbound>> m_smsOutbound;
    std::vector<std::unique_ptr<ChatChannel>> m_chat;
    /// eBay sellers: buyer messages in, replies out, one per account.
    std::vector<std::unique_ptr<EbayChannel>> m_ebay;
    bool m_agentsOnline = true;
    bool m_hostChat = false;
    bool m_chatClosed = false;
    qint64 m_chatAgent = 0;
    ChatPresence::Timing m_presenceTiming;
    std::unique_ptr<ChatPresence> m_presence; ///< uses m_database
    std::vector<std::unique_ptr<SmsPoller>> m_smsPollers;
    std::vector<std::unique_ptr<SmsMediaFetcher>> m_smsMedia;
    bool m_smsWebhooks = false;
    QSet<QString> m_orderSyncsPassed; ///< store accounts that have finished or failed a pass
    std::vector<std::unique_ptr<TrackingRefresher>> m_trackingRefreshers; ///< use m_network and m_database
    QSet<QString> m_trackingPassed; ///< tracking accounts that have finished a refresh pass
    int m_pendingSecrets = 0; ///< keychain reads not answered yet
    int m_generation = 0; ///< bumped by reloadAccounts(), so late keychain answers for old accounts are ignored
};

} // namespace waybill::engine
