// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpJsonError.h"
#include "HttpJsonResponse.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkReply;

namespace waybill::commerce {

class HttpJsonClient;

/// One GET for JSON, made by HttpJsonClient, with its retries: a 429 waits Retry-After (or one interval of the
/// operation's reported rate, or the configured default),
/// 5xx answers, timeouts and broken connections are retried with growing delays a bounded number of times, and
/// every attempt first waits out the client's call-limit pacing. TLS errors, 4xx answers and bodies that are not
/// JSON end it at once. After start() it emits exactly one of finished() or failed(), never from inside start();
/// abort() (or destroying it) stops it without either. Owned by its caller; lives on the client's thread; the client
/// must outlive every start(), wait or retry (destroying the task first is always safe).
class HttpJsonTask final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpJsonTask)

public:
    HttpJsonTask(HttpJsonClient &client, QUrl url, QObject *parent = nullptr);
    ~HttpJsonTask() override;

    void start();
    void abort();

    QUrl url() const { return m_url; }
    /// Makes it a POST of this application/x-www-form-urlencoded body (Twilio's API); call before start(). Its
    /// retries send the same body again.
    void setFormBody(const QByteArray &body)
    {
        m_formBody = body;
        m_post = true;
    }
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
    QPointer<QNetworkReply> m_reply;
    QTimer m_wait;
    QString m_tlsProblem;
    int m_attempts = 0;
    int m_serverRetries = 0;
    int m_rateLimitWaits = 0;
    QList<int> m_waits;
    bool m_tooLarge = false;
    bool m_done = false;
    bool m_post = false;
    QByteArray m_formBody;
};

} // namespace waybill::commerce
