// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// `waybillctl account add --oauth gmail --no-browser` as a user runs it: the command prints the sign-in address,
// the test plays the browser against a loopback authorization server, and the refresh token lands in a real
// keychain (GNOME Keyring's Secret Service in a private D-Bus session) under the name the engine's
// OAuthTokenSource reads, never in the workspace.
#include "FakeAuthorizationServer.h"
#include "QtPrinters.h"
#include "TestWorkspace.h"
#include "security/CredentialJob.h"
#include "security/KeychainCredentialStore.h"
#include "security/OAuthTokenSource.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <memory>
#include <optional>

using waybill::security::OAuthProvider;
using waybill::testing::FakeAuthorizationServer;
using waybill::testing::waitUntil;

namespace {

struct CtlRun {
    int exitCode = -1;
    QString out;
    QString err;
    QUrl authorizationUrl; ///< what the command printed
    QUrl landedOn; ///< where the browser ended up after the redirects
    QByteArray page;
};

/// One private D-Bus session with an unlocked GNOME Keyring for the whole suite; the test process itself talks to
/// it too, to read back what waybillctl stored.
class WaybillctlOAuthTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dbus-run-session")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon")).isEmpty()) {
            return;
        }
        s_home = new QTemporaryDir;
        QDir().mkpath(s_home->filePath(QStringLiteral("run")));
        QFile::setPermissions(
            s_home->filePath(QStringLiteral("run")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        s_session = new QProcess;
        QProcessEnvironment env = sessionEnvironment();
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        s_session->setProcessEnvironment(env);
        // The session lives until its standard input is closed (TearDownTestSuite).
        s_session->start(QStringLiteral("dbus-run-session"),
            { QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                QStringLiteral("echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
                               "echo \"$DBUS_SESSION_BUS_ADDRESS\"; read _") });
        QByteArray line;
        while (!line.contains('\n') && s_session->waitForReadyRead(20000)) {
            line += s_session->readAllStandardOutput();
        }
        s_address = QString::fromUtf8(line).trimmed();
        if (!s_address.isEmpty()) {
            // Before anything in this process opens the session bus.
            qputenv("DBUS_SESSION_BUS_ADDRESS", s_address.toUtf8());
        }
    }

    static void TearDownTestSuite()
    {
        if (s_session) {
            s_session->closeWriteChannel();
            if (!s_session->waitForFinished(10000)) {
                s_session->kill();
                s_session->waitForFinished(5000);
            }
        }
        delete s_session;
        s_session = nullptr;
        delete s_home;
        s_home = nullptr;
    }

    static QProcessEnvironment sessionEnvironment()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), s_home->path());
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), s_home->filePath(QStringLiteral("run")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), s_home->filePath(QStringLiteral("data")));
        if (!s_address.isEmpty()) {
            env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), s_address);
        }
        return env;
    }

    void SetUp() override
    {
        if (!s_session) {
            GTEST_SKIP() << "dbus-run-session or gnome-keyring-daemon is missing (scripts/install-deps test)";
        }
        ASSERT_FALSE(s_address.isEmpty())
            << "the private D-Bus session did not start: " << s_session->readAllStandardError().toStdString();
    }

    /// waybillctl with the test authorization server configured for Gmail the way a self-hosted setup does it.
    QProcessEnvironment ctlEnvironment() const
    {
        QProcessEnvironment env = sessionEnvironment();
        env.insert(
            QStringLiteral("WAYBILL_OAUTH_CLIENT_ID_GMAIL"), QString::fromLatin1(FakeAuthorizationServer::ClientId));
        env.insert(QStringLiteral("WAYBILL_OAUTH_AUTHORIZATION_URL_GMAIL"),
            server.baseUrl().toString() + QStringLiteral("/authorize"));
        env.insert(
            QStringLiteral("WAYBILL_OAUTH_TOKEN_URL_GMAIL"), server.baseUrl().toString() + QStringLiteral("/token"));
        return env;
    }

    /// Runs waybillctl without blocking this event loop (the authorization server lives in it). When the command
    /// prints the sign-in address, the "browser" opens it and follows the redirects to the loopback redirect_uri.
    CtlRun run(const QStringList &arguments)
    {
        CtlRun result;
        QProcess process;
        process.setProcessEnvironment(ctlEnvironment());
        QByteArray err;
        QNetworkAccessManager browser;
        bool finished = false;
        QObject::connect(&process, &QProcess::readyReadStandardError, &process, [&] {
            err += process.readAllStandardError();
            static const QRegularExpression prompt(
                QStringLiteral("Open this address in your browser to sign in: (\\S+)"));
            const QRegularExpressionMatch match = prompt.match(QString::fromUtf8(err));
            if (!match.hasMatch() || result.authorizationUrl.isValid()) {
                return;
            }
            result.authorizationUrl = QUrl::fromEncoded(match.captured(1).toLatin1());
            QNetworkReply *reply = browser.get(QNetworkRequest(result.authorizationUrl));
            QObject::connect(reply, &QNetworkReply::finished, reply, [&result, reply] {
                result.landedOn = reply->url();
                result.page = reply->readAll();
                reply->deleteLater();
            });
        });
        QObject::connect(&process, &QProcess::finished, &process, [&finished] { finished = true; });
        process.start(QStringLiteral(WAYBILLCTL_PATH), arguments);
        EXPECT_TRUE(waitUntil([&] { return finished; }, 60000)) << "waybillctl did not finish";
        if (!finished) {
            process.kill();
            process.waitForFinished(5000);
        }
        err += process.readAllStandardError();
        result.exitCode = process.exitCode();
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(err);
        return result;
    }

    /// `account add` for `user` (each test its own: the keychain is shared by the suite).
    QStringList addGmail(const QString &user) const
    {
        return { QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("email"),
            QStringLiteral("--workspace"), workspace.path(), QStringLiteral("--imap"),
            QStringLiteral("imaps://imap.gmail.com:993"), QStringLiteral("--smtp"),
            QStringLiteral("smtps://smtp.gmail.com:465"), QStringLiteral("--user"), user, QStringLiteral("--oauth"),
            QStringLiteral("gmail"), QStringLiteral("--no-browser") };
    }

    /// What the keychain holds for `accountId`, read the way the engine reads it; std::nullopt when nothing.
    static std::optional<QString> keychainSecret(const QString &accountId)
    {
        waybill::security::KeychainCredentialStore keychain;
        std::unique_ptr<waybill::security::CredentialJob> job(keychain.read(accountId, nullptr));
        QSignalSpy succeeded(job.get(), &waybill::security::CredentialJob::succeeded);
        QSignalSpy failed(job.get(), &waybill::security::CredentialJob::failed);
        EXPECT_TRUE(waitUntil([&] { return !succeeded.isEmpty() || !failed.isEmpty(); }, 20000));
        if (succeeded.isEmpty() || succeeded.first().first().toString().isEmpty()) {
            return std::nullopt;
        }
        return succeeded.first().first().toString();
    }

    /// Every byte of every file in the workspace (the SQLite database and its journal).
    QByteArray workspaceBytes() const
    {
        QByteArray bytes;
        for (const QString &name : QDir(workspace.path()).entryList(QDir::Files)) {
            QFile file(workspace.filePath(name));
            EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
            bytes += file.readAll();
        }
        return bytes;
    }

    static QTemporaryDir *s_home;
    static QProcess *s_session;
    static QString s_address;

    FakeAuthorizationServer server;
    QTemporaryDir workspace;
};

