// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmsPoller.h"

#include "SmsGateway.h"
#include "SmsOutbound.h"
#include "channels/sms/TwilioMessageList.h"
#include "commerce/HttpJsonTask.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"

#include <QDateTime>
#include <QUrl>
#include <QUrlQuery>

namespace waybill::engine {

namespace {

constexpr qint64 Day = 24 * 60 * 60;
/// Replies whose status is asked for in one pass, at most.
constexpr int MaxStatusChecks = 20;

} // namespace

SmsPoller::SmsPoller(const storage::Database &database, SmsGateway &gateway, QNetworkAccessManager &network,
    domain::TwilioAccount account, const QString &authToken, std::function<qint64()> now, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_gateway(gateway)
    , m_account(std::move(account))
    , m_client(network, SmsOutbound::clientConfig(m_account, authToken))
    , m_now(std::move(now))
{
    connect(&m_timer, &QTimer::timeout, this, &SmsPoller::poll);
}

SmsPoller::~SmsPoller()
{
    stop();
}

void SmsPoller::start(int pollMs)
{
    m_timer.start(pollMs);
    QTimer::singleShot(0, this, &SmsPoller::poll);
}

void SmsPoller::stop()
{
    m_timer.stop();
    m_task.reset();
}

void SmsPoller::poll()
{
    if (m_task) {
        return; // the last pass is still running
    }
    m_received = 0;
    m_changed.clear();
    m_statusQueue.clear();
    // Since yesterday (UTC): Twilio's DateSent filter has a day's resolution; what is already stored is skipped.
    const QString since = QDateTime::fromSecsSinceEpoch(m_now() - Day, Qt::UTC).date().toString(Qt::ISODate);
    QUrlQuery query;
    // Pre-encoded: a literal "+" in a query is a space to Twilio.
    query.addQueryItem(QStringLiteral("To"), QString::fromLatin1(QUrl::toPercentEncoding(m_account.fromNumber)));
    query.addQueryItem(QStringLiteral("DateSent%3E"), since);
    query.addQueryItem(QStringLiteral("PageSize"), QStringLiteral("50"));
    fetch(m_client.get(QStringLiteral("/2010-04-01/Accounts/%1/Messages.json").arg(m_account.accountSid), query), true);
}

void SmsPoller::fetch(std::unique_ptr<commerce::HttpJsonTask> task, bool listPage)
{
    m_task = std::move(task);
    connect(m_task.get(), &commerce::HttpJsonTask::finished, this,
        [this, listPage](const commerce::HttpJsonResponse &response) {
            m_task.release()->deleteLater();
            listPage ? onPage(response) : onMessage(response);
        });
    connect(m_task.get(), &commerce::HttpJsonTask::failed, this, [this](const commerce::HttpJsonError &error) {
        m_task.release()->deleteLater();
        endPass(QStringLiteral("Twilio %1 (%2): %3").arg(m_account.fromNumber, m_account.accountSid, error.message));
    });
    m_task->start();
}

void SmsPoller::onPage(const commerce::HttpJsonResponse &response)
{
    QString error;
    const auto page = channels::sms::TwilioMessageList::parsePage(response.json, &error);
    if (!page) {
        endPass(QStringLiteral("Twilio %1: %2").arg(m_account.fromNumber, error));
        return;
    }
    try {
        for (const channels::sms::TwilioInboundSms &sms : page->inbound) {
            if (sms.accountSid != m_account.accountSid || sms.to != m_account.fromNumber) {
                continue;
            }
            const SmsGateway::Received received = m_gateway.receive(sms, m_account.id);
            if (!received.duplicate) {
                ++m_received;
                m_changed.append(received.conversationId);
            }
        }
    } catch (const storage::StorageError &storageError) {
        endPass(m_account.name + QStringLiteral(": ") + storageError.userMessage());
        return;
    }
    if (!page->nextPageUri.isEmpty()) {
        fetch(m_client.get(m_account.apiBase().resolved(QUrl(page->nextPageUri, QUrl::StrictMode))), true);
        return;
    }
    // Then the replies that may have moved on since Twilio accepted them.
    try {
        storage::SqlQuery q(m_database,
            QStringLiteral("SELECT external_id FROM messages WHERE external_id LIKE ? AND direction = 'out' AND "
                           "delivery = 'sent' AND created_at >= ? ORDER BY id DESC LIMIT ?"));
        q.bind(QString(m_account.id + QStringLiteral("|%"))).bind(m_now() - 2 * Day).bind(MaxStatusChecks).exec();
        while (q.next()) {
            m_statusQueue.append(q.text(0).section(u'|', 1));
        }
    } catch (const storage::StorageError &storageError) {
        endPass(m_account.name + QStringLiteral(": ") + storageError.userMessage());
        return;
    }
    nextStatus();
}

void SmsPoller::nextStatus()
{
    if (m_statusQueue.isEmpty()) {
        endPass();
        return;
    }
    const QString sid = m_statusQueue.takeFirst();
    fetch(
        m_client.get(QStringLiteral("/2010-04-01/Accounts/%1/Messages/%2.json").arg(m_account.accountSid, sid)), false);
}

void SmsPoller::onMessage(const commerce::HttpJsonResponse &response)
{
    QString error;
    if (const auto update = channels::sms::TwilioMessageList::parseMessage(response.json.object(), &error)) {
        try {
            if (const qint64 conversation = m_gateway.applyStatus(*update, m_account.id)) {
                m_changed.append(conversation);
            }
        } catch (const storage::StorageError &storageError) {
            endPass(m_account.name + QStringLiteral(": ") + storageError.userMessage());
            return;
        }
    }
    nextStatus();
}

void SmsPoller::endPass(const QString &problemMessage)
{
    ++m_passes;
    if (!problemMessage.isEmpty()) {
        Q_EMIT problem(problemMessage);
    }
    if (!m_changed.isEmpty()) {
        Q_EMIT conversationsChanged(m_changed);
    }
    Q_EMIT passEnded(m_received);
}

} // namespace waybill::engine
