// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreConnectionTester.h"

#include "channels/chat/ChatAccountRules.h"
#include "commerce/AmazonOrderSync.h"
#include "commerce/HttpJsonClient.h"
#include "commerce/HttpJsonError.h"
#include "commerce/HttpJsonTask.h"
#include "commerce/ShopifyOrderSync.h"
#include "commerce/TrackingProviderApi.h"
#include "commerce/WooCommerceOrderSync.h"
#include "engine/EbayAccountCheck.h"
#include "engine/TwilioAccountCheck.h"
#include "security/OAuthError.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

namespace waybill::ui {

using commerce::HttpJsonError;

StoreConnectionTester::StoreConnectionTester(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

StoreConnectionTester::~StoreConnectionTester()
{
    abort();
}

void StoreConnectionTester::abort()
{
    m_running = false;
    if (m_task) {
        m_task->disconnect(this);
        m_task->abort();
    }
    m_task.reset(); // before its client
    m_twilioCheck.reset();
    m_ebayCheck.reset();
    m_client.reset();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    m_reply = nullptr;
}

void StoreConnectionTester::testShopify(const domain::ShopifyAccount &account, const QString &accessToken)
{
    abort();
    runJson(commerce::ShopifyOrderSync::clientConfig(account, accessToken),
        QStringLiteral("/admin/api/%1/shop.json").arg(account.apiVersion), {},
        [](const QJsonDocument &json) -> QString {
            const QJsonObject shop = json.object().value(QLatin1String("shop")).toObject();
            if (shop.isEmpty()) {
                return {};
            }
            return tr("Connected to the Shopify store “%1”.").arg(shop.value(QLatin1String("name")).toString());
        });
}

void StoreConnectionTester::testWooCommerce(
    const domain::WooCommerceAccount &account, const QString &key, const QString &secret)
{
    abort();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("1"));
    runJson(commerce::WooCommerceOrderSync::clientConfig(account, key, secret),
        QString::fromLatin1(commerce::WooCommerceOrderSync::OrdersPath), query,
        [host = QUrl(account.baseUrl).host()](const QJsonDocument &json) -> QString {
            if (!json.isArray()) {
                return {};
            }
            return tr("Connected to WooCommerce at %1: the key may read orders.").arg(host);
        });
}

void StoreConnectionTester::testTracking(const domain::TrackingAccount &account, const QString &apiKey)
{
    abort();
    const QString provider = account.provider;
    commerce::HttpJsonClient::Config config;
    config.baseUrl = QUrl(account.baseUrl);
    config.serviceName = commerce::TrackingProviderApi::displayName(provider);
    config.headers = commerce::TrackingProviderApi::authHeaders(provider, apiKey);
    const commerce::TrackingProviderApi::Request request = commerce::TrackingProviderApi::keyCheck(provider);
    runJson(config, request.path, request.query, [provider, service = config.serviceName](const QJsonDocument &json) {
        return commerce::TrackingProviderApi::isKeyCheckAnswer(provider, json)
            ? tr("Connected to %1: the API key is valid.").arg(service)
            : QString();
    });
}

void StoreConnectionTester::testTwilio(const domain::TwilioAccount &account, const QString &authToken)
{
    abort();
    m_running = true;
    m_twilioCheck = std::make_unique<engine::TwilioAccountCheck>(m_network, account, authToken, m_timeoutMs);
    connect(m_twilioCheck.get(), &engine::TwilioAccountCheck::succeeded, this,
        [this, number = account.fromNumber](const QString &friendlyName, const QString &status) {
            finish(true,
                tr("Twilio account “%1” (%2): SMS to and from %3 can go through it.")
                    .arg(friendlyName, status, number));
        });
    connect(m_twilioCheck.get(), &engine::TwilioAccountCheck::failed, this,
        [this](const QString &message) { finish(false, message); });
    m_twilioCheck->start();
}

void StoreConnectionTester::testEbay(
    const domain::EbayAccount &account, const QString &refreshToken, const QString &certId)
{
    abort();
    m_running = true;
    m_ebayCheck = std::make_unique<engine::EbayAccountCheck>(m_network, account, refreshToken, certId, m_timeoutMs);
    connect(m_ebayCheck.get(), &engine::EbayAccountCheck::succeeded, this, [this, account](const QString &time) {
        const QDateTime at = QDateTime::fromString(time, Qt::ISODate);
        finish(true,
            tr("Signed in to eBay for %1, and the Trading API answers (eBay's clock: %2 UTC): buyers' messages can "
               "be read and answered.")
                .arg(account.sellerUserId,
                    at.isValid() ? at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : time));
    });
    connect(m_ebayCheck.get(), &engine::EbayAccountCheck::failed, this,
        [this](const QString &message) { finish(false, message); });
    m_ebayCheck->start();
}

void StoreConnectionTester::runJson(commerce::HttpJsonClient::Config config, const QString &path,
    const QUrlQuery &query, std::function<QString(const QJsonDocument &)> describeSuccess,
    std::function<QString(const commerce::HttpJsonError &)> describeFailure)
{
    const QString service = config.serviceName;
    const QString host = config.baseUrl.host();
    if (const QString problem = commerce::HttpJsonClient::urlProblem(config.baseUrl); !problem.isEmpty()) {
        m_running = true;
        QTimer::singleShot(0, this, [this, problem] { finish(false, tr("Cannot test: %1.").arg(problem)); });
        return;
    }
    // One request: the test answers now or names why not, rather than waiting out retries.
    config.timeoutMs = m_timeoutMs;
    config.maxServerRetries = 0;
    config.maxRateLimitWaits = 0;
    m_client = std::make_unique<commerce::HttpJsonClient>(m_network, config);
    m_task = m_client->get(path, query);
    m_running = true;
    connect(m_task.get(), &commerce::HttpJsonTask::finished, this,
        [this, service, describeSuccess](const commerce::HttpJsonResponse &response) {
            const QString message = describeSuccess(response.json);
            finish(!message.isEmpty(),
                message.isEmpty() ? tr("%1 answered, but not with what it sends to a store's API key: check the "
                                       "address.")
                                        .arg(service)
                                  : message);
        });
    connect(m_task.get(), &commerce::HttpJsonTask::failed, this,
        [this, service, host, describeFailure](const HttpJsonError &error) {
            const QString special = describeFailure ? describeFailure(error) : QString();
            finish(false, special.isEmpty() ? describe(error, service, host) : special);
        });
    m_task->start();
}

void StoreConnectionTester::testAmazon(
    const domain::AmazonAccount &account, const QString &refreshToken, const QString &clientSecret)
{
    abort();
    m_running = true;
    m_amazon = account;
    const QUrl url(account.lwaUrl);
    if (const QString problem = commerce::HttpJsonClient::urlProblem(url); !problem.isEmpty()) {
        QTimer::singleShot(0, this, [this, problem] { finish(false, tr("Cannot test: %1.").arg(problem)); });
        return;
    }
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
    request.setTransferTimeout(m_timeoutMs);
    // Percent-encoded first, as OAuthTokenSource does: '+', '&' and '=' inside secrets stay themselves.
    auto encoded = [](const QString &value) { return QString::fromLatin1(QUrl::toPercentEncoding(value)); };
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"), encoded(refreshToken));
    form.addQueryItem(QStringLiteral("client_id"), encoded(account.clientId));
    form.addQueryItem(QStringLiteral("client_secret"), encoded(clientSecret));
    const QByteArray body = form.toString(QUrl::FullyEncoded).toUtf8();
    QNetworkReply *reply = m_network.post(request, body);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, host = url.host()] { onLwaReply(reply, host); });
}

