// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WebhookServer.h"

#include "channels/Channel.h"
#include "channels/sms/PhoneNumber.h"
#include "channels/sms/SmsKeyword.h"
#include "channels/sms/TwilioWebhook.h"
#include "commerce/TrackingPayloadParser.h"
#include "engine/Engine.h"
#include "engine/SmsGateway.h"
#include "engine/TrackingApplier.h"
#include "storage/StorageError.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpServer>

namespace waybill::ctl {

namespace {

Q_LOGGING_CATEGORY(lcServe, "waybill.serve", QtInfoMsg) // per-request lines only with QT_LOGGING_RULES

using Params = channels::sms::TwilioSignature::Params;
using Status = QHttpServerResponder::StatusCode;

/// Twilio's answer for "received, nothing to send back".
constexpr char EmptyTwiml[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

QString paramValue(const Params &params, const QString &name)
{
    for (const auto &[key, value] : params) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

} // namespace

WebhookServer::WebhookServer(engine::Engine &engine, Config config, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_config(std::move(config))
{
    const auto post = QHttpServerRequest::Method::Post;
    m_server.route(QStringLiteral("/webhooks/twilio/sms"), post,
        [this](const QHttpServerRequest &request) { return twilioSms(request); });
    m_server.route(QStringLiteral("/webhooks/twilio/status"), post,
        [this](const QHttpServerRequest &request) { return twilioStatus(request); });
    m_server.route(QStringLiteral("/webhooks/tracking/easypost"), post,
        [this](const QHttpServerRequest &request) { return tracking(request, QStringLiteral("easypost")); });
    m_server.route(QStringLiteral("/webhooks/tracking/aftership"), post,
        [this](const QHttpServerRequest &request) { return tracking(request, QStringLiteral("aftership")); });
    m_server.route(QStringLiteral("/health"), QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest &request) { return health(request); });
    if (m_config.tls) {
        m_server.sslSetup(*m_config.tls);
    }
}

WebhookServer::~WebhookServer() = default;

quint16 WebhookServer::listen(QString *error)
{
    const quint16 port = m_server.listen(m_config.address, m_config.port);
    if (port == 0 && error) {
        const QList<QTcpServer *> servers = m_server.servers();
        *error = QStringLiteral("cannot listen on %1:%2%3")
                     .arg(m_config.address.toString())
                     .arg(m_config.port)
                     .arg(servers.isEmpty() ? QString() : QStringLiteral(": ") + servers.constLast()->errorString());
    }
    return port;
}

void WebhookServer::stopAccepting()
{
    for (QTcpServer *server : m_server.servers()) {
        server->close();
    }
}

QHttpServerResponse WebhookServer::health(const QHttpServerRequest &request)
{
    QJsonArray channels;
    bool allConnected = true;
    for (const channels::Channel *channel : m_engine.channels()) {
        const channels::ChannelHealth state = channel->health();
        allConnected = allConnected && state.isConnected();
        channels.append(QJsonObject { { QStringLiteral("account"), channel->accountId() },
            { QStringLiteral("state"), state.isConnected() ? QStringLiteral("connected") : QStringLiteral("failing") },
            { QStringLiteral("reason"), state.reason } });
    }
    const QJsonObject body { { QStringLiteral("status"),
                                 allConnected ? QStringLiteral("ok") : QStringLiteral("degraded") },
        { QStringLiteral("channels"), channels } };
    return answer(request, 200, QJsonDocument(body).toJson(QJsonDocument::Compact) + '\n', "application/json");
}

QString WebhookServer::signedUrl(const QHttpServerRequest &request) const
{
    QUrl url = request.url();
    if (m_config.publicUrl.isValid() && !m_config.publicUrl.isEmpty()) {
        url.setScheme(m_config.publicUrl.scheme());
        url.setAuthority(m_config.publicUrl.authority());
    }
    return url.toString(QUrl::FullyEncoded);
}

QHttpServerResponse WebhookServer::answer(
    const QHttpServerRequest &request, int status, const QByteArray &body, const QByteArray &mimeType)
{
    ++m_answered;
    const QString path = request.url().path();
    if (status >= 400) {
        qCWarning(lcServe).noquote() << status << path << "from" << request.remoteAddress().toString() << "-"
                                     << QString::fromUtf8(body).trimmed();
    } else {
        qCDebug(lcServe).noquote() << status << path;
    }
    Q_EMIT requestAnswered(path, status);
    return QHttpServerResponse(mimeType, body, static_cast<Status>(status));
}

std::optional<QHttpServerResponse> WebhookServer::refuseTooLarge(const QHttpServerRequest &request)
{
    const qsizetype size = request.body().size();
    if (size <= m_config.maxBodyBytes) {
        return std::nullopt;
    }
    return answer(request, 413,
        QStringLiteral("The body has %1 bytes; the limit is %2.\n").arg(size).arg(m_config.maxBodyBytes).toUtf8());
}

std::optional<WebhookServer::TwilioRequest> WebhookServer::checkTwilio(const QHttpServerRequest &request,
    const QString &numberField, const QString &what, std::optional<QHttpServerResponse> &refusal)
{
    if ((refusal = refuseTooLarge(request))) {
        return std::nullopt;
    }
    engine::SmsGateway *gateway = m_engine.smsGateway();
    if (!gateway) {
        refusal.emplace(answer(request, 503, "The engine is not running.\n"));
        return std::nullopt;
    }
    QString error;
    auto params = channels::sms::TwilioWebhook::parseForm(request.body(), &error);
    if (!params) {
        refusal.emplace(
            answer(request, 400, (QStringLiteral("Not a ") + what + QStringLiteral(": ") + error + u'\n').toUtf8()));
        return std::nullopt;
    }
    const QString accountSid = paramValue(*params, QStringLiteral("AccountSid"));
    const auto number = channels::sms::PhoneNumber::toE164(paramValue(*params, numberField));
    const auto account = gateway->accountFor(accountSid, number.value_or(QString()));
    if (!account) {
        refusal.emplace(answer(request, 403,
            QStringLiteral("No Twilio account of this workspace has AccountSid \"%1\".\n").arg(accountSid).toUtf8()));
        return std::nullopt;
    }
    if (!gateway->verify(account->id, signedUrl(request), *params, header(request, "X-Twilio-Signature"))) {
        refusal.emplace(answer(request, 403,
            QStringLiteral("The X-Twilio-Signature does not match this request for %1 (%2).\n")
                .arg(account->fromNumber, account->accountSid)
                .toUtf8()));
        return std::nullopt;
    }
    return TwilioRequest { gateway, *account, std::move(*params) };
}

QHttpServerResponse WebhookServer::twilioSms(const QHttpServerRequest &request)
{
    std::optional<QHttpServerResponse> refusal;
    const auto checked = checkTwilio(request, QStringLiteral("To"), QStringLiteral("Twilio webhook"), refusal);
    if (!checked) {
        return std::move(*refusal);
    }
    engine::SmsGateway *gateway = checked->gateway;
    const domain::TwilioAccount *account = &checked->account;
    const auto *params = &checked->params;
    const QByteArray body = request.body();
    QString error;
    try {
        const auto sms = channels::sms::TwilioWebhook::inboundSms(*params, &error);
        if (!sms) {
            m_engine.quarantine(account->id, body, QStringLiteral("Twilio SMS webhook: ") + error);
            return answer(request, 400, (QStringLiteral("Malformed Twilio SMS webhook: ") + error + u'\n').toUtf8());
        }
        const engine::SmsGateway::Received received = gateway->receive(*sms, account->id);
        if (received.keyword == channels::sms::SmsKeyword::OptOut) {
            qCInfo(lcServe).noquote() << sms->from << "opted out of SMS from" << account->fromNumber;
        } else if (received.keyword == channels::sms::SmsKeyword::OptIn) {
            qCInfo(lcServe).noquote() << sms->from << "opted back in to SMS from" << account->fromNumber;
        }
        if (!received.duplicate) {
            Q_EMIT m_engine.conversationsChanged({ received.conversationId });
            if (!sms->media.isEmpty()) {
                m_engine.fetchSmsMedia(); // after this answer: Twilio waits for nobody's downloads
            }
            if (received.replyQueued) {
                m_engine.pokeOutbox(); // the HELP reply leaves now
            }
        }
    } catch (const storage::StorageError &failure) {
        return answer(request, 503, (QStringLiteral("Not stored: ") + failure.userMessage() + u'\n').toUtf8());
    }
    return answer(request, 200, EmptyTwiml, "text/xml");
}

QHttpServerResponse WebhookServer::twilioStatus(const QHttpServerRequest &request)
{
    std::optional<QHttpServerResponse> refusal;
    const auto checked
        = checkTwilio(request, QStringLiteral("From"), QStringLiteral("Twilio status callback"), refusal);
    if (!checked) {
        return std::move(*refusal);
    }
    engine::SmsGateway *gateway = checked->gateway;
    const domain::TwilioAccount *account = &checked->account;
    const auto *params = &checked->params;
    const QByteArray body = request.body();
    QString error;
    try {
        const auto update = channels::sms::TwilioWebhook::statusUpdate(*params, &error);
        if (!update) {
            m_engine.quarantine(account->id, body, QStringLiteral("Twilio status callback: ") + error);
            return answer(
                request, 400, (QStringLiteral("Malformed Twilio status callback: ") + error + u'\n').toUtf8());
        }
        if (const qint64 conversation = gateway->applyStatus(*update, account->id)) {
            Q_EMIT m_engine.conversationsChanged({ conversation });
        }
    } catch (const storage::StorageError &failure) {
        return answer(request, 503, (QStringLiteral("Not stored: ") + failure.userMessage() + u'\n').toUtf8());
    }
    return answer(request, 200, EmptyTwiml, "text/xml");
}

QHttpServerResponse WebhookServer::tracking(const QHttpServerRequest &request, const QString &provider)
{
    if (auto refusal = refuseTooLarge(request)) {
        return std::move(*refusal);
    }
    const QByteArray body = request.body();
    const storage::Database *database = m_engine.database();
    if (!database) {
        return answer(request, 503, "The engine is not running.\n");
    }
    try {
        const commerce::TrackingParseResult parsed = commerce::TrackingPayloadParser::parse(body, provider);
        if (!parsed.ok()) {
            const QString why = parsed.error.isEmpty() ? QStringLiteral("no parcel in the payload") : parsed.error;
            m_engine.quarantine(QStringLiteral("tracking:") + provider, body, why);
            return answer(
                request, 400, (QStringLiteral("Malformed %1 webhook: ").arg(provider) + why + u'\n').toUtf8());
        }
        const engine::TrackingApplier::Report report
            = engine::TrackingApplier::apply(*database, parsed, QDateTime::currentSecsSinceEpoch());
        if (!report.conversations.isEmpty()) {
            Q_EMIT m_engine.conversationsChanged(report.conversations);
        }
        QJsonArray applied;
        for (const auto &[number, result] : report.applied) {
            applied.append(QJsonObject { { QStringLiteral("tracking_number"), number },
                { QStringLiteral("shipment"), result.shipmentId },
                { QStringLiteral("new_events"), result.newEvents } });
        }
        const QJsonObject json { { QStringLiteral("provider"), parsed.provider },
            { QStringLiteral("applied"), applied },
            { QStringLiteral("unknown"), QJsonArray::fromStringList(report.unknown) } };
        return answer(request, 200, QJsonDocument(json).toJson(QJsonDocument::Compact), "application/json");
    } catch (const storage::StorageError &failure) {
        return answer(request, 503, (QStringLiteral("Not stored: ") + failure.userMessage() + u'\n').toUtf8());
    }
}

} // namespace waybill::ctl
