// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <utility>

class QTcpSocket;

namespace waybill::testing {

/// An HTTP/1.1 server on 127.0.0.1 that stands in for a third-party cloud (Shopify, WooCommerce, Amazon) by
/// replaying recorded payloads. Routes match the method, the path and the query (the same items in any order);
/// a route holds a queue of answers served in turn, the last one repeating, so a test can script "429, then the
/// page". Answers are files (fixtures) or bytes with a status and headers, and can be faults: a body cut short
/// with the connection closed. Unrouted requests get 404. Every request is recorded with its headers and the time
/// it arrived. Lives on the test's thread; the event loop must run (waitUntil) while a client talks to it.
class ReplayHttpServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayHttpServer)

public:
    struct Answer {
        int status = 200;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
        qsizetype truncateAt = -1; ///< when ≥ 0: send only this many body bytes, then close the connection

        Answer &header(const QByteArray &name, const QByteArray &value)
        {
            headers.append({ name, value });
            return *this;
        }
    };

    struct Request {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QHash<QByteArray, QByteArray> headers; ///< names in lower case
        QByteArray body;
        qint64 atMs = 0; ///< milliseconds since the server started
    };

    explicit ReplayHttpServer(QObject *parent = nullptr);
    ~ReplayHttpServer() override;

    /// http://127.0.0.1:PORT
    QUrl baseUrl() const;

    /// Adds an answer to the queue of `method` `pathAndQuery` ("/admin/api/2024-01/orders.json?limit=250").
    void route(const QByteArray &method, const QString &pathAndQuery, const Answer &answer);
    /// Forgets every route (the recorded requests stay).
    void clearRoutes() { m_routes.clear(); }

    /// A 200 JSON answer with the file's bytes; an empty body when the file cannot be read (the test then fails on
    /// what it gets).
    static Answer file(const QString &path);
    static Answer json(const QByteArray &body, int status = 200);
    /// 429 Too Many Requests with Retry-After (omitted when empty), as Shopify sends it.
    static Answer tooManyRequests(const QByteArray &retryAfter);
    static Answer status(int status, const QByteArray &body = {});
    /// The body announced in full, cut after `keep` bytes, then the connection closes.
    static Answer truncated(const QByteArray &body, qsizetype keep);

    QList<Request> requests() const { return m_requests; }
    /// Requests for this path, in order.
    QList<Request> requestsFor(const QString &path) const;

private:
    void accept();
    void handle(QTcpSocket *socket, const QByteArray &head, const QByteArray &body);
    static QString routeKey(const QByteArray &method, const QString &path, const QUrlQuery &query);

    QTcpServer m_server;
    QElapsedTimer m_clock;
    QHash<QString, QList<Answer>> m_routes;
    QList<Request> m_requests;
};

} // namespace waybill::testing