HttpJsonError StoreConnectionTester::errorOf(const QNetworkReply &reply)
{
    HttpJsonError error;
    switch (reply.error()) {
    case QNetworkReply::NoError:
        break;
    case QNetworkReply::SslHandshakeFailedError:
        error.kind = HttpJsonError::Kind::Tls;
        break;
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        error.kind = HttpJsonError::Kind::Timeout;
        break;
    default:
        error.kind = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 0
            ? HttpJsonError::Kind::Network
            : HttpJsonError::Kind::Http;
        break;
    }
    error.message = reply.errorString();
    return error;
}

void StoreConnectionTester::testChat(const domain::ChatAccount &account)
{
    abort();
    m_running = true;
    const QString base = channels::chat::ChatAccountRules::widgetBase(account);
    const QUrl url(base + QStringLiteral("/chat/widget.js"));
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_network.get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, base, url] {
        reply->deleteLater();
        m_reply = nullptr;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
        if (reply->error() == QNetworkReply::NoError && status == 200 && type.contains(QLatin1String("javascript"))) {
            finish(true,
                tr("The chat is live: put <script src=\"%1\" async></script> on the shop's pages.")
                    .arg(url.toString()));
            return;
        }
        if (reply->error() == QNetworkReply::ConnectionRefusedError) {
            finish(false,
                tr("Nothing answers at %1 yet: the chat starts when the account is saved, in this app or "
                   "under waybillctl serve.")
                    .arg(base));
            return;
        }
        finish(false,
            status == 200 ? tr("%1 answered, but not with Waybill's chat widget: check the address.").arg(base)
                          : describe(errorOf(*reply), tr("The chat"), url.host()));
    });
}

