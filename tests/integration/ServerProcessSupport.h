// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTcpServer>

namespace waybill::testing {

// Helpers shared by the loopback server fixtures (DovecotServer, SmtpServer). Inline, so that every test that
// compiles a fixture needs no further source file.

/// A port on 127.0.0.1 that was free a moment ago.
inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/// Writes `content` to `path`; an error message, or empty on success.
inline QString writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        return QStringLiteral("cannot write %1").arg(path);
    }
    return {};
}

} // namespace waybill::testing
