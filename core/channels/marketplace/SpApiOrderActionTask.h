// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/TaskPtr.h"
#include "commerce/HttpJsonError.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace waybill::commerce {
class HttpJsonClient;
class HttpJsonTask;
struct HttpJsonResponse;
} // namespace waybill::commerce
namespace waybill::security {
class OAuthTokenSource;
struct OAuthError;
} // namespace waybill::security

namespace waybill::channels::marketplace {

/// One Selling Partner API action on one Amazon order, asked for first and never guessed: `GET
/// /{api}/v1/orders/{amazonOrderId}?marketplaceIds=…` (getMessagingActionsForOrder or
/// getSolicitationActionsForOrder) lists what Amazon allows for the order now; only when `action` is among them is
/// it performed with `POST /{api}/v1/orders/{amazonOrderId}/{messages|solicitations}/{action}?marketplaceIds=…`
/// and `body`. An empty `action` only lists. Requests carry the LWA access token in `x-amz-access-token` from the
/// token source; a 401/403 gets one fresh token and the same request again, a second refusal fails with
/// Kind::Refused. 429s, 5xx answers and broken connections are retried by HttpJsonTask as configured in the
/// client. A 2xx answer to the POST with an empty body counts as done. After start() it emits exactly one of
/// finished() or failed(), never from inside start(); abort() (or destroying it) stops it without either. Owned by
/// its caller on the client's thread; the client and the token source must outlive it.
class SpApiOrderActionTask final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpApiOrderActionTask)

public:
    enum class Api {
        Messaging,
        Solicitations,
    };
    Q_ENUM(Api)

    enum class Outcome {
        Listed, ///< no action was asked for: offered() holds what Amazon allows
        Done, ///< the action was performed (Amazon answered 201)
        NotOffered, ///< Amazon does not offer the action for this order now; nothing was sent
    };
    Q_ENUM(Outcome)

    SpApiOrderActionTask(commerce::HttpJsonClient &client, security::OAuthTokenSource &tokens, Api api,
        QString amazonOrderId, QString marketplaceId, QString action = {}, QByteArray body = {},
        QObject *parent = nullptr);
    ~SpApiOrderActionTask() override;

    void start();
    void abort();

    QString amazonOrderId() const { return m_orderId; }
    QString action() const { return m_action; }
    /// The actions Amazon listed for the order (after the first answer).
    QStringList offered() const { return m_offered; }

    /// The API's path for the order's actions ("/solicitations/v1/orders/123-1234567-1234567").
    static QString ordersPath(Api api, const QString &amazonOrderId);

Q_SIGNALS:
    /// `reason` says, for people, why a NotOffered action was not sent (empty otherwise).
    void finished(waybill::channels::marketplace::SpApiOrderActionTask::Outcome outcome, const QString &reason);
    /// `error.message` names the order and what was being done; Kind::Refused: the request was refused twice
    /// (for Solicitations typically an order that is not eligible), Kind::Shape: the list was not what the API
    /// documents.
    void failed(const waybill::commerce::HttpJsonError &error);

private:
    enum class Step {
        List,
        Perform,
    };

    void withToken();
    void onToken(const QString &accessToken);
    void onTokenFailed(const security::OAuthError &error);
    void send();
    void onAnswer(const commerce::HttpJsonResponse &response);
    void onError(const commerce::HttpJsonError &error);
    void finish(Outcome outcome, const QString &reason);
    void fail(commerce::HttpJsonError error);
    QUrl url() const;
    QString what() const;

    commerce::HttpJsonClient &m_client;
    security::OAuthTokenSource &m_tokens;
    Api m_api;
    QString m_orderId;
    QString m_marketplaceId;
    QString m_action;
    QByteArray m_body;
    Step m_step = Step::List;
    TaskPtr<commerce::HttpJsonTask> m_task;
    QStringList m_offered;
    bool m_running = false;
    bool m_waitingForToken = false;
    bool m_refreshed = false; ///< a 401/403 already led to a fresh token for the current step
};

} // namespace waybill::channels::marketplace