void StoreConnectionTester::onLwaReply(QNetworkReply *reply, const QString &host)
{
    reply->deleteLater();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    HttpJsonError error = errorOf(*reply);
    if (status >= 400) {
        // LWA says what it refused in its OAuth error body (invalid_grant, invalid_client).
        const security::OAuthError oauth
            = security::OAuthError::fromTokenReply(status, body, QStringLiteral("Login with Amazon"));
        const bool refused = oauth.kind == security::OAuthError::Kind::SignInAgain
            || oauth.kind == security::OAuthError::Kind::InvalidClient || status == 401 || status == 403;
        finish(false,
            refused ? tr("Wrong credentials: %1 (check the client id, the client secret and the refresh token).")
                          .arg(oauth.message)
                    : tr("Login with Amazon answered %1: %2").arg(status).arg(oauth.message));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        finish(false, describe(error, QStringLiteral("Login with Amazon"), host));
        return;
    }
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    if (answer.value(QLatin1String("access_token")).toString().isEmpty()) {
        finish(false, tr("%1 answered without an access token: check the LWA address.").arg(host));
        return;
    }
    // Then what every sync pass asks the Selling Partner API, with that access token: proves the endpoint (the base
    // URL) and that the application may read this seller's orders in the marketplace.
    commerce::HttpJsonClient::Config config = commerce::AmazonOrderSync::clientConfig(m_amazon);
    config.headers.append(
        { QByteArrayLiteral("x-amz-access-token"), answer.value(QLatin1String("access_token")).toString().toUtf8() });
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("MarketplaceIds"), m_amazon.marketplaceIds.join(u','));
    query.addQueryItem(QStringLiteral("CreatedAfter"),
        QString::fromLatin1(QUrl::toPercentEncoding(m_now().toUTC().addDays(-1).toString(Qt::ISODate))));
    query.addQueryItem(QStringLiteral("MaxResultsPerPage"), QStringLiteral("1"));
    runJson(
        config, QString::fromLatin1(commerce::AmazonOrderSync::OrdersPath), query,
        [marketplaces = m_amazon.marketplaceIds.join(QStringLiteral(", "))](const QJsonDocument &json) -> QString {
            if (!json.object().value(QLatin1String("payload")).isObject()) {
                return {};
            }
            return tr("Signed in with Login with Amazon, and the Selling Partner API lets this application read "
                      "the orders of %1.")
                .arg(marketplaces);
        },
        [](const HttpJsonError &error) -> QString {
            if (error.kind != HttpJsonError::Kind::Refused) {
                return {};
            }
            return tr("Login with Amazon accepted the credentials, but the Selling Partner API refused the access "
                      "token (HTTP %1). Check that the application has the Orders role (and Buyer Solicitation for "
                      "review requests) and that this seller authorised it for the marketplace.")
                .arg(error.httpStatus);
        });
}

void StoreConnectionTester::finish(bool ok, const QString &message)
{
    if (!m_running) {
        return;
    }
    m_running = false;
    // The task may be inside its own signal: it stays (done, silent) until the next test, abort() or destruction.
    if (m_task) {
        m_task->disconnect(this);
    }
    Q_EMIT finished(ok, message);
}

QString StoreConnectionTester::describe(const HttpJsonError &error, const QString &service, const QString &host)
{
    switch (error.kind) {
    case HttpJsonError::Kind::Refused:
        return tr("Wrong credentials: %1 refused them (HTTP %2). Check the key or token and its permissions.")
            .arg(service)
            .arg(error.httpStatus);
    case HttpJsonError::Kind::Tls:
        return tr("The secure connection to %1 failed (TLS): %2").arg(host, error.message);
    case HttpJsonError::Kind::Timeout:
        return tr("%1 did not answer in time. Check the address, or try again later.").arg(host);
    case HttpJsonError::Kind::Network:
        return tr("%1 cannot be reached: %2").arg(host, error.message);
    case HttpJsonError::Kind::Http:
        if (error.httpStatus == 404) {
            return tr("%1 has no %2 API at this address (404 Not Found). Check the address.").arg(host, service);
        }
        break;
    default:
        break;
    }
    return tr("%1: %2").arg(service, error.message);
}

} // namespace waybill::ui
