// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TransportFactory.h"

#include <QSslConfiguration>

namespace waybill::channels {

/// Makes SslTransports with one TLS configuration (the system CAs by default; tests add their own CA). Verification
/// stays on. Thread-agnostic value holder; the engine owns one and injects it into every mail client.
class SslTransportFactory final : public TransportFactory {
public:
    explicit SslTransportFactory(
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration(), int connectTimeoutMs = 30 * 1000);
    ~SslTransportFactory() override = default;

    Transport *create(Transport::Security security, QObject *parent) override;

private:
    QSslConfiguration m_tls;
    int m_connectTimeoutMs;
};

} // namespace waybill::channels
