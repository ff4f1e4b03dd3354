// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commerce/HttpJsonClient.h"
#include "domain/TwilioAccount.h"

#include <QObject>
#include <QString>

#include <memory>

class QNetworkAccessManager;

namespace waybill::commerce {
class HttpJsonTask;
}

namespace waybill::engine {

/// "Test connection" for a Twilio account: GET /2010-04-01/Accounts/{Sid}.json with the account's credentials.
/// Emits exactly one of succeeded() (with the account's friendly name and status) or failed() (wrong credentials,
/// unknown account, unreachable, timeout, TLS — each named, with the number and account SID), never from inside
/// start(). Owned by its caller; lives on the caller's thread; the QNetworkAccessManager must outlive it.
class TwilioAccountCheck final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TwilioAccountCheck)

public:
    TwilioAccountCheck(QNetworkAccessManager &network, domain::TwilioAccount account, const QString &authToken,
        int timeoutMs = 15000, QObject *parent = nullptr);
    ~TwilioAccountCheck() override;

    void start();

Q_SIGNALS:
    void succeeded(const QString &friendlyName, const QString &status);
    void failed(const QString &message);

private:
    static commerce::HttpJsonClient::Config config(
        const domain::TwilioAccount &account, const QString &authToken, int timeoutMs);

    domain::TwilioAccount m_account;
    commerce::HttpJsonClient m_client;
    std::unique_ptr<commerce::HttpJsonTask> m_task;
};

} // namespace waybill::engine
