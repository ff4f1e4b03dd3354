// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// OAuthTokenSource against a loopback token endpoint: the refresh token only in the credential store, a
// refresh within five minutes of expiry (asked for and automatic), rotation, and a revoked refresh token; eBay's
// refresh with the application's keys as HTTP Basic auth and the scope in the body.
#include "FakeAuthorizationServer.h"
#include "FakeCredentialStore.h"
#include "QtPrinters.h"
#include "TestWorkspace.h"
#include "security/OAuthTokenSource.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>

#include <gtest/gtest.h>

using waybill::security::OAuthError;
using waybill::security::OAuthTokens;
using waybill::security::OAuthTokenSource;
using waybill::testing::FakeAuthorizationServer;
using waybill::testing::FakeCredentialStore;
using waybill::testing::waitUntil;

namespace {

const QString Account = QStringLiteral("email:support@shop.example");

class OAuthTokenSourceTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_source = std::make_unique<OAuthTokenSource>(m_server.provider(), Account, m_store, m_network);
        m_source->setClock([this] { return m_now; });
        m_ready = std::make_unique<QSignalSpy>(m_source.get(), &OAuthTokenSource::accessTokenReady);
        m_failed = std::make_unique<QSignalSpy>(m_source.get(), &OAuthTokenSource::failed);
    }
    /// Tokens as a sign-in gives them, with a refresh token the server knows.
    OAuthTokens signedIn(qint64 lifetimeSeconds)
    {
        return { QStringLiteral("access-from-sign-in"), m_now.addSecs(lifetimeSeconds), m_server.grantRefreshToken() };
    }
    /// request() and wait for its answer: the access token, or empty after failed().
    QString nextToken()
    {
        const qsizetype before = m_ready->size() + m_failed->size();
        m_source->request();
        EXPECT_TRUE(waitUntil([&] { return m_ready->size() + m_failed->size() > before; }, 5000));
        return m_failed->isEmpty() ? m_ready->last().first().toString() : QString();
    }

    FakeAuthorizationServer m_server;
    FakeCredentialStore m_store;
    QNetworkAccessManager m_network;
    QDateTime m_now = QDateTime::currentDateTimeUtc();
    std::unique_ptr<OAuthTokenSource> m_source;
    std::unique_ptr<QSignalSpy> m_ready;
    std::unique_ptr<QSignalSpy> m_failed;
};

TEST_F(OAuthTokenSourceTest, KeepsTheRefreshTokenInTheStoreAndAFreshAccessTokenAsItIs)
{
    QSignalSpy stored(m_source.get(), &OAuthTokenSource::stored);
    const OAuthTokens tokens = signedIn(3600);
    m_source->store(tokens);
    ASSERT_TRUE(stored.wait(2000));
    EXPECT_EQ(m_store.secret(Account), tokens.refreshToken);

    m_now = m_now.addSecs(3600 - 6 * 60); // six minutes left: still fresh
    EXPECT_EQ(nextToken(), QStringLiteral("access-from-sign-in"));
    EXPECT_EQ(m_server.refreshRequests(), 0);
}

