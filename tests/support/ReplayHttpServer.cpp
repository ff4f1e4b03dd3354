// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReplayHttpServer.h"

#include <QFile>
#include <QHostAddress>
#include <QTcpSocket>

#include <algorithm>
#include <memory>

namespace waybill::testing {

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

ReplayHttpServer::ReplayHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ReplayHttpServer::accept);
    m_server.listen(QHostAddress::LocalHost, 0);
    m_clock.start();
}

ReplayHttpServer::~ReplayHttpServer() = default;

QUrl ReplayHttpServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

QString ReplayHttpServer::routeKey(const QByteArray &method, const QString &path, const QUrlQuery &query)
{
    QStringList items;
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        items << name + u'=' + value;
    }
    items.sort();
    return QString::fromLatin1(method) + u' ' + path + u'?' + items.join(u'&');
}

void ReplayHttpServer::route(const QByteArray &method, const QString &pathAndQuery, const Answer &answer)
{
    const QUrl url(pathAndQuery);
    m_routes[routeKey(method, url.path(), QUrlQuery(url))].append(answer);
}

ReplayHttpServer::Answer ReplayHttpServer::file(const QString &path)
{
    QFile file(path);
    return json(file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray());
}

ReplayHttpServer::Answer ReplayHttpServer::json(const QByteArray &body, int status)
{
    Answer answer;
    answer.status = status;
    answer.body = body;
    answer.header("Content-Type", "application/json; charset=utf-8");
    return answer;
}

ReplayHttpServer::Answer ReplayHttpServer::tooManyRequests(const QByteArray &retryAfter)
{
    Answer answer = json(
        R"({"errors":"Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."})",
        429);
    if (!retryAfter.isEmpty()) {
        answer.header("Retry-After", retryAfter);
    }
    return answer;
}

ReplayHttpServer::Answer ReplayHttpServer::status(int status, const QByteArray &body)
{
    return json(body, status);
}

ReplayHttpServer::Answer ReplayHttpServer::truncated(const QByteArray &body, qsizetype keep)
{
    Answer answer = json(body);
    answer.truncateAt = keep;
    return answer;
}

QList<ReplayHttpServer::Request> ReplayHttpServer::requestsFor(const QString &path) const
{
    QList<Request> found;
    std::copy_if(m_requests.cbegin(), m_requests.cend(), std::back_inserter(found),
        [&](const Request &request) { return request.path == path; });
    return found;
}

void ReplayHttpServer::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            while (true) {
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0) {
                    return;
                }
                const QByteArray head = buffer->left(end);
                qsizetype length = 0;
                for (const QByteArray &line : head.split('\n')) {
                    if (line.toLower().startsWith("content-length:")) {
                        length = line.mid(15).trimmed().toLongLong();
                    }
                }
                if (buffer->size() < end + 4 + length) {
                    return;
                }
                const QByteArray body = buffer->mid(end + 4, length);
                buffer->remove(0, end + 4 + length);
                handle(socket, head, body);
                if (socket->state() != QAbstractSocket::ConnectedState) {
                    return;
                }
            }
        });
    }
}

void ReplayHttpServer::handle(QTcpSocket *socket, const QByteArray &head, const QByteArray &body)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    const QUrl target(QString::fromLatin1(requestLine.value(1)));
    Request request;
    request.method = requestLine.value(0);
    request.path = target.path();
    request.query = QUrlQuery(target);
    request.body = body;
    request.atMs = m_clock.elapsed();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0) {
            request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
        }
    }
    m_requests.append(request);

    Answer answer = status(404, R"({"errors":"Not Found"})");
    const auto found = m_routes.find(routeKey(request.method, request.path, request.query));
    if (found != m_routes.end() && !found->isEmpty()) {
        answer = found->size() > 1 ? found->takeFirst() : found->constFirst();
    }
    QByteArray response = "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reason(answer.status) + "\r\n";
    for (const auto &[name, value] : answer.headers) {
        response += name + ": " + value + "\r\n";
    }
    const bool cut = answer.truncateAt >= 0;
    response += "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\n";
    response += cut ? "Connection: close\r\n\r\n" : "\r\n";
    response += cut ? answer.body.left(answer.truncateAt) : answer.body;
    socket->write(response);
    if (cut) {
        socket->flush();
        socket->disconnectFromHost();
    }
}

} // namespace waybill::testing