QTemporaryDir *WaybillctlOAuthTest::s_home = nullptr;
QProcess *WaybillctlOAuthTest::s_session = nullptr;
QString WaybillctlOAuthTest::s_address;

TEST_F(WaybillctlOAuthTest, SignsInInTheBrowserAndKeepsTheRefreshTokenInTheKeychainOnly)
{
    const QString accountId = QStringLiteral("email:shop@gmail.com");
    const CtlRun added = run(addGmail(QStringLiteral("shop@gmail.com")));
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    EXPECT_TRUE(added.out.contains(QStringLiteral("Added ") + accountId)) << added.out.toStdString();
    EXPECT_TRUE(added.out.contains(QStringLiteral("signed in with Google"))) << added.out.toStdString();

    // The address printed is the server's authorization endpoint with PKCE; the browser came back to 127.0.0.1.
    EXPECT_EQ(added.authorizationUrl.path(), QStringLiteral("/authorize"));
    EXPECT_EQ(
        server.lastAuthorization().queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    EXPECT_EQ(server.verifiedExchanges(), 1);
    EXPECT_EQ(added.landedOn.host(), QStringLiteral("127.0.0.1"));
    EXPECT_TRUE(added.page.contains("Waybill received the answer")) << added.page.toStdString();

    const CtlRun list
        = run({ QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--workspace"), workspace.path() });
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    EXPECT_TRUE(list.out.contains(accountId)) << list.out.toStdString();
    EXPECT_TRUE(list.out.contains(QStringLiteral("sign-in Google"))) << list.out.toStdString();

    const std::optional<QString> refreshToken = keychainSecret(accountId);
    ASSERT_TRUE(refreshToken.has_value());
    EXPECT_TRUE(refreshToken->startsWith(QStringLiteral("refresh-"))) << refreshToken->toStdString();
    const QByteArray stored = workspaceBytes();
    EXPECT_FALSE(stored.isEmpty());
    EXPECT_FALSE(stored.contains(refreshToken->toUtf8())) << "the refresh token must not be in the workspace";
    EXPECT_FALSE(stored.contains(server.lastAccessToken().toUtf8())) << "nor the access token";

    // What was stored is what the engine reads: its token source refreshes with it.
    QNetworkAccessManager network;
    waybill::security::KeychainCredentialStore keychain;
    waybill::security::OAuthTokenSource source(
        server.provider(OAuthProvider::Kind::Gmail), accountId, keychain, network);
    QSignalSpy ready(&source, &waybill::security::OAuthTokenSource::accessTokenReady);
    QSignalSpy failed(&source, &waybill::security::OAuthTokenSource::failed);
    source.request();
    ASSERT_TRUE(waitUntil([&] { return !ready.isEmpty() || !failed.isEmpty(); }, 20000));
    ASSERT_EQ(ready.size(), 1) << (failed.isEmpty()
            ? std::string()
            : failed.first().first().value<waybill::security::OAuthError>().message.toStdString());
    EXPECT_EQ(server.refreshRequests(), 1);
    EXPECT_EQ(server.lastTokenRequest().queryItemValue(QStringLiteral("refresh_token")), *refreshToken);
}

TEST_F(WaybillctlOAuthTest, DeniedConsentStoresNothing)
{
    server.deny();
    const QString accountId = QStringLiteral("email:denied@gmail.com");
    const CtlRun added = run(addGmail(QStringLiteral("denied@gmail.com")));
    EXPECT_NE(added.exitCode, 0);
    EXPECT_TRUE(added.authorizationUrl.isValid()) << added.err.toStdString();
    EXPECT_TRUE(added.err.contains(QStringLiteral("waybillctl account add: Access was denied at Google")))
        << added.err.toStdString();
    EXPECT_EQ(server.codeExchanges(), 0);

    const CtlRun list
        = run({ QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--workspace"), workspace.path() });
    EXPECT_FALSE(list.out.contains(accountId)) << list.out.toStdString();
    EXPECT_FALSE(keychainSecret(accountId).has_value()) << "nothing in the keychain";
}

TEST_F(WaybillctlOAuthTest, ATokenEndpointErrorStoresNothing)
{
    server.forgeChallenge(); // the token endpoint answers invalid_grant
    const QString accountId = QStringLiteral("email:refused@gmail.com");
    const CtlRun added = run(addGmail(QStringLiteral("refused@gmail.com")));
    EXPECT_NE(added.exitCode, 0);
    EXPECT_TRUE(added.err.contains(QStringLiteral("Google"))) << added.err.toStdString();
    EXPECT_EQ(server.codeExchanges(), 1);
    const CtlRun list
        = run({ QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--workspace"), workspace.path() });
    EXPECT_FALSE(list.out.contains(accountId)) << list.out.toStdString();
    EXPECT_FALSE(keychainSecret(accountId).has_value()) << "nothing in the keychain";
}

} // namespace
