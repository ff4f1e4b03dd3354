// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpApiOrderActionTask.h"

#include "SpApiActionsParser.h"
#include "commerce/HttpJsonClient.h"
#include "commerce/HttpJsonTask.h"
#include "security/OAuthError.h"
#include "security/OAuthTokenSource.h"

#include <QUrlQuery>

namespace waybill::channels::marketplace {

SpApiOrderActionTask::SpApiOrderActionTask(commerce::HttpJsonClient &client, security::OAuthTokenSource &tokens,
    Api api, QString amazonOrderId, QString marketplaceId, QString action, QByteArray body, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_tokens(tokens)
    , m_api(api)
    , m_orderId(std::move(amazonOrderId))
    , m_marketplaceId(std::move(marketplaceId))
    , m_action(std::move(action))
    , m_body(std::move(body))
{
    connect(&m_tokens, &security::OAuthTokenSource::accessTokenReady, this,
        [this](const QString &token) { onToken(token); });
    connect(&m_tokens, &security::OAuthTokenSource::failed, this, &SpApiOrderActionTask::onTokenFailed);
}

SpApiOrderActionTask::~SpApiOrderActionTask()
{
    abort();
}

QString SpApiOrderActionTask::ordersPath(Api api, const QString &amazonOrderId)
{
    const QString base
        = api == Api::Messaging ? QStringLiteral("/messaging/v1/orders/") : QStringLiteral("/solicitations/v1/orders/");
    return base + QString::fromLatin1(QUrl::toPercentEncoding(amazonOrderId));
}

void SpApiOrderActionTask::start()
{
    abort();
    m_running = true;
    m_step = Step::List;
    m_refreshed = false;
    m_offered.clear();
    withToken();
}

void SpApiOrderActionTask::abort()
{
    m_running = false;
    m_waitingForToken = false;
    if (m_task) {
        m_task->abort();
    }
    m_task.reset();
}

void SpApiOrderActionTask::withToken()
{
    m_waitingForToken = true;
    m_tokens.request(); // answers from the event loop, at once while the token held is fresh
}

void SpApiOrderActionTask::onToken(const QString &accessToken)
{
    m_client.setHeader(QByteArrayLiteral("x-amz-access-token"), accessToken.toUtf8());
    if (!m_running || !m_waitingForToken) {
        return; // a background refresh, or another task's request
    }
    m_waitingForToken = false;
    send();
}

void SpApiOrderActionTask::onTokenFailed(const security::OAuthError &error)
{
    if (!m_running || !m_waitingForToken) {
        return;
    }
    m_waitingForToken = false;
    commerce::HttpJsonError failure;
    failure.kind = commerce::HttpJsonError::Kind::Refused;
    failure.message = QStringLiteral("no access token from Login with Amazon for %1: %2").arg(what(), error.message);
    fail(failure);
}

QUrl SpApiOrderActionTask::url() const
{
    QUrl url = m_client.config().baseUrl;
    QString base = url.path();
    if (base.endsWith(u'/')) {
        base.chop(1);
    }
    QString path = base + ordersPath(m_api, m_orderId);
    if (m_step == Step::Perform) {
        path += (m_api == Api::Messaging ? QStringLiteral("/messages/") : QStringLiteral("/solicitations/"))
            + QString::fromLatin1(QUrl::toPercentEncoding(m_action));
    }
    url.setPath(path);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("marketplaceIds"), m_marketplaceId);
    url.setQuery(query);
    return url;
}

QString SpApiOrderActionTask::what() const
{
    const QString api = m_api == Api::Messaging ? QStringLiteral("Messaging") : QStringLiteral("Solicitations");
    if (m_step == Step::List) {
        return QStringLiteral("the %1 actions of order %2").arg(api, m_orderId);
    }
    return QStringLiteral("%1 %2 for order %3").arg(api, m_action, m_orderId);
}

void SpApiOrderActionTask::send()
{
    auto task = std::make_unique<commerce::HttpJsonTask>(m_client, url());
    if (m_step == Step::Perform) {
        task->setPost(m_body, {});
    }
    connect(task.get(), &commerce::HttpJsonTask::finished, this, &SpApiOrderActionTask::onAnswer);
    connect(task.get(), &commerce::HttpJsonTask::failed, this, &SpApiOrderActionTask::onError);
    m_task.reset(task.release()); // replacing the task from inside its own signal is safe: deleted later
    m_task->start();
}

void SpApiOrderActionTask::onAnswer(const commerce::HttpJsonResponse &response)
{
    if (!m_running) {
        return;
    }
    if (m_step == Step::Perform) {
        finish(Outcome::Done, QString());
        return;
    }
    QString problem;
    const std::optional<QStringList> names = SpApiActionsParser::actionNames(response.json, &problem);
    if (!names) {
        commerce::HttpJsonError error;
        error.kind = commerce::HttpJsonError::Kind::Shape;
        error.httpStatus = response.status;
        error.message = QStringLiteral("%1 are not what the Selling Partner API documents (%2)").arg(what(), problem);
        fail(error);
        return;
    }
    m_offered = *names;
    if (m_action.isEmpty()) {
        finish(Outcome::Listed, QString());
        return;
    }
    if (!m_offered.contains(m_action)) {
        finish(Outcome::NotOffered,
            QStringLiteral("Amazon does not offer %1 for order %2 now (it offers: %3)")
                .arg(m_action, m_orderId,
                    m_offered.isEmpty() ? QStringLiteral("nothing") : m_offered.join(QStringLiteral(", "))));
        return;
    }
    m_step = Step::Perform;
    m_refreshed = false;
    send();
}

void SpApiOrderActionTask::onError(const commerce::HttpJsonError &error)
{
    if (!m_running) {
        return;
    }
    if (error.kind == commerce::HttpJsonError::Kind::Refused && !m_refreshed) {
        // The access token expired or was revoked early: one fresh token, then the same request again.
        m_refreshed = true;
        m_tokens.invalidate();
        withToken();
        return;
    }
    if (m_step == Step::Perform && error.kind == commerce::HttpJsonError::Kind::Malformed && error.httpStatus >= 200
        && error.httpStatus < 300 && error.body.trimmed().isEmpty()) {
        finish(Outcome::Done, QString()); // 201 Created without a body
        return;
    }
    commerce::HttpJsonError failure = error;
    const QString amazonSays = SpApiActionsParser::errorSummary(error.body);
    failure.message = QStringLiteral("%1: %2").arg(what(), error.message);
    if (!amazonSays.isEmpty() && !failure.message.contains(amazonSays)) {
        failure.message += QStringLiteral(" (Amazon: %1)").arg(amazonSays);
    }
    fail(failure);
}

void SpApiOrderActionTask::finish(Outcome outcome, const QString &reason)
{
    m_running = false;
    Q_EMIT finished(outcome, reason); // never from inside start(): every step waits for the token or the network
}

void SpApiOrderActionTask::fail(commerce::HttpJsonError error)
{
    m_running = false;
    Q_EMIT failed(error);
}

} // namespace waybill::channels::marketplace
