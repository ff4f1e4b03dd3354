// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QString>

namespace waybill::channels {

/// Where a server of ours listens, as the user writes it: "127.0.0.1:8080", "[::1]:8080", "localhost:8080" or
/// ":8080" (every address). Stateless.
class ListenAddress final {
public:
    ListenAddress() = delete;

    /// Sets `address` and `port` from `text`; false (and nothing reliable set) when it is not such an address or the
    /// port is above 65535. Port 0 is accepted (any free port).
    static bool parse(const QString &text, QHostAddress *address, quint16 *port);
};

} // namespace waybill::channels
