// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commerce/HttpJsonClient.h"
#include "domain/TwilioAccount.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace waybill::commerce {
class HttpJsonTask;
struct HttpJsonError;
struct HttpJsonResponse;
} // namespace waybill::commerce
namespace waybill::storage {
class Database;
}

namespace waybill::engine {

class SmsGateway;

/// Twilio without a public endpoint (the desktop's embedded mode, `waybillctl sync`): every pollMs it reads the
/// messages sent to the account's number since yesterday (GET …/Messages.json?To=…&DateSent>=…, following
/// next_page_uri) and stores the customers' ones through the SmsGateway (which skips what it already has), then
/// asks for the status of our replies of the last two days that are not final yet (GET …/Messages/{Sid}.json).
/// One request at a time; 429 and 5xx are retried by the HTTP task, a pass that fails is reported through
/// problem() and the next one starts on time. Lives on the engine thread; stop() (or destroying it) ends the work.
class SmsPoller final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmsPoller)

public:
    SmsPoller(const storage::Database &database, SmsGateway &gateway, QNetworkAccessManager &network,
        domain::TwilioAccount account, const QString &authToken, std::function<qint64()> now,
        QObject *parent = nullptr);
    ~SmsPoller() override;

    /// Polls now and then every `pollMs`.
    void start(int pollMs = 60 * 1000);
    void stop();
    /// At least one pass has ended and none is running.
    bool isIdle() const { return m_passes > 0 && !m_task; }
    /// Passes ended so far.
    int passes() const { return m_passes; }

Q_SIGNALS:
    void conversationsChanged(const QList<qint64> &conversationIds);
    /// A pass failed (Twilio unreachable, the credentials refused); the message names the account.
    void problem(const QString &message);
    /// A pass ended, having stored `received` new SMS.
    void passEnded(int received);

private:
    void poll();
    void fetch(std::unique_ptr<commerce::HttpJsonTask> task, bool listPage);
    void onPage(const commerce::HttpJsonResponse &response);
    void onMessage(const commerce::HttpJsonResponse &response);
    void nextStatus();
    void endPass(const QString &problemMessage = QString());

    const storage::Database &m_database;
    SmsGateway &m_gateway;
    domain::TwilioAccount m_account;
    commerce::HttpJsonClient m_client;
    std::function<qint64()> m_now;
    std::unique_ptr<commerce::HttpJsonTask> m_task;
    QStringList m_statusQueue; ///< MessageSids of replies whose status is asked in this pass
    QList<qint64> m_changed;
    int m_received = 0;
    int m_passes = 0;
    QTimer m_timer;
};

} // namespace waybill::engine
