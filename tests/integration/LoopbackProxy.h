// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace waybill::testing {

/// A TCP relay on 127.0.0.1 between a client and a real server that can cut the connection at a chosen point
/// of the server's stream, once: `cutAfter(marker, count, extra)` forwards the server's bytes up to `extra`
/// bytes past the `count`-th `marker` and then closes both sides (a dropped connection mid-response).
class LoopbackProxy final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackProxy)

public:
    explicit LoopbackProxy(quint16 targetPort, QObject *parent = nullptr);
    ~LoopbackProxy() override = default;

    quint16 port() const { return m_server.serverPort(); }
    void cutAfter(const QByteArray &marker, int count, qsizetype extra);
    int cuts() const { return m_cuts; }
    /// Drops every connection open now, both sides (a network that went away).
    void dropAll();

private:
    void accept();

    QTcpServer m_server;
    quint16 m_targetPort;
    QByteArray m_marker;
    int m_count = 0;
    qsizetype m_extra = 0;
    bool m_armed = false;
    int m_cuts = 0;
    QList<QPointer<QTcpSocket>> m_clients;
};

} // namespace waybill::testing
