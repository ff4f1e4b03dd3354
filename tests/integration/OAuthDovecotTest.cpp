// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The whole OAuth2 path on loopback: sign in (PKCE, loopback redirect) at a fake authorization server, then
// log in to a real dovecot over IMAP XOAUTH2 with the access token, which dovecot checks at a userinfo URL.
#include "DovecotServer.h"
#include "FakeAuthorizationServer.h"
#include "QtPrinters.h"
#include "TestWorkspace.h"
#include "UserinfoServer.h"
#include "channels/SslTransportFactory.h"
#include "channels/email/ImapClient.h"
#include "channels/email/ImapConnectTask.h"
#include "security/OAuthSignIn.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace waybill::channels;
using namespace waybill::channels::email;
using waybill::security::OAuthError;
using waybill::security::OAuthSignIn;
using waybill::security::OAuthTokens;
using waybill::testing::DovecotServer;
using waybill::testing::FakeAuthorizationServer;
using waybill::testing::UserinfoServer;
using waybill::testing::waitUntil;

TEST(OAuthDovecotTest, TheSignedInAccessTokenLogsInOverXoauth2)
{
    if (DovecotServer::dovecotBinary().isEmpty()) {
        GTEST_SKIP() << "dovecot is not installed (apt-get install dovecot-imapd, or scripts/install-deps test)";
    }
    FakeAuthorizationServer authorization;
    QNetworkAccessManager network;
    QNetworkAccessManager browser;
    OAuthSignIn signIn(authorization.provider(), network, [&browser](const QUrl &url) {
        QNetworkReply *reply = browser.get(QNetworkRequest(url));
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    });
    QSignalSpy finished(&signIn, &OAuthSignIn::finished);
    QSignalSpy failed(&signIn, &OAuthSignIn::failed);
    signIn.start();
    ASSERT_TRUE(waitUntil([&] { return finished.size() + failed.size() > 0; }, 10000));
    ASSERT_EQ(finished.size(), 1) << failed.first().first().value<OAuthError>().message.toStdString();
    const auto tokens = finished.first().first().value<OAuthTokens>();
    ASSERT_FALSE(tokens.accessToken.isEmpty());

    UserinfoServer userinfo(tokens.accessToken.toUtf8(), DovecotServer::userName().toUtf8());
    DovecotServer dovecot;
    ASSERT_TRUE(dovecot.start(userinfo.url())) << dovecot.errorString().toStdString();

    ImapAccountConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = dovecot.port();
    config.security = Transport::Security::None; // loopback only
    config.authMethod = ImapAccountConfig::AuthMethod::XOAuth2;
    config.username = DovecotServer::userName();
    config.secret = tokens.accessToken;
    config.commandTimeoutMs = 10000;
    SslTransportFactory factory;
    ImapClient client(factory, config);
    ImapConnectTask connect(client);
    QSignalSpy connected(&connect, &ImapTask::finished);
    QSignalSpy refused(&connect, &ImapTask::failed);
    connect.start();
    ASSERT_TRUE(waitUntil([&] { return connected.size() + refused.size() > 0; }, 10000));
    ASSERT_EQ(connected.size(), 1) << (refused.isEmpty()
            ? std::string()
            : refused.first().first().value<ImapError>().message.toStdString())
                                   << dovecot.log().toStdString();
    EXPECT_GE(userinfo.requests(), 1);
}
