// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackingRefresher.h"

#include "commerce/CarrierDetector.h"
#include "commerce/HttpJsonTask.h"
#include "commerce/TrackingPayloadParser.h"
#include "commerce/TrackingProviderApi.h"
#include "commerce/TrackingRefreshPolicy.h"
#include "storage/AttachmentStore.h"
#include "storage/QuarantineRepository.h"
#include "storage/StorageError.h"
#include "storage/TrackingRefreshRepository.h"
#include "storage/TrackingRepository.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <utility>

namespace waybill::engine {

namespace {

commerce::HttpJsonClient::Config clientConfig(const TrackingRefresher::Config &config)
{
    commerce::HttpJsonClient::Config http;
    http.baseUrl = config.baseUrl;
    http.serviceName = commerce::TrackingProviderApi::displayName(config.provider);
    http.headers = commerce::TrackingProviderApi::authHeaders(config.provider, config.apiKey);
    // A 429 pauses the provider (TrackingRequestBudget) instead of waiting inside the request.
    http.maxRateLimitWaits = 0;
    http.maxRetryAfterMs = 24 * 3600 * 1000;
    http.maxBodyBytes = qint64(4) * 1024 * 1024;
    return http;
}

} // namespace

TrackingRefresher::TrackingRefresher(const storage::Database &database, const storage::AttachmentStore &attachments,
    QNetworkAccessManager &network, Config config, Clock clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_attachments(attachments)
    , m_config(std::move(config))
    , m_clock(std::move(clock))
    , m_client(network, clientConfig(m_config))
    , m_budget(commerce::TrackingRequestBudget::documentedLimits(m_config.provider), m_clock())
{
}

TrackingRefresher::~TrackingRefresher() = default;

bool TrackingRefresher::beginPass()
{
    m_running = true;
    m_report = Report();
    m_queue.clear();
    const QString problem = commerce::HttpJsonClient::urlProblem(m_config.baseUrl);
    if (!commerce::TrackingProviderApi::isSupported(m_config.provider)) {
        m_report.accountError = QStringLiteral("%1: %2 is not a tracking provider Waybill can ask")
                                    .arg(m_config.accountId, m_config.provider);
    } else if (!problem.isEmpty()) {
        m_report.accountError = m_config.accountId + QStringLiteral(": ") + problem;
    }
    if (!m_report.accountError.isEmpty()) {
        m_report.errors << m_report.accountError;
        return false;
    }
    const qint64 nowMs = m_clock();
    if (m_budget.isPaused(nowMs)) {
        m_report.rateLimited = true;
        m_report.pausedUntilMs = m_budget.pausedUntil();
    }
    return true;
}

void TrackingRefresher::start()
{
    if (m_running) {
        return;
    }
    if (beginPass()) {
        const commerce::TrackingRefreshPolicy policy([this] { return m_clock() / 1000; });
        try {
            m_queue
                = policy.due(storage::TrackingRefreshRepository(m_database).active(), m_budget.available(m_clock()));
        } catch (const storage::StorageError &error) {
            m_report.errors << QString(m_config.accountId + QStringLiteral(": ") + error.userMessage());
        }
    }
    // Never from inside start().
    QTimer::singleShot(0, this, &TrackingRefresher::next);
}

void TrackingRefresher::refreshNow(const commerce::TrackedShipment &shipment)
{
    if (m_wanted.contains(shipment.id)) {
        return;
    }
    m_wanted.insert(shipment.id);
    if (m_running) {
        m_queue.removeIf([&shipment](const commerce::TrackedShipment &queued) { return queued.id == shipment.id; });
        m_queue.prepend(shipment);
        return;
    }
    if (beginPass()) {
        m_queue = { shipment };
    }
    QTimer::singleShot(0, this, &TrackingRefresher::next);
}

void TrackingRefresher::abort()
{
    m_task.reset();
    m_queue.clear();
    m_wanted.clear();
    m_running = false;
}

void TrackingRefresher::next()
{
    if (!m_running || m_task) {
        return;
    }
    while (!m_queue.isEmpty()) {
        m_current = m_queue.takeFirst();
        m_currentChanged = false;
        m_currentConversations.clear();
        m_currentProblem.clear();
        const commerce::TrackingProviderApi::Request request
            = commerce::TrackingProviderApi::request(m_config.provider, m_current.carrier, m_current.trackingNumber);
        if (request.path.isEmpty()) {
            ++m_report.failed;
            currentFailed(QStringLiteral("the carrier \"%1\" is not one %2 can be asked about")
                              .arg(m_current.carrier, m_client.config().serviceName));
            markChecked();
            settleCurrent();
            continue;
        }
        const qint64 nowMs = m_clock();
        if (!m_budget.tryTake(nowMs)) {
            if (m_wanted.contains(m_current.id) && !m_budget.isPaused(nowMs)) {
                // An agent is waiting: ask as soon as the provider allows the next request.
                m_queue.prepend(m_current);
                const int waitMs = int(std::ceil(1000.0 / std::max(m_budget.limits().perSecond, 0.001)));
                QTimer::singleShot(std::min(waitMs, 60 * 1000), this, &TrackingRefresher::next);
                return;
            }
            break; // the budget of this pass is spent; the rest stay due for the next one
        }
        ++m_report.asked;
        m_task = m_client.get(request.path, request.query);
        connect(m_task.get(), &commerce::HttpJsonTask::finished, this, &TrackingRefresher::onAnswer);
        connect(m_task.get(), &commerce::HttpJsonTask::failed, this, &TrackingRefresher::onFailure);
        m_task->start();
        return;
    }
    finish();
}

void TrackingRefresher::onAnswer(const commerce::HttpJsonResponse &response)
{
    const QJsonValue trackers = response.json.object().value(QStringLiteral("trackers"));
    if (m_config.provider == QLatin1String("easypost") && trackers.isArray() && trackers.toArray().isEmpty()) {
        // A readable answer: EasyPost has no tracker for this number (none was created with the label).
        ++m_report.failed;
        currentFailed(QStringLiteral("EasyPost has no tracker for this number"));
        markChecked();
    } else {
        apply(response.json.toJson(QJsonDocument::Compact));
    }
    m_task.release()->deleteLater();
    settleCurrent();
    next();
}

void TrackingRefresher::onFailure(const commerce::HttpJsonError &error)
{
    using Kind = commerce::HttpJsonError::Kind;
    m_task.release()->deleteLater();
    switch (error.kind) {
    case Kind::Malformed:
        quarantine(error.body, error.message);
        markChecked();
        break;
    case Kind::RateLimited:
        m_budget.pauseUntil(m_clock() + std::max(error.retryAfterMs, 0));
        m_report.rateLimited = true;
        m_report.pausedUntilMs = m_budget.pausedUntil();
        m_currentProblem = QStringLiteral("%1 asked to wait (429); paused for %2 s")
                               .arg(m_client.config().serviceName)
                               .arg((std::max(error.retryAfterMs, 0) + 999) / 1000);
        m_report.errors << m_config.accountId + QStringLiteral(": ") + m_currentProblem;
        m_queue.clear();
        break;
    case Kind::Refused:
        ++m_report.failed;
        m_report.accountError = m_config.accountId + QStringLiteral(": ") + error.message;
        m_report.errors << m_report.accountError;
        m_currentProblem = m_report.accountError;
        m_queue.clear();
        break;
    case Kind::Http:
        // 404 and other 4xx: the provider does not know the parcel (yet); ask again at the next interval.
        ++m_report.failed;
        currentFailed(error.message);
        markChecked();
        break;
    default:
        ++m_report.failed;
        currentFailed(error.message);
        break;
    }
    settleCurrent();
    next();
}

void TrackingRefresher::apply(const QByteArray &body)
{
    const commerce::TrackingParseResult parsed = commerce::TrackingPayloadParser::parse(body, m_config.provider);
    if (!parsed.ok()) {
        quarantine(body, parsed.error.isEmpty() ? QStringLiteral("no parcel in the answer") : parsed.error);
        markChecked();
        return;
    }
    const QString wanted = commerce::CarrierDetector::normalise(m_current.trackingNumber);
    bool found = false;
    try {
        const qint64 now = m_clock() / 1000;
        const storage::TrackingRepository tracking(m_database);
        for (const commerce::TrackingUpdate &update : parsed.updates) {
            if (commerce::CarrierDetector::normalise(update.trackingNumber) != wanted) {
                continue;
            }
            found = true;
            const storage::TrackingApplyResult result = tracking.apply(m_current.id, update, now);
            if (result.changed()) {
                ++m_report.updated;
                m_report.conversations << result.conversations;
                m_currentChanged = true;
                m_currentConversations = result.conversations;
            }
            break;
        }
        markChecked();
    } catch (const storage::StorageError &error) {
        ++m_report.failed;
        currentFailed(error.userMessage());
        return;
    }
    if (!found) {
        ++m_report.failed;
        currentFailed(QStringLiteral("the answer does not mention this tracking number"));
    }
}

void TrackingRefresher::quarantine(const QByteArray &raw, const QString &reason)
{
    try {
        storage::QuarantinedMessage entry;
        entry.account = m_config.accountId;
        entry.receivedAt = m_clock() / 1000;
        entry.reason = label() + QStringLiteral(": ") + reason;
        m_currentProblem = QStringLiteral("the provider's answer could not be read (kept in Quarantine): ") + reason;
        entry.rawSha256 = m_attachments.put(raw);
        entry.sizeBytes = raw.size();
        storage::QuarantineRepository(m_database).insert(entry);
        ++m_report.quarantined;
        m_report.errors << entry.reason;
    } catch (const storage::StorageError &error) {
        ++m_report.failed;
        currentFailed(error.userMessage());
    }
}

void TrackingRefresher::markChecked()
{
    try {
        storage::TrackingRefreshRepository(m_database).markChecked(m_current.id, m_clock() / 1000);
    } catch (const storage::StorageError &error) {
        m_report.errors << label() + QStringLiteral(": ") + error.userMessage();
    }
}

void TrackingRefresher::currentFailed(const QString &problem)
{
    m_currentProblem = problem;
    m_report.errors << label() + QStringLiteral(": ") + problem;
}

void TrackingRefresher::settleCurrent()
{
    if (m_wanted.remove(m_current.id)) {
        Q_EMIT shipmentRefreshed(m_current.id, m_currentChanged, m_currentConversations, m_currentProblem);
    }
}

void TrackingRefresher::finish()
{
    m_running = false;
    // Shipments an agent asked about that this pass could not ask: the account failed or the provider is paused.
    const QSet<qint64> unasked = std::exchange(m_wanted, {});
    QString reason = m_report.accountError;
    if (reason.isEmpty() && m_budget.isPaused(m_clock())) {
        reason = QStringLiteral("%1 asked to wait; it is asked again after %2")
                     .arg(m_client.config().serviceName,
                         QDateTime::fromMSecsSinceEpoch(m_budget.pausedUntil()).toString(QStringLiteral("HH:mm:ss")));
    }
    if (reason.isEmpty()) {
        reason = QStringLiteral("it could not be asked in this pass");
    }
    for (const qint64 id : unasked) {
        Q_EMIT shipmentRefreshed(id, false, {}, reason);
    }
    Q_EMIT finished(m_report);
}

QString TrackingRefresher::label() const
{
    return QStringLiteral("%1: tracking %2").arg(m_config.accountId, m_current.trackingNumber);
}

} // namespace waybill::engine
