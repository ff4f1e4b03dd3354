// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Transport.h"

namespace waybill::channels {

/// Makes transports; injected into clients so that tests can hand out scripted ones.
class TransportFactory {
public:
    virtual ~TransportFactory() = default;
    /// A new, unconnected transport owned by the caller (parent it or hold it in a unique_ptr).
    virtual Transport *create(Transport::Security security, QObject *parent) = 0;
};

} // namespace waybill::channels
