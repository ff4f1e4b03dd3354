// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeTransport.h"

namespace waybill::testing {

FakeTransport::FakeTransport(Security security, QObject *parent)
    : Transport(parent)
    , m_security(security)
{
}

void FakeTransport::connectToHost(const QString &host, quint16 port)
{
    m_host = host;
    m_port = port;
    m_open = true;
    m_encrypted = m_security == Security::ImplicitTls;
    Q_EMIT connected();
}

void FakeTransport::write(const QByteArray &bytes)
{
    if (m_open) {
        m_written.append(bytes);
    }
}

QByteArray FakeTransport::readLine()
{
    const qsizetype end = m_inbound.indexOf('\n');
    if (end < 0) {
        return {};
    }
    const QByteArray line = m_inbound.left(end + 1);
    m_inbound.remove(0, end + 1);
    return line;
}

QByteArray FakeTransport::read(qint64 size)
{
    if (size <= 0 || m_inbound.size() < size) {
        return {};
    }
    const QByteArray bytes = m_inbound.left(static_cast<qsizetype>(size));
    m_inbound.remove(0, static_cast<qsizetype>(size));
    return bytes;
}

qint64 FakeTransport::bytesAvailable() const
{
    return m_inbound.size();
}

void FakeTransport::startTls()
{
    m_tlsStarted = true;
    m_encrypted = true;
    Q_EMIT encrypted();
}

void FakeTransport::close()
{
    if (!m_open) {
        return;
    }
    m_open = false;
    Q_EMIT disconnected();
}

void FakeTransport::serverSays(const QByteArray &bytes)
{
    if (!m_open) {
        return;
    }
    m_inbound.append(bytes);
    Q_EMIT readyRead();
}

void FakeTransport::serverCloses()
{
    close();
}

void FakeTransport::serverFails(Failure failure, const QString &message)
{
    m_open = false;
    Q_EMIT failed(failure, message);
}

QByteArray FakeTransport::takeWritten()
{
    return std::exchange(m_written, {});
}

} // namespace waybill::testing
