// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/TaskPtr.h"
#include "domain/EbayAccount.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace waybill::channels::marketplace {
class EbayTradingCall;
class EbayTradingClient;
class EbayTradingResponse;
struct EbayMemberMessage;
} // namespace waybill::channels::marketplace
namespace waybill::commerce {
struct HttpJsonError;
}
namespace waybill::storage {
class Database;
}

namespace waybill::engine {

class Ingest;

/// One eBay seller's buyer messages into the inbox. Every pollMs a pass asks the Trading API's GetMemberMessages for
/// the messages created since the end of the last pass (less a 15-minute overlap; the first pass from the account's
/// syncSince), in windows of at most 30 days and pages of 200, and stores each one through the ingest pipeline
/// (deduplicated on eBay's MessageID) as an eBay conversation with the buyer (customer identity "ebay": their user
/// id; the e-mail address eBay shows, when it does, joins the same customer), one conversation per buyer and listing.
/// The item, the buyer and eBay's MessageID are kept beside the message (EbayMessageRepository) for the answer, and
/// the conversation is linked to the buyer's eBay order with a line from that listing when one was imported.
/// The window's end is recorded only when all of it was read, so a failing pass loses nothing: the next one asks
/// again. Calls go through the account's EbayTradingClient (its 75-calls-a-minute budget is shared with the replies).
/// Lives on the engine thread with the write connection; stop() (or destroying it) ends the work.
class EbayInbound final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EbayInbound)

public:
    using Clock = std::function<qint64()>;

    /// eBay's largest creation-time window for GetMemberMessages, and the overlap between passes.
    static constexpr qint64 WindowSeconds = 30 * 24 * 3600;
    static constexpr qint64 OverlapSeconds = 15 * 60;
    /// How far this computer's clock may be ahead of eBay's for the window's end to follow eBay's.
    static constexpr qint64 MaxClockSkewSeconds = 24 * 3600;

    EbayInbound(const storage::Database &database, Ingest &ingest, channels::marketplace::EbayTradingClient &client,
        domain::EbayAccount account, Clock now, QObject *parent = nullptr);
    ~EbayInbound() override;

    /// A pass now and then every `pollMs`.
    void start(int pollMs = 5 * 60 * 1000);
    void stop();
    /// At least one pass has ended and none is running.
    bool isIdle() const { return m_passes > 0 && !m_call; }
    int passes() const { return m_passes; }

    /// Stores one buyer message in its own transaction (public for the tests); returns the conversation, 0 when it
    /// was stored before. Throws storage::StorageError.
    qint64 store(const channels::marketplace::EbayMemberMessage &message);

Q_SIGNALS:
    void conversationsChanged(const QList<qint64> &conversationIds);
    /// A pass failed (eBay unreachable, the sign-in refused, an answer that is not eBay's); names the account.
    void problem(const QString &message);
    /// A pass ended, having stored `received` new messages; `ok`: without a problem.
    void passEnded(int received, bool ok);

private:
    void pass();
    void requestPage();
    void onPage(const channels::marketplace::EbayTradingResponse &response);
    void onFailed(const commerce::HttpJsonError &error);
    void endPass(const QString &problemMessage = QString());
    /// Links the conversation to the buyer's eBay order that has a line from the listing, when there is one.
    void linkListingOrder(qint64 conversationId, const QString &itemId);

    const storage::Database &m_database;
    Ingest &m_ingest;
    channels::marketplace::EbayTradingClient &m_client;
    domain::EbayAccount m_account;
    Clock m_now;
    channels::TaskPtr<channels::marketplace::EbayTradingCall> m_call;
    QDateTime m_windowStart; ///< of the window being read
    QDateTime m_windowEnd;
    QDateTime m_passEnd; ///< now, when the pass started
    int m_page = 1;
    QList<qint64> m_changed;
    QStringList m_skipped; ///< what the pass's pages left out, and why
    int m_received = 0;
    int m_passes = 0;
    QTimer m_timer;
};

} // namespace waybill::engine
