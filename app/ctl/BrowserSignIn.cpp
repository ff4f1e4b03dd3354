// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BrowserSignIn.h"

#include "security/OAuthSignIn.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QProcess>

namespace waybill::ctl {

bool openInDesktopBrowser(const QUrl &url)
{
    const QString address = QString::fromLatin1(url.toEncoded());
#if defined(Q_OS_WIN)
    // `start` is built into cmd; its first quoted argument is a window title.
    return QProcess::startDetached(QStringLiteral("cmd"),
        { QStringLiteral("/c"), QStringLiteral("start"), QString(), address.replace(u'&', QStringLiteral("^&")) });
#elif defined(Q_OS_MACOS)
    return QProcess::startDetached(QStringLiteral("open"), { address });
#else
    return QProcess::startDetached(QStringLiteral("xdg-open"), { address });
#endif
}

std::optional<security::OAuthTokens> signInWithBrowser(
    const security::OAuthProvider &provider, bool openBrowser, QTextStream &err, security::OAuthError *error)
{
    QNetworkAccessManager network;
    security::OAuthSignIn signIn(provider, network, [&err, openBrowser](const QUrl &url) {
        err << "Open this address in your browser to sign in: " << QString::fromLatin1(url.toEncoded()) << Qt::endl;
        if (openBrowser && !openInDesktopBrowser(url)) {
            err << "(No browser could be started here; open the address on this computer yourself.)" << Qt::endl;
        }
        err << "Waiting for the sign-in to finish in the browser…" << Qt::endl;
    });
    std::optional<security::OAuthTokens> result;
    QEventLoop loop;
    QObject::connect(&signIn, &security::OAuthSignIn::finished, &loop, [&](const security::OAuthTokens &tokens) {
        result = tokens;
        loop.quit();
    });
    QObject::connect(&signIn, &security::OAuthSignIn::failed, &loop, [&](const security::OAuthError &failure) {
        if (error) {
            *error = failure;
        }
        loop.quit();
    });
    signIn.start();
    loop.exec(); // OAuthSignIn always answers from the event loop, and at the latest after its timeout
    return result;
}

} // namespace waybill::ctl
