// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// OAuthSignIn against a loopback authorization server: the browser is played by a QNetworkAccessManager that
// opens the authorization URL and follows the redirect back to the loopback reply handler.
#include "FakeAuthorizationServer.h"
#include "QtPrinters.h"
#include "TestWorkspace.h"
#include "security/OAuthSignIn.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>

#include <gtest/gtest.h>

using waybill::security::OAuthError;
using waybill::security::OAuthProvider;
using waybill::security::OAuthSignIn;
using waybill::security::OAuthTokens;
using waybill::testing::FakeAuthorizationServer;
using waybill::testing::waitUntil;

namespace {

class OAuthSignInTest : public ::testing::Test {
protected:
    /// The "browser": GET the authorization URL, follow the redirect to 127.0.0.1.
    OAuthSignIn::OpenBrowser browser()
    {
        return [this](const QUrl &url) {
            m_opened = url;
            QNetworkReply *reply = m_browser.get(QNetworkRequest(url));
            QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply] {
                m_landedOn = reply->url();
                m_page = reply->readAll();
                reply->deleteLater();
            });
        };
    }
    /// Runs a sign-in to its end; true when it finished (tokens in m_tokens), false when it failed (m_error).
    bool run(OAuthSignIn &signIn)
    {
        QSignalSpy finished(&signIn, &OAuthSignIn::finished);
        QSignalSpy failed(&signIn, &OAuthSignIn::failed);
        signIn.start();
        EXPECT_TRUE(finished.isEmpty() && failed.isEmpty()) << "signals must come from the event loop";
        EXPECT_TRUE(waitUntil([&] { return finished.size() + failed.size() > 0; }, 10000));
        QCoreApplication::processEvents(); // a second signal would show up now
        EXPECT_EQ(finished.size() + failed.size(), 1);
        if (!finished.isEmpty()) {
            m_tokens = finished.first().first().value<OAuthTokens>();
            return true;
        }
        if (!failed.isEmpty()) {
            m_error = failed.first().first().value<OAuthError>();
        }
        return false;
    }

    FakeAuthorizationServer m_server;
    QNetworkAccessManager m_network; // the app's
    QNetworkAccessManager m_browser; // the person's browser
    QUrl m_opened;
    QUrl m_landedOn;
    QByteArray m_page;
    OAuthTokens m_tokens;
    OAuthError m_error;
};

