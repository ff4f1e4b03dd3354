// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FakeTransport.h"
#include "channels/TransportFactory.h"

#include <QList>
#include <QPointer>

namespace waybill::testing {

/// Hands out FakeTransports and remembers them, so a test can script the newest connection.
class FakeTransportFactory final : public channels::TransportFactory {
public:
    FakeTransportFactory() = default;
    ~FakeTransportFactory() override = default;

    channels::Transport *create(channels::Transport::Security security, QObject *parent) override;

    /// The transport created last (nullptr before the first, or once its owner deleted it).
    FakeTransport *latest() const;
    qsizetype createdCount() const { return m_created.size(); }
    /// The transport created `index`-th (from 0), or nullptr once its owner deleted it.
    FakeTransport *created(qsizetype index) const { return m_created.value(index).data(); }

private:
    QList<QPointer<FakeTransport>> m_created;
};

} // namespace waybill::testing
