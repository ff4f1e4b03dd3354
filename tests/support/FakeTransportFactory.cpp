// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeTransportFactory.h"

namespace waybill::testing {

channels::Transport *FakeTransportFactory::create(channels::Transport::Security security, QObject *parent)
{
    auto *transport = new FakeTransport(security, parent);
    m_created.append(transport);
    return transport;
}

FakeTransport *FakeTransportFactory::latest() const
{
    return m_created.isEmpty() ? nullptr : m_created.last().data();
}

} // namespace waybill::testing