TEST(OAuthPkce, ChallengeIsTheRfc7636Example)
{
    EXPECT_EQ(OAuthSignIn::codeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
        QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    const QByteArray verifier = OAuthSignIn::createCodeVerifier();
    EXPECT_EQ(verifier.size(), 43);
    EXPECT_NE(verifier, OAuthSignIn::createCodeVerifier());
    for (const char c : verifier) {
        EXPECT_TRUE(QChar::fromLatin1(c).isLetterOrNumber() || c == '-' || c == '_') << c;
    }
}

TEST(OAuthProviders, ScopesAndClientIdsFromTheEnvironment)
{
    qputenv("WAYBILL_OAUTH_CLIENT_ID_GMAIL", "gmail-id.apps.example");
    qunsetenv("WAYBILL_OAUTH_CLIENT_ID_MICROSOFT");
    const OAuthProvider gmail = OAuthProvider::gmail();
    EXPECT_EQ(gmail.scopes, QStringLiteral("https://mail.google.com/"));
    EXPECT_EQ(gmail.clientId, QStringLiteral("gmail-id.apps.example"));
    EXPECT_TRUE(gmail.isConfigured());
    const OAuthProvider microsoft = OAuthProvider::microsoft();
    EXPECT_EQ(microsoft.scopes,
        QStringLiteral("https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send "
                       "offline_access"));
    EXPECT_FALSE(microsoft.isConfigured());
    EXPECT_EQ(OAuthProvider::microsoft(QStringLiteral("from-settings")).clientId, QStringLiteral("from-settings"));
    qunsetenv("WAYBILL_OAUTH_CLIENT_ID_GMAIL");
}

TEST(OAuthProviders, EndpointsCanBeReplacedForSelfHostedServers)
{
    EXPECT_EQ(OAuthProvider::gmail().tokenUrl, QUrl(QStringLiteral("https://oauth2.googleapis.com/token")));
    EXPECT_TRUE(OAuthProvider::gmail().endpointProblem().isEmpty());

    qputenv("WAYBILL_OAUTH_AUTHORIZATION_URL_GMAIL", "https://sso.shop.example/authorize");
    qputenv("WAYBILL_OAUTH_TOKEN_URL_GMAIL", "http://127.0.0.1:8080/token");
    const OAuthProvider gmail = OAuthProvider::gmail();
    EXPECT_EQ(gmail.authorizationUrl, QUrl(QStringLiteral("https://sso.shop.example/authorize")));
    EXPECT_EQ(gmail.tokenUrl, QUrl(QStringLiteral("http://127.0.0.1:8080/token")));
    EXPECT_TRUE(gmail.endpointProblem().isEmpty()) << gmail.endpointProblem().toStdString();
    EXPECT_EQ(OAuthProvider::microsoft().tokenUrl.host(), QStringLiteral("login.microsoftonline.com"));

    qputenv("WAYBILL_OAUTH_TOKEN_URL_GMAIL", "http://tokens.shop.example/token");
    const QString problem = OAuthProvider::gmail().endpointProblem();
    EXPECT_TRUE(problem.contains(QStringLiteral("WAYBILL_OAUTH_TOKEN_URL_GMAIL"))) << problem.toStdString();
    EXPECT_TRUE(problem.contains(QStringLiteral("https"))) << problem.toStdString();
    qunsetenv("WAYBILL_OAUTH_AUTHORIZATION_URL_GMAIL");
    qunsetenv("WAYBILL_OAUTH_TOKEN_URL_GMAIL");
}

TEST_F(OAuthSignInTest, APlainHttpEndpointElsewhereIsRefusedBeforeAnythingIsSent)
{
    OAuthProvider provider = m_server.provider();
    provider.tokenUrl = QUrl(QStringLiteral("http://tokens.shop.example/token"));
    OAuthSignIn signIn(provider, m_network, browser());
    ASSERT_FALSE(run(signIn));
    EXPECT_EQ(m_error.kind, OAuthError::Kind::NotConfigured);
    EXPECT_FALSE(m_opened.isValid());
    EXPECT_EQ(m_server.authorizationRequests(), 0);
}

TEST_F(OAuthSignInTest, AuthorizationCodeWithPkceGivesTokens)
{
    OAuthSignIn signIn(m_server.provider(), m_network, browser());
    ASSERT_TRUE(run(signIn)) << m_error.message.toStdString();

    const QUrlQuery asked = m_server.lastAuthorization();
    EXPECT_EQ(asked.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    EXPECT_EQ(asked.queryItemValue(QStringLiteral("code_challenge")).size(), 43);
    EXPECT_EQ(
        asked.queryItemValue(QStringLiteral("client_id")), QString::fromLatin1(FakeAuthorizationServer::ClientId));
    EXPECT_EQ(asked.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded), m_server.provider().scopes);
    EXPECT_FALSE(asked.queryItemValue(QStringLiteral("state")).isEmpty());
    const QUrl redirect(asked.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    EXPECT_EQ(redirect.host(), QStringLiteral("127.0.0.1"));
    EXPECT_NE(redirect.port(), 0);
    EXPECT_EQ(redirect, signIn.redirectUri());
    EXPECT_EQ(m_landedOn.port(), redirect.port()) << "the browser came back to the loopback handler";

    EXPECT_EQ(m_server.verifiedExchanges(), 1) << "the token endpoint checked the code_verifier";
    EXPECT_EQ(
        m_server.lastTokenRequest().queryItemValue(QStringLiteral("grant_type")), QStringLiteral("authorization_code"));
    EXPECT_EQ(m_tokens.accessToken, m_server.lastAccessToken());
    EXPECT_EQ(m_tokens.refreshToken, QStringLiteral("refresh-1"));
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(m_tokens.expiresAt);
    EXPECT_GT(left, 3500);
    EXPECT_LE(left, 3600);
}

TEST_F(OAuthSignInTest, AnInterceptedCodeWithoutTheVerifierIsRefused)
{
    m_server.forgeChallenge();
    OAuthSignIn signIn(m_server.provider(), m_network, browser());
    ASSERT_FALSE(run(signIn));
    EXPECT_EQ(m_server.codeExchanges(), 1);
    EXPECT_EQ(m_server.verifiedExchanges(), 0);
    EXPECT_TRUE(m_error.message.contains(QStringLiteral("PKCE verification failed"))) << m_error.message.toStdString();
}

TEST_F(OAuthSignInTest, AStateMismatchIsRefusedBeforeAnyTokenRequest)
{
    m_server.tamperWithState();
    OAuthSignIn signIn(m_server.provider(), m_network, browser());
    ASSERT_FALSE(run(signIn));
    EXPECT_EQ(m_error.kind, OAuthError::Kind::StateMismatch);
    EXPECT_FALSE(m_error.message.isEmpty());
    QCoreApplication::processEvents();
    EXPECT_EQ(m_server.codeExchanges(), 0);
}

TEST_F(OAuthSignInTest, DeniedInTheBrowser)
{
    m_server.deny();
    OAuthSignIn signIn(m_server.provider(), m_network, browser());
    ASSERT_FALSE(run(signIn));
    EXPECT_EQ(m_error.kind, OAuthError::Kind::Denied);
    EXPECT_TRUE(m_error.message.contains(QStringLiteral("denied"))) << m_error.message.toStdString();
}

TEST_F(OAuthSignInTest, AnUnknownClientIsNamed)
{
    OAuthProvider provider = m_server.provider();
    provider.clientId = QStringLiteral("not-registered");
    OAuthSignIn signIn(provider, m_network, browser());
    ASSERT_FALSE(run(signIn));
    EXPECT_EQ(m_error.kind, OAuthError::Kind::InvalidClient);
}

TEST_F(OAuthSignInTest, NobodyFinishesInTheBrowser)
{
    OAuthSignIn signIn(m_server.provider(), m_network, [this](const QUrl &url) { m_opened = url; });
    signIn.setTimeoutMs(200);
    ASSERT_FALSE(run(signIn));
    EXPECT_EQ(m_error.kind, OAuthError::Kind::Timeout);
    EXPECT_TRUE(m_opened.isValid());
}

TEST_F(OAuthSignInTest, WithoutAClientIdNothingStarts)
{
    OAuthProvider provider = m_server.provider();
    provider.clientId.clear();
    OAuthSignIn signIn(provider, m_network, browser());
    ASSERT_FALSE(run(signIn));
    EXPECT_EQ(m_error.kind, OAuthError::Kind::NotConfigured);
    EXPECT_TRUE(m_error.message.contains(QStringLiteral("WAYBILL_OAUTH_CLIENT_ID_MICROSOFT")))
        << m_error.message.toStdString();
    EXPECT_FALSE(m_opened.isValid());
}

} // namespace
