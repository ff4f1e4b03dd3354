// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpJsonTask.h"

#include "HttpJsonClient.h"

#include <QDateTime>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>

#include <algorithm>
#include <cmath>

namespace waybill::commerce {

namespace {

/// Retry-After in milliseconds: delta-seconds (Shopify sends "2.0") or an HTTP date; -1 when absent or unreadable.
int retryAfterMs(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty()) {
        return -1;
    }
    bool ok = false;
    const double seconds = trimmed.toDouble(&ok);
    if (ok && seconds >= 0) {
        return int(std::ceil(seconds * 1000.0));
    }
    const QDateTime at = HttpJsonClient::httpDate(trimmed);
    if (at.isValid()) {
        return int(std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(at)));
    }
    return -1;
}

bool isTransient(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProtocolFailure:
        return true;
    default:
        return false;
    }
}

QString reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 402:
        return QStringLiteral("Payment Required");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 406:
        return QStringLiteral("Not Acceptable");
    case 422:
        return QStringLiteral("Unprocessable Entity");
    case 423:
        return QStringLiteral("Locked");
    case 429:
        return QStringLiteral("Too Many Requests");
    default:
        return {};
    }
}

} // namespace

HttpJsonTask::HttpJsonTask(HttpJsonClient &client, QUrl url, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_url(std::move(url))
{
    m_wait.setSingleShot(true);
    connect(&m_wait, &QTimer::timeout, this, &HttpJsonTask::send);
}

HttpJsonTask::~HttpJsonTask()
{
    abort();
}

void HttpJsonTask::setPost(
    const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &headers, const QByteArray &contentType)
{
    m_post = true;
    m_body = body;
    m_headers = headers;
    m_contentType = contentType;
}

void HttpJsonTask::start()
{
    m_done = false;
    if (const QString problem = HttpJsonClient::urlProblem(m_url); !problem.isEmpty()) {
        // Reported from the event loop like every other outcome.
        QTimer::singleShot(0, this, [this, problem] { fail(HttpJsonError::Kind::Network, 0, problem); });
        return;
    }
    schedule(0);
}

void HttpJsonTask::abort()
{
    m_done = true;
    m_wait.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void HttpJsonTask::schedule(int delayMs)
{
    const int delay = std::max(delayMs, m_client.paceDelayMs());
    m_waits.append(delay);
    m_wait.start(delay);
}

void HttpJsonTask::send()
{
    if (m_done) {
        return;
    }
    ++m_attempts;
    m_tlsProblem.clear();
    m_errorBody.clear();
    m_tooLarge = false;
    QNetworkRequest request(m_url);
    request.setRawHeader("Accept", "application/json");
    for (const auto &[name, value] : m_client.config().headers) {
        request.setRawHeader(name, value);
    }
    for (const auto &[name, value] : m_headers) {
        request.setRawHeader(name, value);
    }
    request.setTransferTimeout(m_client.config().timeoutMs);
    // Redirects only within the same host and scheme: the headers (the access token) go nowhere else.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    if (m_url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        request.setSslConfiguration(tls);
    }
    // The reply stays the manager's child, so that it goes with the manager if that is destroyed first.
    QNetworkReply *reply = nullptr;
    if (m_post) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, m_contentType);
        reply = m_client.network().post(request, m_body);
    } else {
        reply = m_client.network().get(request);
    }
    m_reply = reply;
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors) {
            texts << error.errorString();
        }
        m_tlsProblem = texts.join(QStringLiteral("; "));
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64) {
        if (received > m_client.config().maxBodyBytes) {
            m_tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
}

void HttpJsonTask::onReplyFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply || m_done) {
        return;
    }
    m_reply = nullptr;
    const HttpJsonClient::Config &config = m_client.config();
    if (!config.callLimitHeader.isEmpty() && reply->hasRawHeader(config.callLimitHeader)) {
        m_client.noteCallLimit(reply->rawHeader(config.callLimitHeader));
    }
    if (!config.rateLimitHeader.isEmpty() && reply->hasRawHeader(config.rateLimitHeader)) {
        m_client.noteRateLimit(reply->rawHeader(config.rateLimitHeader));
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    if (m_tooLarge) {
        fail(HttpJsonError::Kind::Malformed, status,
            QStringLiteral("the answer to %1 is larger than %2 MB").arg(what()).arg(config.maxBodyBytes >> 20));
        return;
    }
    if (!m_tlsProblem.isEmpty() || error == QNetworkReply::SslHandshakeFailedError) {
        fail(HttpJsonError::Kind::Tls, 0,
            QStringLiteral("the certificate of %1 could not be verified (%2)")
                .arg(m_url.host(), m_tlsProblem.isEmpty() ? reply->errorString() : m_tlsProblem));
        return;
    }
    if (status == 429) {
        // Retry-After when sent; else one interval of the operation's reported rate; else the default.
        int delay = retryAfterMs(reply->rawHeader("Retry-After"));
        if (delay < 0) {
            delay = m_client.rateIntervalMs();
        }
        delay = std::min(delay < 0 ? config.defaultRetryAfterMs : delay, config.maxRetryAfterMs);
        m_retryAfterMs = delay;
        if (!retry(delay, QStringLiteral("too many requests (429)"), m_rateLimitWaits, config.maxRateLimitWaits)) {
            fail(HttpJsonError::Kind::RateLimited, status,
                QStringLiteral("%1 still answered 429 Too Many Requests to %2 after waiting %3 times")
                    .arg(config.serviceName, what())
                    .arg(m_rateLimitWaits));
        }
        return;
    }
    const int backoff = config.backoffMs * (1 << std::min(m_serverRetries, 10));
    if (status >= 500) {
        if (!retry(backoff, QStringLiteral("server error %1").arg(status), m_serverRetries, config.maxServerRetries)) {
            fail(HttpJsonError::Kind::Server, status,
                QStringLiteral("%1 answered %2 to %3 %4 times; try again later")
                    .arg(config.serviceName)
                    .arg(status)
                    .arg(what())
                    .arg(m_attempts));
        }
        return;
    }
    if (status == 0 || (error != QNetworkReply::NoError && status < 400)) {
        const bool timedOut = error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError;
        if ((timedOut || isTransient(error))
            && retry(backoff, reply->errorString(), m_serverRetries, config.maxServerRetries)) {
            return;
        }
        if (timedOut) {
            fail(HttpJsonError::Kind::Timeout, 0,
                QStringLiteral("%1 did not answer %2 within %3 seconds (%4 attempts)")
                    .arg(config.serviceName, what())
                    .arg(config.timeoutMs / 1000)
                    .arg(m_attempts));
        } else {
            fail(HttpJsonError::Kind::Network, status,
                QStringLiteral("%1 could not be reached for %2: %3")
                    .arg(config.serviceName, what(), reply->errorString()));
        }
        return;
    }
    const QByteArray body = reply->readAll();
    if (status >= 400) {
        const QString phrase = reasonPhrase(status);
        const QString detail = QString::fromUtf8(body.left(300)).simplified();
        const QString answer = QString::number(status) + (phrase.isEmpty() ? QString() : u' ' + phrase);
        m_errorBody = body.left(64 * 1024);
        if (status == 401 || status == 403) {
            fail(HttpJsonError::Kind::Refused, status,
                QStringLiteral("%1 refused the access token (%2)%3")
                    .arg(config.serviceName, answer, detail.isEmpty() ? QString() : QStringLiteral(": ") + detail));
        } else {
            fail(HttpJsonError::Kind::Http, status,
                QStringLiteral("%1 answered %2 to %3%4")
                    .arg(config.serviceName, answer, what(),
                        detail.isEmpty() ? QString() : QStringLiteral(": ") + detail));
        }
        return;
    }
    QJsonParseError parseError;
    HttpJsonResponse response;
    if (m_rawAnswer) {
        response.body = body;
    } else {
        response.json = QJsonDocument::fromJson(body, &parseError);
    }
    if (!m_rawAnswer && parseError.error != QJsonParseError::NoError) {
        m_errorBody = body.left(64 * 1024);
        fail(HttpJsonError::Kind::Malformed, status,
            QStringLiteral("the answer to %1 is not valid JSON (%2 at byte %3 of %4)")
                .arg(what(), parseError.errorString())
                .arg(parseError.offset)
                .arg(body.size()));
        return;
    }
    response.status = status;
    response.url = m_url;
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        response.headers.insert(name.toLower(), value);
    }
    m_done = true;
    Q_EMIT finished(response);
}

bool HttpJsonTask::retry(int delayMs, const QString &reason, int &counter, int limit)
{
    if (counter >= limit) {
        return false;
    }
    ++counter;
    Q_EMIT retrying(reason, delayMs);
    if (!m_done) {
        schedule(delayMs);
    }
    return true;
}

void HttpJsonTask::fail(HttpJsonError::Kind kind, int status, const QString &message)
{
    if (m_done) {
        return;
    }
    m_done = true;
    HttpJsonError error;
    error.kind = kind;
    error.httpStatus = status;
    error.message = message;
    error.body = m_errorBody;
    error.retryAfterMs = kind == HttpJsonError::Kind::RateLimited ? m_retryAfterMs : -1;
    Q_EMIT failed(error);
}

QString HttpJsonTask::what() const
{
    return (m_post ? QStringLiteral("POST ") : QStringLiteral("GET ")) + m_url.path();
}

} // namespace waybill::commerce
