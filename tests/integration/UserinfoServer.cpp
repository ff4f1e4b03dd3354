// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "UserinfoServer.h"

#include <QTcpSocket>

#include <memory>

namespace waybill::testing {

UserinfoServer::UserinfoServer(QByteArray validToken, QByteArray email, QObject *parent)
    : QObject(parent)
    , m_validToken(std::move(validToken))
    , m_email(std::move(email))
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, &UserinfoServer::accept);
}

QString UserinfoServer::url() const
{
    return QStringLiteral("http://127.0.0.1:%1/userinfo").arg(m_server.serverPort());
}

void UserinfoServer::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto request = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, request]() {
            request->append(socket->readAll());
            if (!request->contains("\r\n\r\n")) {
                return;
            }
            ++m_requests;
            const bool valid = request->contains(QByteArray("Bearer " + m_validToken + "\r\n"));
            const QByteArray body = valid ? "{\"email\":\"" + m_email + "\",\"active\":true}"
                                          : QByteArray("{\"error\":\"invalid_token\"}");
            socket->write((valid ? QByteArray("HTTP/1.1 200 OK\r\n") : QByteArray("HTTP/1.1 401 Unauthorized\r\n"))
                + "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                + "\r\nConnection: close\r\n\r\n" + body);
            socket->disconnectFromHost();
        });
    }
}

} // namespace waybill::testing
