// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoopbackProxy.h"

namespace waybill::testing {

LoopbackProxy::LoopbackProxy(quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetPort(targetPort)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackProxy::accept);
}

void LoopbackProxy::cutAfter(const QByteArray &marker, int count, qsizetype extra)
{
    m_marker = marker;
    m_count = count;
    m_extra = extra;
    m_armed = true;
}

void LoopbackProxy::dropAll()
{
    for (const QPointer<QTcpSocket> &client : std::as_const(m_clients)) {
        if (client) {
            for (QTcpSocket *upstream : client->findChildren<QTcpSocket *>()) {
                upstream->abort();
            }
            client->abort();
        }
    }
    m_clients.clear();
}

void LoopbackProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        m_clients.removeAll(nullptr);
        m_clients.append(client);
        auto *upstream = new QTcpSocket(client);
        const bool cutThisOne = std::exchange(m_armed, false);
        auto seen = std::make_shared<QByteArray>();
        connect(client, &QTcpSocket::readyRead, upstream, [client, upstream]() { upstream->write(client->readAll()); });
        connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream, cutThisOne, seen]() {
            QByteArray bytes = upstream->readAll();
            if (!cutThisOne) {
                client->write(bytes);
                return;
            }
            const qsizetype before = seen->size();
            seen->append(bytes);
            qsizetype at = -1;
            for (int i = 0; i < m_count; ++i) {
                at = seen->indexOf(m_marker, at + 1);
                if (at < 0) {
                    break;
                }
            }
            if (at < 0 || seen->size() < at + m_extra) {
                client->write(bytes);
                return;
            }
            client->write(bytes.left(at + m_extra - before));
            client->flush();
            ++m_cuts;
            upstream->abort();
            client->disconnectFromHost();
        });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(upstream, &QTcpSocket::disconnected, client, [client]() { client->disconnectFromHost(); });
        // Hold the client's bytes until upstream is connected.
        connect(upstream, &QTcpSocket::connected, client, [client, upstream]() { upstream->write(client->readAll()); });
        upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
    }
}

} // namespace waybill::testing
