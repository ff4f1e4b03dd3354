// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpJsonError.h"
#include "HttpJsonResponse.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <utility>

class QNetworkReply;

namespace waybill::commerce {

class HttpJsonClient;

/// One GET (or POST, after setPost()) for JSON, made by HttpJsonClient, with its retries (a POST is re-sent as is,
/// with the same body and headers, so that an idempotency key among them keeps the source from acting twice): a 429
/// waits Retry-After (or one interval of the operation's reported rate, or the configured default), 5xx answers,
/// timeouts and broken connections are retried with growing delays a bounded number of times, and every attempt first
/// waits out the client's call-limit pacing. TLS errors, 4xx answers and bodies that are not JSON end it at once. After
/// start() it emits exactly one of finished() or failed(), never from inside start(); abort() (or destroying it) stops
/// it without either. Owned by its caller; lives on the client's thread; the client must outlive every start(), wait or
/// retry (destroying the task first is always safe).
class HttpJsonTask final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpJsonTask)

public:
    HttpJsonTask(HttpJsonClient &client, QUrl url, QObject *parent = nullptr);
    ~HttpJsonTask() override;

    /// Makes this a POST of `body` (of `contentType`) with the extra `headers`; call before start(). Its retries
    /// send the same body and headers again.
    void setPost(const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &headers,
        const QByteArray &contentType = QByteArrayLiteral("application/json"));
    /// 2xx bodies are handed over as they are in HttpJsonResponse::body instead of being parsed as JSON (for XML
    /// APIs, whose callers read the body themselves); call before start().
    void setRawAnswer(bool raw) { m_rawAnswer = raw; }
    void start();
    void abort();

    QUrl url() const { return m_url; }
    /// Requests sent so far (1 when the first answer was good).
    int attempts() const { return m_attempts; }
    /// The delays waited before attempts, in milliseconds (pacing, Retry-After and back-off), for status and tests.
    QList<int> waits() const { return m_waits; }

Q_SIGNALS:
    void finished(const waybill::commerce::HttpJsonResponse &response);
    void failed(const waybill::commerce::HttpJsonError &error);
    /// A retry is scheduled in `delayMs` because of `reason` (for status lines).
    void retrying(const QString &reason, int delayMs);

private:
    void schedule(int delayMs);
    void send();
    void onReplyFinished(QNetworkReply *reply);
    bool retry(int delayMs, const QString &reason, int &counter, int limit);
    void fail(HttpJsonError::Kind kind, int status, const QString &message);
    QString what() const;

    HttpJsonClient &m_client;
    QUrl m_url;
    bool m_post = false;
    QByteArray m_body;
    QByteArray m_contentType;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    QPointer<QNetworkReply> m_reply;
    QTimer m_wait;
    QString m_tlsProblem;
    QByteArray m_errorBody; ///< the last 4xx answer's body
    int m_attempts = 0;
    int m_serverRetries = 0;
    int m_rateLimitWaits = 0;
    int m_retryAfterMs = -1; ///< the wait the last 429 asked for
    QList<int> m_waits;
    bool m_tooLarge = false;
    bool m_rawAnswer = false;
    bool m_done = false;
};

} // namespace waybill::commerce
