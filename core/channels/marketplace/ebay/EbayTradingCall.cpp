// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EbayTradingCall.h"

#include "EbayCallBudget.h"
#include "EbayTradingClient.h"
#include "commerce/HttpJsonTask.h"
#include "security/OAuthError.h"
#include "security/OAuthTokenSource.h"

#include <algorithm>

namespace waybill::channels::marketplace {

namespace {

constexpr int MaxErrorBodyBytes = 64 * 1024;

} // namespace

EbayTradingCall::EbayTradingCall(EbayTradingClient &client, QString callName, QByteArray body, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_callName(std::move(callName))
    , m_body(std::move(body))
{
    m_wait.setSingleShot(true);
    connect(&m_wait, &QTimer::timeout, this, &EbayTradingCall::waitForBudget);
    connect(&m_client.tokens(), &security::OAuthTokenSource::accessTokenReady, this,
        [this](const QString &token) { onToken(token); });
    connect(&m_client.tokens(), &security::OAuthTokenSource::failed, this, &EbayTradingCall::onTokenFailed);
}

EbayTradingCall::~EbayTradingCall()
{
    abort();
}

void EbayTradingCall::start()
{
    abort();
    m_running = true;
    m_refreshed = false;
    m_requests = 0;
    m_lastResponse.reset();
    m_wait.start(0); // every step, the first included, runs from the event loop
}

void EbayTradingCall::abort()
{
    m_running = false;
    m_waitingForToken = false;
    m_wait.stop();
    if (m_task) {
        m_task->abort();
    }
    m_task.reset();
}

void EbayTradingCall::waitForBudget()
{
    if (!m_running) {
        return;
    }
    EbayCallBudget &budget = m_client.budget();
    const qint64 now = m_client.nowMs();
    if (!budget.tryTake(now)) {
        const qint64 delay = std::clamp<qint64>(budget.nextAllowedAt(now) - now, 1, 24 * 3600 * 1000);
        m_wait.start(int(delay));
        return;
    }
    m_waitingForToken = true;
    m_client.tokens().request(); // answers from the event loop, at once while the token held is fresh
}

void EbayTradingCall::onToken(const QString &accessToken)
{
    if (!m_running || !m_waitingForToken) {
        return; // a background refresh, or another call's request
    }
    m_waitingForToken = false;
    send(accessToken);
}

void EbayTradingCall::onTokenFailed(const security::OAuthError &error)
{
    if (!m_running || !m_waitingForToken) {
        return;
    }
    m_waitingForToken = false;
    // Only eBay refusing the keys or the grant is a refusal; an unreachable or failing token endpoint is passing.
    using Kind = security::OAuthError::Kind;
    const bool refused = error.kind == Kind::SignInAgain || error.kind == Kind::InvalidClient
        || error.kind == Kind::Denied || error.kind == Kind::NotConfigured;
    fail(refused                          ? commerce::HttpJsonError::Kind::Refused
            : error.kind == Kind::Timeout ? commerce::HttpJsonError::Kind::Timeout
                                          : commerce::HttpJsonError::Kind::Network,
        QStringLiteral("No eBay access token for %1: %2").arg(m_callName, error.message));
}

void EbayTradingCall::send(const QString &accessToken)
{
    const EbayTradingClient::Config &config = m_client.config();
    auto task = std::make_unique<commerce::HttpJsonTask>(m_client.http(), config.tradingUrl);
    task->setPost(m_body,
        {
            { QByteArrayLiteral("Accept"), QByteArrayLiteral("text/xml") },
            { QByteArrayLiteral("X-EBAY-API-CALL-NAME"), m_callName.toUtf8() },
            { QByteArrayLiteral("X-EBAY-API-SITEID"), config.siteId.toUtf8() },
            { QByteArrayLiteral("X-EBAY-API-COMPATIBILITY-LEVEL"), config.compatibilityLevel.toUtf8() },
            { QByteArrayLiteral("X-EBAY-API-IAF-TOKEN"), accessToken.toUtf8() },
        },
        QByteArrayLiteral("text/xml; charset=utf-8"));
    task->setRawAnswer(true);
    connect(task.get(), &commerce::HttpJsonTask::retrying, this, [this](const QString &, int delayMs) {
        m_client.budget().record(m_client.nowMs() + delayMs); // eBay counts the retry as a call
    });
    connect(task.get(), &commerce::HttpJsonTask::finished, this, &EbayTradingCall::onAnswer);
    connect(task.get(), &commerce::HttpJsonTask::failed, this, &EbayTradingCall::onError);
    m_task.reset(task.release()); // replacing the task from inside its own signal is safe: deleted later
    m_task->start();
}

void EbayTradingCall::onAnswer(const commerce::HttpJsonResponse &response)
{
    if (!m_running) {
        return;
    }
    m_requests += m_task ? m_task->attempts() : 1;
    QString problem;
    std::optional<EbayTradingResponse> answer = EbayTradingResponse::parse(response.body, m_callName, &problem);
    if (!answer) {
        fail(commerce::HttpJsonError::Kind::Malformed, problem, response.body.left(MaxErrorBodyBytes));
        return;
    }
    m_lastResponse = answer;
    if (answer->isTokenRefused()) {
        if (!m_refreshed) {
            retryWithFreshToken();
            return;
        }
        fail(commerce::HttpJsonError::Kind::Refused,
            QStringLiteral("eBay refused the access token for %1 again after a fresh one: sign in to eBay again (%2)")
                .arg(m_callName, answer->errorSummary()));
        return;
    }
    if (answer->isUsageLimit()) {
        EbayCallBudget &budget = m_client.budget();
        budget.pauseUntil(m_client.nowMs() + UsageLimitPauseMs);
        commerce::HttpJsonError error;
        error.kind = commerce::HttpJsonError::Kind::RateLimited;
        error.httpStatus = response.status;
        error.retryAfterMs = int(UsageLimitPauseMs);
        error.message = QStringLiteral("eBay's usage limit for %1 is reached; eBay calls pause for a minute (%2)")
                            .arg(m_callName, answer->errorSummary());
        m_running = false;
        Q_EMIT failed(error);
        return;
    }
    if (answer->ack() == EbayTradingResponse::Ack::Failure) {
        const QString summary = answer->errorSummary();
        // eBay's own trouble ("Service not available", classified SystemError) passes; a RequestError is about this
        // request and stays.
        const QList<EbayTradingError> errors = answer->errors();
        const bool system = !errors.isEmpty()
            && std::all_of(errors.cbegin(), errors.cend(),
                [](const EbayTradingError &e) { return e.classification == QLatin1String("SystemError"); });
        fail(system ? commerce::HttpJsonError::Kind::Server : commerce::HttpJsonError::Kind::Http,
            summary.isEmpty() ? QStringLiteral("eBay refused %1 without giving a reason").arg(m_callName) : summary);
        return;
    }
    m_running = false;
    Q_EMIT finished(*answer);
}

void EbayTradingCall::onError(const commerce::HttpJsonError &error)
{
    if (!m_running) {
        return;
    }
    m_requests += m_task ? m_task->attempts() : 1;
    if (error.kind == commerce::HttpJsonError::Kind::Refused && !m_refreshed) {
        retryWithFreshToken(); // 401/403: the access token expired or was revoked early
        return;
    }
    commerce::HttpJsonError failure = error;
    if (error.kind == commerce::HttpJsonError::Kind::Refused) {
        failure.message = QStringLiteral("eBay refused the access token for %1 again after a fresh one: sign in to "
                                         "eBay again (%2)")
                              .arg(m_callName, error.message);
    } else {
        failure.message = QStringLiteral("eBay %1: %2").arg(m_callName, error.message);
    }
    m_running = false;
    Q_EMIT failed(failure);
}

void EbayTradingCall::retryWithFreshToken()
{
    m_refreshed = true;
    m_client.tokens().invalidate();
    m_wait.start(0); // back through the budget: the retry is another call
}

void EbayTradingCall::fail(commerce::HttpJsonError::Kind kind, const QString &message, const QByteArray &body)
{
    commerce::HttpJsonError error;
    error.kind = kind;
    error.message = message;
    error.body = body;
    m_running = false;
    Q_EMIT failed(error);
}

} // namespace waybill::channels::marketplace
