// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commerce/HttpJsonClient.h"
#include "commerce/TrackedShipment.h"
#include "commerce/TrackingRequestBudget.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace waybill::commerce {
class HttpJsonTask;
struct HttpJsonError;
struct HttpJsonResponse;
} // namespace waybill::commerce

namespace waybill::storage {
class AttachmentStore;
class Database;
} // namespace waybill::storage

namespace waybill::engine {

/// Refreshes the tracking of stored shipments from one tracking provider account (EasyPost, AfterShip or Shippo).
/// A pass asks the provider, one request at a time, about the shipments TrackingRefreshPolicy finds due, never more
/// than the account's TrackingRequestBudget allows; parses each answer with TrackingPayloadParser and applies it with
/// TrackingRepository. An answer that cannot be read is quarantined (raw bytes and reason) and the pass goes on; a
/// 429 pauses the provider for its Retry-After and ends the pass; refused credentials end it too. The budget and the
/// pause outlive a pass. An agent can also ask about one shipment now (refreshNow()), whatever the policy says. Lives
/// on the engine thread and uses the writer connection; the database, attachment store and network manager must outlive
/// it. After start() it emits finished() exactly once, never from inside start(); abort() (or destroying it) stops a
/// pass without it.
class TrackingRefresher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrackingRefresher)

public:
    struct Config {
        QString accountId; ///< "tracking:easypost", for the quarantine and messages
        QString provider; ///< "easypost", "aftership" or "shippo"
        QUrl baseUrl; ///< the provider's API, or a proxy (http:// only to this computer)
        QString apiKey; ///< read from the keychain by the owner
    };

    /// What one pass did.
    struct Report {
        int asked = 0; ///< requests sent (each counted against the budget)
        int updated = 0; ///< shipments whose status, expected date or events changed
        int quarantined = 0;
        int failed = 0; ///< requests that got no usable answer (not found, network, server)
        bool rateLimited = false; ///< the provider answered 429; it is paused until pausedUntilMs
        qint64 pausedUntilMs = 0;
        QStringList errors; ///< sentences for people, one per problem
        /// Set when the account itself is unusable (the key was refused, an unknown provider or a bad base URL);
        /// problems with single parcels only count in `failed`.
        QString accountError;
        QList<qint64> conversations; ///< conversations whose tracking chip changed

        bool changed() const { return updated > 0; }
    };

    /// Epoch milliseconds.
    using Clock = std::function<qint64()>;

    TrackingRefresher(const storage::Database &database, const storage::AttachmentStore &attachments,
        QNetworkAccessManager &network, Config config, Clock clock, QObject *parent = nullptr);
    ~TrackingRefresher() override;

    /// Starts a pass; ignored while one runs.
    void start();
    /// Asks about `shipment` now, on an agent's request, whatever TrackingRefreshPolicy says: next when a pass is
    /// running, else in a pass of its own (with its finished()). When the budget is momentarily spent it waits for the
    /// next request the provider allows; while the provider is paused it is not asked. Ends with exactly one
    /// shipmentRefreshed() for it, unless aborted; asking again before that is ignored.
    void refreshNow(const commerce::TrackedShipment &shipment);
    /// Stops the pass; no finished() or shipmentRefreshed() follows.
    void abort();
    bool isRunning() const { return m_running; }
    const Config &config() const { return m_config; }
    commerce::TrackingRequestBudget &budget() { return m_budget; }

Q_SIGNALS:
    void finished(const waybill::engine::TrackingRefresher::Report &report);
    /// A shipment asked for with refreshNow() was dealt with: `changed` when its status, dates or events moved (the
    /// conversations whose tracking chip changed are in `conversations`); otherwise `problem` says why, when there was
    /// one (empty: the provider had nothing new).
    void shipmentRefreshed(qint64 shipmentId, bool changed, const QList<qint64> &conversations, const QString &problem);

private:
    /// Resets the report and checks the account; false (with Report::accountError set) when it cannot be asked.
    bool beginPass();
    void next();
    /// Records a problem with the current shipment, for the report and for an agent waiting on it.
    void currentFailed(const QString &problem);
    /// The current shipment is dealt with: answers the agent who asked for it, if one did.
    void settleCurrent();
    void onAnswer(const commerce::HttpJsonResponse &response);
    void onFailure(const commerce::HttpJsonError &error);
    void apply(const QByteArray &body);
    void quarantine(const QByteArray &raw, const QString &reason);
    void markChecked();
    void finish();
    QString label() const;

    const storage::Database &m_database;
    const storage::AttachmentStore &m_attachments;
    Config m_config;
    Clock m_clock;
    commerce::HttpJsonClient m_client;
    commerce::TrackingRequestBudget m_budget;
    std::unique_ptr<commerce::HttpJsonTask> m_task;
    QList<commerce::TrackedShipment> m_queue;
    commerce::TrackedShipment m_current;
    bool m_currentChanged = false;
    QList<qint64> m_currentConversations;
    QString m_currentProblem;
    QSet<qint64> m_wanted; ///< shipments an agent asked about (refreshNow()) that are not settled yet
    Report m_report;
    bool m_running = false;
};

} // namespace waybill::engine
