// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/sms/TwilioSignature.h"
#include "domain/TwilioAccount.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <optional>

class QHttpServerRequest;
class QHttpServerResponse;

namespace waybill::engine {
class Engine;
}

namespace waybill::engine {
class SmsGateway;
} // namespace waybill::engine

namespace waybill::ctl {

/// The webhooks of `waybillctl serve`, on Qt HttpServer:
/// - POST /webhooks/twilio/sms: an SMS texted to one of our Twilio numbers;
/// - POST /webhooks/twilio/status: a status report on one of our SMS;
/// - POST /webhooks/tracking/easypost and /webhooks/tracking/aftership: a tracking provider's event;
/// - GET /health: for monitoring, every channel's health read through channels::Channel, as JSON
///   {"status": "ok"|"degraded", "channels": [{"account", "state": "connected"|"failing", "reason"}]}; always 200
///   while serve runs (a failing account does not stop the webhooks of the others).
/// Twilio requests must carry a valid X-Twilio-Signature for the account named by AccountSid (else 403). A body
/// over the size limit gets 413; a malformed one gets 400 with the reason, and is logged and, when it comes from
/// a verified sender or a tracking provider, quarantined with its bytes. A 200 means the request is committed to
/// the database; when the database refuses, 503 asks the sender to try again. Each request is handled to the end
/// before the next one, on the engine's thread (the main thread of `serve`), with the engine's write connection.
class WebhookServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookServer)

public:
    struct Config {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 0;
        /// The scheme and authority the senders call (behind a proxy: its public address); empty for the address
        /// the request was sent to. Twilio signs the full URL it called, so this must match what Twilio sees.
        QUrl publicUrl;
        qint64 maxBodyBytes = 1024 * 1024;
        std::optional<QSslConfiguration> tls;
    };

    WebhookServer(engine::Engine &engine, Config config, QObject *parent = nullptr);
    ~WebhookServer() override;

    /// Starts listening; returns the port, or 0 with the reason in `error`.
    quint16 listen(QString *error);
    /// Stops accepting connections. Connections already open are still read and answered.
    void stopAccepting();
    /// Requests answered so far.
    qint64 answered() const { return m_answered; }

Q_SIGNALS:
    /// One request was answered with `status`.
    void requestAnswered(const QString &path, int status);

private:
    /// A Twilio request that passed every check: its account and its form parameters.
    struct TwilioRequest {
        engine::SmsGateway *gateway = nullptr;
        domain::TwilioAccount account;
        channels::sms::TwilioSignature::Params params;
    };

    /// The refusal for a body over the limit, if it is.
    std::optional<QHttpServerResponse> refuseTooLarge(const QHttpServerRequest &request);
    /// Checks a Twilio request: within the size limit, form-encoded, for an account of this workspace (by AccountSid
    /// and the shop's number in `numberField`) and signed by it. Returns the request, or sets `refusal` to the answer
    /// that says what was wrong; `what` names the request in that answer ("Twilio status callback").
    std::optional<TwilioRequest> checkTwilio(const QHttpServerRequest &request, const QString &numberField,
        const QString &what, std::optional<QHttpServerResponse> &refusal);
    QHttpServerResponse twilioSms(const QHttpServerRequest &request);
    QHttpServerResponse twilioStatus(const QHttpServerRequest &request);
    QHttpServerResponse tracking(const QHttpServerRequest &request, const QString &provider);
    QHttpServerResponse health(const QHttpServerRequest &request);
    /// The full URL the sender called, as Twilio signs it.
    QString signedUrl(const QHttpServerRequest &request) const;
    QHttpServerResponse answer(const QHttpServerRequest &request, int status, const QByteArray &body,
        const QByteArray &mimeType = "text/plain; charset=utf-8");

    engine::Engine &m_engine;
    Config m_config;
    QHttpServer m_server;
    qint64 m_answered = 0;
};

} // namespace waybill::ctl