TEST_F(OAuthTokenSourceTest, RefreshesWithinFiveMinutesOfExpiry)
{
    const OAuthTokens tokens = signedIn(3600);
    m_source->store(tokens);
    m_now = m_now.addSecs(3600 - 4 * 60); // four minutes left
    EXPECT_EQ(nextToken(), QStringLiteral("access-1"));
    EXPECT_EQ(m_server.refreshRequests(), 1);
    const QUrlQuery sent = m_server.lastTokenRequest();
    EXPECT_EQ(sent.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
    EXPECT_EQ(sent.queryItemValue(QStringLiteral("refresh_token")), tokens.refreshToken);
    EXPECT_EQ(m_source->expiresAt(), m_now.addSecs(3600));
    EXPECT_TRUE(m_failed->isEmpty());
}

TEST_F(OAuthTokenSourceTest, ReadsTheRefreshTokenFromTheStoreWhenItHasNone)
{
    m_store.setSecret(Account, m_server.grantRefreshToken());
    EXPECT_EQ(nextToken(), QStringLiteral("access-1"));
    EXPECT_EQ(m_server.refreshRequests(), 1);
}

TEST_F(OAuthTokenSourceTest, RefreshesOnItsOwnBeforeTheTokenExpires)
{
    m_source->setClock({}); // real time: the timer decides
    m_server.setExpiresIn(302);
    m_store.setSecret(Account, m_server.grantRefreshToken());
    ASSERT_EQ(nextToken(), QStringLiteral("access-1"));
    // 302 s left, refreshed at 5 min before expiry: about 2 s from now, without anyone asking.
    ASSERT_TRUE(waitUntil([&] { return m_ready->size() == 2; }, 6000));
    EXPECT_EQ(m_ready->last().first().toString(), QStringLiteral("access-2"));
    EXPECT_EQ(m_server.refreshRequests(), 2);
}

TEST_F(OAuthTokenSourceTest, ARotatedRefreshTokenReplacesTheStoredOne)
{
    m_server.setRotateRefreshTokens(true);
    const QString first = m_server.grantRefreshToken();
    m_store.setSecret(Account, first);
    ASSERT_EQ(nextToken(), QStringLiteral("access-1"));
    ASSERT_TRUE(waitUntil([&] { return m_store.secret(Account) != first; }, 2000));
    EXPECT_EQ(m_store.secret(Account), QStringLiteral("refresh-1"));
}

TEST_F(OAuthTokenSourceTest, ARevokedRefreshTokenAsksToSignInAgain)
{
    m_source->store(signedIn(3600));
    m_server.revokeAll();
    m_now = m_now.addSecs(3600);
    EXPECT_TRUE(nextToken().isEmpty());
    ASSERT_EQ(m_failed->size(), 1);
    const auto error = m_failed->first().first().value<OAuthError>();
    EXPECT_EQ(error.kind, OAuthError::Kind::SignInAgain);
    EXPECT_TRUE(error.message.contains(QStringLiteral("sign in again"))) << error.message.toStdString();
    EXPECT_TRUE(m_source->accessToken().isEmpty());
}

TEST_F(OAuthTokenSourceTest, NothingStoredAsksToSignIn)
{
    EXPECT_TRUE(nextToken().isEmpty());
    ASSERT_EQ(m_failed->size(), 1);
    EXPECT_EQ(m_failed->first().first().value<OAuthError>().kind, OAuthError::Kind::SignInAgain);
    EXPECT_EQ(m_server.refreshRequests(), 0);
}

TEST_F(OAuthTokenSourceTest, ALockedKeychainIsNamed)
{
    m_store.setFailing(true);
    EXPECT_TRUE(nextToken().isEmpty());
    ASSERT_EQ(m_failed->size(), 1);
    EXPECT_EQ(m_failed->first().first().value<OAuthError>().kind, OAuthError::Kind::Keychain);
}

/// The same source for an eBay account: OAuthProvider::ebay() pointed at the loopback server.
class EbayTokenSourceTest : public OAuthTokenSourceTest {
protected:
    void SetUp() override
    {
        OAuthTokenSourceTest::SetUp();
        m_source = std::make_unique<OAuthTokenSource>(
            m_server.provider(waybill::security::OAuthProvider::Kind::Ebay), Account, m_store, m_network);
        m_source->setClock([this] { return m_now; });
        m_ready = std::make_unique<QSignalSpy>(m_source.get(), &OAuthTokenSource::accessTokenReady);
        m_failed = std::make_unique<QSignalSpy>(m_source.get(), &OAuthTokenSource::failed);
    }
};

TEST_F(EbayTokenSourceTest, RefreshesWithTheApplicationKeysAsBasicAuth)
{
    const QString refreshToken = m_server.grantRefreshToken();
    m_store.setSecret(Account, refreshToken);
    m_server.setExpiresIn(7200);
    EXPECT_EQ(nextToken(), QStringLiteral("access-1"));
    EXPECT_EQ(m_server.lastTokenAuthorization(),
        "Basic "
            + QByteArray(FakeAuthorizationServer::ClientId)
                  .append(':')
                  .append(FakeAuthorizationServer::ClientSecret)
                  .toBase64());
    const QUrlQuery sent = m_server.lastTokenRequest();
    EXPECT_EQ(sent.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
    EXPECT_EQ(sent.queryItemValue(QStringLiteral("refresh_token")), refreshToken);
    EXPECT_EQ(sent.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
        QStringLiteral("https://api.ebay.com/oauth/api_scope"));
    EXPECT_FALSE(sent.hasQueryItem(QStringLiteral("client_id"))); // the keys travel in the header only
    EXPECT_FALSE(sent.hasQueryItem(QStringLiteral("client_secret")));
    EXPECT_EQ(m_source->expiresAt(), m_now.addSecs(7200));
    EXPECT_EQ(m_store.secret(Account), refreshToken); // eBay sends no new refresh token
}

TEST_F(EbayTokenSourceTest, AWrongCertIdIsRefused)
{
    m_source = std::make_unique<OAuthTokenSource>(
        waybill::security::OAuthProvider::ebay(m_server.provider(waybill::security::OAuthProvider::Kind::Ebay).tokenUrl,
            QString::fromLatin1(FakeAuthorizationServer::ClientId), QStringLiteral("not-the-cert"), QString()),
        Account, m_store, m_network);
    m_ready = std::make_unique<QSignalSpy>(m_source.get(), &OAuthTokenSource::accessTokenReady);
    m_failed = std::make_unique<QSignalSpy>(m_source.get(), &OAuthTokenSource::failed);
    m_store.setSecret(Account, m_server.grantRefreshToken());
    EXPECT_TRUE(nextToken().isEmpty());
    ASSERT_EQ(m_failed->size(), 1);
    EXPECT_TRUE(m_ready->isEmpty());
}

TEST(EbayOAuthProviderTest, EbaysEndpointAndTheTradingScopeByDefault)
{
    const auto provider
        = waybill::security::OAuthProvider::ebay(QUrl(), QStringLiteral("app"), QStringLiteral("cert"), QString());
    EXPECT_EQ(provider.kind, waybill::security::OAuthProvider::Kind::Ebay);
    EXPECT_EQ(provider.tokenUrl, QUrl(QStringLiteral("https://api.ebay.com/identity/v1/oauth2/token")));
    EXPECT_EQ(provider.scopes, QStringLiteral("https://api.ebay.com/oauth/api_scope"));
    EXPECT_EQ(provider.clientId, QStringLiteral("app"));
    EXPECT_EQ(provider.clientSecret, QStringLiteral("cert"));
    EXPECT_TRUE(provider.isConfigured());
    EXPECT_TRUE(provider.endpointProblem().isEmpty());
    EXPECT_FALSE(waybill::security::OAuthProvider::ebay(
        QUrl(QStringLiteral("http://ebay.example/token")), QStringLiteral("app"), QStringLiteral("cert"), QString())
                     .endpointProblem()
                     .isEmpty());
}

} // namespace
