// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChatAccountRules.h"

#include "channels/ListenAddress.h"
#include "channels/ServerTlsFiles.h"

#include <QHostAddress>
#include <QUrl>

namespace waybill::channels::chat {

namespace {

bool isHttp(const QUrl &url)
{
    return url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))
        && !url.host().isEmpty();
}

} // namespace

QString ChatAccountRules::originProblem(const QString &origin)
{
    const QUrl url(origin.trimmed());
    if (!isHttp(url) || (!url.path().isEmpty() && url.path() != QLatin1String("/"))) {
        return QStringLiteral("%1 is not an origin (scheme and host, like https://shop.example)").arg(origin);
    }
    return {};
}

QString ChatAccountRules::listenProblem(const QString &listen)
{
    QHostAddress address;
    quint16 port = 0;
    if (!ListenAddress::parse(listen.trimmed(), &address, &port) || port == 0) {
        return QStringLiteral("the listen address is HOST:PORT, e.g. 127.0.0.1:8090");
    }
    return {};
}

QString ChatAccountRules::publicUrlProblem(const QString &publicUrl)
{
    if (!publicUrl.trimmed().isEmpty() && !isHttp(QUrl(publicUrl.trimmed()))) {
        return QStringLiteral("the public URL must be an http(s) address");
    }
    return {};
}

QString ChatAccountRules::tlsProblem(const QString &certificateFile, const QString &keyFile)
{
    if (certificateFile.isEmpty() && keyFile.isEmpty()) {
        return {};
    }
    QString problem;
    if (certificateFile.isEmpty() || keyFile.isEmpty() || !ServerTlsFiles::load(certificateFile, keyFile, &problem)) {
        return QStringLiteral("give both a PEM certificate and its key")
            + (problem.isEmpty() ? QString() : QStringLiteral(" (") + problem + u')');
    }
    return {};
}

QString ChatAccountRules::problem(const domain::ChatAccount &account)
{
    if (account.name.trimmed().isEmpty()) {
        return QStringLiteral("give the shop's name (shown at the top of the chat)");
    }
    if (account.allowedOrigins.isEmpty()) {
        return QStringLiteral(
            "give the origin of the shop's pages (https://shop.example); pages from anywhere else cannot open a chat");
    }
    for (const QString &origin : account.allowedOrigins) {
        if (const QString why = originProblem(origin); !why.isEmpty()) {
            return why;
        }
    }
    for (const QString &why : { listenProblem(account.listen), publicUrlProblem(account.publicUrl),
             tlsProblem(account.certificateFile, account.keyFile) }) {
        if (!why.isEmpty()) {
            return why;
        }
    }
    return {};
}

QString ChatAccountRules::widgetBase(const domain::ChatAccount &account)
{
    if (!account.publicUrl.isEmpty()) {
        return account.publicUrl;
    }
    return (account.certificateFile.isEmpty() ? QStringLiteral("http://") : QStringLiteral("https://"))
        + account.listen;
}

} // namespace waybill::channels::chat
