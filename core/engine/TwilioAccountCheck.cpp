// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TwilioAccountCheck.h"

#include "SmsOutbound.h"
#include "commerce/HttpJsonTask.h"

#include <QJsonObject>

namespace waybill::engine {

TwilioAccountCheck::TwilioAccountCheck(QNetworkAccessManager &network, domain::TwilioAccount account,
    const QString &authToken, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_client(network, config(m_account, authToken, timeoutMs))
{
}

TwilioAccountCheck::~TwilioAccountCheck() = default;

commerce::HttpJsonClient::Config TwilioAccountCheck::config(
    const domain::TwilioAccount &account, const QString &authToken, int timeoutMs)
{
    commerce::HttpJsonClient::Config config = SmsOutbound::clientConfig(account, authToken);
    config.timeoutMs = timeoutMs;
    config.maxServerRetries = 1; // a test says what is wrong now rather than after minutes of retries
    config.maxRateLimitWaits = 1;
    return config;
}

void TwilioAccountCheck::start()
{
    m_task = m_client.get(QStringLiteral("/2010-04-01/Accounts/%1.json").arg(m_account.accountSid));
    connect(m_task.get(), &commerce::HttpJsonTask::finished, this, [this](const commerce::HttpJsonResponse &response) {
        const QJsonObject json = response.json.object();
        Q_EMIT succeeded(
            json.value(QStringLiteral("friendly_name")).toString(), json.value(QStringLiteral("status")).toString());
    });
    connect(m_task.get(), &commerce::HttpJsonTask::failed, this, [this](const commerce::HttpJsonError &error) {
        const QString account = QStringLiteral("Twilio %1 (%2)").arg(m_account.fromNumber, m_account.accountSid);
        using Kind = commerce::HttpJsonError::Kind;
        QString why;
        switch (error.kind) {
        case Kind::Refused:
            why = QStringLiteral("wrong credentials: Twilio refused the account SID and auth token");
            break;
        case Kind::Http:
            why = error.httpStatus == 404 ? QStringLiteral("Twilio does not know this account SID") : error.message;
            break;
        case Kind::Network:
            why = QStringLiteral("unreachable: ") + error.message;
            break;
        case Kind::Timeout:
            why = QStringLiteral("timeout: ") + error.message;
            break;
        case Kind::Tls:
            why = QStringLiteral("TLS: ") + error.message;
            break;
        case Kind::RateLimited:
        case Kind::Server:
        case Kind::Malformed:
        case Kind::Shape:
        case Kind::Aborted:
            why = error.message;
            break;
        }
        Q_EMIT failed(account + QStringLiteral(": ") + why);
    });
    m_task->start();
}

} // namespace waybill::engine
