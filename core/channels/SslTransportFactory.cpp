// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SslTransportFactory.h"

#include "SslTransport.h"

namespace waybill::channels {

SslTransportFactory::SslTransportFactory(QSslConfiguration tls, int connectTimeoutMs)
    : m_tls(std::move(tls))
    , m_connectTimeoutMs(connectTimeoutMs)
{
    m_tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
}

Transport *SslTransportFactory::create(Transport::Security security, QObject *parent)
{
    return new SslTransport(security, m_tls, m_connectTimeoutMs, parent);
}

} // namespace waybill::channels
