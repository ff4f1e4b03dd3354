// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EbayTradingResponse.h"
#include "channels/TaskPtr.h"
#include "commerce/HttpJsonError.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace waybill::commerce {
class HttpJsonTask;
struct HttpJsonResponse;
} // namespace waybill::commerce
namespace waybill::security {
struct OAuthError;
} // namespace waybill::security

namespace waybill::channels::marketplace {

class EbayTradingClient;

/// One Trading API call, made by EbayTradingClient: it waits (a timer) until the account's EbayCallBudget allows a
/// call, takes an access token from the token source, and POSTs the XML body (text/xml) to the Trading URL with
/// X-EBAY-API-CALL-NAME, -SITEID, -COMPATIBILITY-LEVEL and -IAF-TOKEN. HttpJsonTask retries 5xx answers, timeouts
/// and broken connections with growing delays (each retry is recorded in the budget; the retry after a refused
/// token waits for the budget like a new call). The answer is read by EbayTradingResponse::parse(). Outcomes:
/// - finished(): Ack Success, Warning or PartialFailure (the caller reads errors() of a PartialFailure);
/// - failed() Kind::Refused: eBay refused the token (isTokenRefused(), or HTTP 401/403) again after one fresh
///   token, or eBay's token endpoint refused the keys or the grant ("sign in to eBay again"); Network or Timeout
///   when the token endpoint could not be reached or failed;
/// - failed() Kind::RateLimited: eBay's usage limit is reached; the budget is paused for a minute (retryAfterMs);
/// - failed() Kind::Http: Ack Failure, `message` is errorSummary(), lastResponse() holds the answer;
/// - failed() Kind::Malformed: not XML, or not the answer to this call (the parser's problem; `body` holds it);
/// - failed() Network, Timeout, Tls, Server: as HttpJsonTask reports them.
/// Every message names the call. After start() it emits exactly one of finished() or failed(), never from inside
/// start(); abort() (or destroying it) stops it without either. Owned by its caller on the client's thread; the
/// client must outlive it.
class EbayTradingCall final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EbayTradingCall)

public:
    /// eBay's usage limit resets within a minute: calls pause this long after such an answer.
    static constexpr qint64 UsageLimitPauseMs = 60 * 1000;

    EbayTradingCall(EbayTradingClient &client, QString callName, QByteArray body, QObject *parent = nullptr);
    ~EbayTradingCall() override;

    void start();
    void abort();

    QString callName() const { return m_callName; }
    QByteArray body() const { return m_body; }
    /// Requests sent to eBay so far by this call (retries of HttpJsonTask included).
    int requests() const { return m_requests; }
    /// The last answer read, also for a failure (Ack Failure, usage limit, refused token).
    std::optional<EbayTradingResponse> lastResponse() const { return m_lastResponse; }

Q_SIGNALS:
    void finished(const waybill::channels::marketplace::EbayTradingResponse &response);
    void failed(const waybill::commerce::HttpJsonError &error);

private:
    void waitForBudget();
    void onToken(const QString &accessToken);
    void onTokenFailed(const security::OAuthError &error);
    void send(const QString &accessToken);
    void onAnswer(const commerce::HttpJsonResponse &response);
    void onError(const commerce::HttpJsonError &error);
    void retryWithFreshToken();
    void fail(commerce::HttpJsonError::Kind kind, const QString &message, const QByteArray &body = {});

    EbayTradingClient &m_client;
    QString m_callName;
    QByteArray m_body;
    QTimer m_wait;
    TaskPtr<commerce::HttpJsonTask> m_task;
    std::optional<EbayTradingResponse> m_lastResponse;
    int m_requests = 0;
    bool m_running = false;
    bool m_waitingForToken = false;
    bool m_refreshed = false; ///< a refused token already led to a fresh one
};

} // namespace waybill::channels::marketplace
