// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ListenAddress.h"

namespace waybill::channels {

bool ListenAddress::parse(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon < 0) {
        return false;
    }
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']')) {
        host = host.mid(1, host.size() - 2);
    }
    bool ok = false;
    const uint value = text.mid(colon + 1).toUInt(&ok);
    if (!ok || value > 65535) {
        return false;
    }
    *port = static_cast<quint16>(value);
    if (host.isEmpty()) {
        *address = QHostAddress::Any;
        return true;
    }
    if (host == QLatin1String("localhost")) {
        *address = QHostAddress::LocalHost;
        return true;
    }
    return address->setAddress(host);
}

} // namespace waybill::channels
