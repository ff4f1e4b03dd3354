// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The e-mail accounts dialog: presets fill the servers and say what to do first, the password goes to the
// keychain and never to the database, "Test connection" names the problem a scripted server reports, and Gmail
// or Microsoft accounts sign in in the browser (played here against a loopback authorization server).
#include "FakeAuthorizationServer.h"
#include "FakeCredentialStore.h"
#include "FakeDialogService.h"
#include "FakeTransportFactory.h"
#include "Screenshot.h"
#include "TestWorkspace.h"
#include "storage/AccountRepository.h"
#include "storage/SqlQuery.h"
#include "ui/EmailAccountsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>
#include <memory>

using namespace waybill;
using waybill::security::OAuthProvider;
using waybill::testing::FakeAuthorizationServer;
using waybill::testing::FakeTransport;
using waybill::testing::waitUntil;

namespace {

constexpr qint64 Now = 1772000000;

class EmailAccountsDialogTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        dialog = std::make_unique<ui::EmailAccountsDialog>(
            ui::EmailAccountsDialog::Context { workspace.db(), credentials, transports, dialogs, [] { return Now; } });
        dialog->show();
    }

    template <typename T> T *find(const char *name) const
    {
        T *widget = dialog->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }

    void choosePreset(const QString &key)
    {
        auto *combo = find<QComboBox>("providerCombo");
        const int index = combo->findData(key);
        ASSERT_GE(index, 0) << qPrintable(key);
        combo->setCurrentIndex(index);
        Q_EMIT combo->activated(index);
    }

    void fillIn(const QString &address, const QString &password)
    {
        find<QLineEdit>("addressEdit")->setText(address);
        find<QLineEdit>("passwordEdit")->setText(password);
    }

    QString result() const { return find<QLabel>("resultLabel")->text(); }

    /// Sign-ins go to the loopback authorization server; the "browser" records the page it is sent to and,
    /// when `follow` is set, opens it and follows the redirect back to the dialog's loopback address.
    void useAuthorizationServer(bool follow)
    {
        dialog->setOAuthProviders([this](domain::EmailAccount::Auth auth) {
            return authorization.provider(auth == domain::EmailAccount::Auth::OAuthGmail
                    ? OAuthProvider::Kind::Gmail
                    : OAuthProvider::Kind::Microsoft);
        });
        dialog->setOpenBrowser([this, follow](const QUrl &url) {
            opened = url;
            if (follow) {
                QNetworkReply *reply = browser.get(QNetworkRequest(url));
                QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
            }
        });
    }

    /// Plays an IMAP server that refuses every LOGIN, answering whatever the client wrote so far.
    static void imapRejectingLogins(FakeTransport *server)
    {
        const QList<QByteArray> lines = server->takeWritten().split('\n');
        for (const QByteArray &line : lines) {
            const QByteArray tag = line.split(' ').value(0);
            if (line.contains("CAPABILITY")) {
                server->serverSays("* CAPABILITY IMAP4rev1\r\n" + tag + " OK done\r\n");
            } else if (line.contains("LOGIN") || line.contains("AUTHENTICATE")) {
                server->serverSays(tag + " NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)\r\n");
            }
        }
    }

    /// Plays an SMTP server that refuses AUTH with 535.
    static void smtpRejectingAuth(FakeTransport *server)
    {
        const QList<QByteArray> lines = server->takeWritten().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("EHLO")) {
                server->serverSays("250-smtp.example.com\r\n250 AUTH PLAIN LOGIN\r\n");
            } else if (line.startsWith("AUTH")) {
                server->serverSays("535 5.7.8 Username and Password not accepted\r\n");
            } else if (line.startsWith("QUIT")) {
                server->serverSays("221 bye\r\n");
            }
        }
    }

    waybill::testing::TestWorkspace workspace;
    waybill::testing::FakeCredentialStore credentials;
    waybill::testing::FakeTransportFactory transports;
    waybill::testing::FakeDialogService dialogs;
    FakeAuthorizationServer authorization;
    QNetworkAccessManager browser;
    QUrl opened;
    std::unique_ptr<ui::EmailAccountsDialog> dialog;
};

} // namespace

TEST_F(EmailAccountsDialogTest, PresetFillsTheServersAndSaysWhatToDoFirst)
{
    useAuthorizationServer(false);
    choosePreset(QStringLiteral("fastmail"));
    EXPECT_EQ(find<QLineEdit>("imapEdit")->text(), QStringLiteral("imaps://imap.fastmail.com:993"));
    EXPECT_EQ(find<QLineEdit>("smtpEdit")->text(), QStringLiteral("smtps://smtp.fastmail.com:465"));
    EXPECT_TRUE(find<QLabel>("noteLabel")->text().contains(QStringLiteral("app password")));

    choosePreset(QStringLiteral("gmail"));
    EXPECT_EQ(find<QLineEdit>("imapEdit")->text(), QStringLiteral("imaps://imap.gmail.com:993"));
    const QString note = find<QLabel>("noteLabel")->text();
    EXPECT_TRUE(note.contains(QStringLiteral("Sign in with Google"))) << qPrintable(note);
    EXPECT_TRUE(note.contains(QStringLiteral("App password"))) << qPrintable(note);
    EXPECT_TRUE(find<QRadioButton>("passwordRadio")->isVisible()) << "the app password stays a choice";
    waybill::testing::saveScreenshot(dialog.get(), QStringLiteral("accounts-dialog-gmail"));
}

TEST_F(EmailAccountsDialogTest, SignInWithGoogleKeepsTheRefreshTokenInTheKeychainAndSavesAnOAuthAccount)
{
    useAuthorizationServer(true);
    choosePreset(QStringLiteral("gmail"));
    ASSERT_TRUE(find<QRadioButton>("oauthRadio")->isChecked());
    EXPECT_EQ(find<QRadioButton>("oauthRadio")->text(), QStringLiteral("Sign in with Google"));
    EXPECT_FALSE(find<QLineEdit>("passwordEdit")->isVisible()) << "no password in OAuth mode";
    auto *signIn = find<QPushButton>("signInButton");
    ASSERT_TRUE(signIn->isVisible());
    EXPECT_TRUE(signIn->isEnabled());
    EXPECT_EQ(signIn->text(), QStringLiteral("Sign in with Google…"));
    find<QLineEdit>("addressEdit")->setText(QStringLiteral("Shop@Gmail.com"));

    QSignalSpy saved(dialog.get(), &ui::EmailAccountsDialog::accountSaved);
    QTest::mouseClick(signIn, Qt::LeftButton);
    EXPECT_EQ(opened.path(), QStringLiteral("/authorize"));
    ASSERT_TRUE(waitUntil([&] { return saved.count() == 1; }, 10000)) << qPrintable(result());

    const QString id = QStringLiteral("email:shop@gmail.com");
    EXPECT_EQ(saved.first().first().toString(), id);
    EXPECT_EQ(authorization.verifiedExchanges(), 1);
    const auto account = storage::AccountRepository(workspace.db()).emailAccount(id);
    ASSERT_TRUE(account.has_value());
    EXPECT_EQ(account->auth, domain::EmailAccount::Auth::OAuthGmail);
    EXPECT_EQ(account->imapUrl, QStringLiteral("imaps://imap.gmail.com:993"));
    const QString refreshToken = credentials.secret(id);
    EXPECT_TRUE(refreshToken.startsWith(QStringLiteral("refresh-"))) << qPrintable(refreshToken);
    storage::SqlQuery q(workspace.db(), QStringLiteral("SELECT count(*) FROM accounts WHERE config LIKE ?"));
    q.bind(QStringLiteral("%refresh-%")).exec();
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.int64(0), 0) << "the refresh token must not be in the database";
    EXPECT_TRUE(result().contains(QStringLiteral("Signed in with Google and saved"))) << qPrintable(result());

    // Opened again, the account offers to sign in again, not a password.
    EXPECT_TRUE(find<QRadioButton>("oauthRadio")->isChecked());
    EXPECT_EQ(signIn->text(), QStringLiteral("Sign in with Google again…"));
    QSignalSpy changed(dialog.get(), &ui::EmailAccountsDialog::accountsChanged);
    find<QLineEdit>("nameEdit")->setText(QStringLiteral("Shop"));
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    ASSERT_EQ(changed.count(), 1) << qPrintable(result());
    EXPECT_EQ(
        storage::AccountRepository(workspace.db()).emailAccount(id)->auth, domain::EmailAccount::Auth::OAuthGmail);
    EXPECT_EQ(credentials.secret(id), refreshToken) << "saving other fields keeps the sign-in";

    // "Test connection" signs in with XOAUTH2 and the access token of this sign-in (kept in memory only).
    QTest::mouseClick(find<QPushButton>("testButton"), Qt::LeftButton);
    ASSERT_EQ(transports.createdCount(), 2) << qPrintable(result());
    const QPointer<FakeTransport> imap = transports.created(0);
    imap->serverSays("* OK IMAP ready\r\n");
    QByteArray written;
    ASSERT_TRUE(waitUntil([&] {
        if (!imap) {
            return false;
        }
        const QByteArray chunk = imap->takeWritten();
        written += chunk;
        for (const QByteArray &line : chunk.split('\n')) {
            if (line.contains("CAPABILITY")) {
                imap->serverSays(
                    "* CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2\r\n" + line.split(' ').value(0) + " OK done\r\n");
            }
        }
        return written.contains("AUTHENTICATE");
    })) << written.toStdString();
    const QByteArray initialResponse = QByteArray("user=shop@gmail.com\x01"
                                                  "auth=Bearer ")
        + authorization.lastAccessToken().toUtf8() + QByteArray("\x01\x01");
    const QByteArray command = "AUTHENTICATE XOAUTH2 " + initialResponse.toBase64();
    EXPECT_TRUE(written.contains(command)) << written.toStdString();
}

TEST_F(EmailAccountsDialogTest, ADeniedSignInIsShownInASentenceAndNothingIsStored)
{
    authorization.deny();
    useAuthorizationServer(true);
    choosePreset(QStringLiteral("microsoft"));
    find<QLineEdit>("addressEdit")->setText(QStringLiteral("help@shop.example"));
    EXPECT_EQ(find<QPushButton>("signInButton")->text(), QStringLiteral("Sign in with Microsoft…"));
    QTest::mouseClick(find<QPushButton>("signInButton"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return result().contains(QStringLiteral("denied")); }, 10000)) << qPrintable(result());
    EXPECT_TRUE(result().contains(QStringLiteral("Access was denied at Microsoft"))) << qPrintable(result());
    EXPECT_TRUE(result().contains(QStringLiteral("nothing was saved"))) << qPrintable(result());
    EXPECT_TRUE(storage::AccountRepository(workspace.db()).emailAccounts().isEmpty());
    EXPECT_EQ(credentials.writes(), 0);
    EXPECT_TRUE(find<QPushButton>("signInButton")->isEnabled()) << "one can try again";
    EXPECT_FALSE(find<QPushButton>("cancelSignInButton")->isVisible());
}

TEST_F(EmailAccountsDialogTest, WaitingForTheBrowserCanBeCancelled)
{
    useAuthorizationServer(false); // the person never finishes in the browser
    choosePreset(QStringLiteral("gmail"));
    QTest::keyClicks(find<QLineEdit>("addressEdit"), QStringLiteral("support@acme-shop.example"));
    find<QLineEdit>("nameEdit")->setText(QStringLiteral("Shop support"));
    find<QLineEdit>("displayNameEdit")->setText(QStringLiteral("Acme Shop"));
    QTest::mouseClick(find<QPushButton>("signInButton"), Qt::LeftButton);
    ASSERT_TRUE(opened.isValid());
    const QString status = find<QLabel>("signInStatus")->text();
    EXPECT_TRUE(status.contains(QStringLiteral("Waiting for you to finish in the browser"))) << qPrintable(status);
    auto *cancel = find<QPushButton>("cancelSignInButton");
    EXPECT_TRUE(cancel->isVisible());
    EXPECT_FALSE(find<QPushButton>("signInButton")->isEnabled()) << "one sign-in at a time";
    EXPECT_FALSE(find<QPushButton>("saveButton")->isEnabled());
    waybill::testing::saveScreenshot(dialog.get(), QStringLiteral("accounts-oauth"));

    QTest::mouseClick(cancel, Qt::LeftButton);
    EXPECT_TRUE(result().contains(QStringLiteral("cancelled"))) << qPrintable(result());
    EXPECT_FALSE(cancel->isVisible());
    EXPECT_TRUE(find<QPushButton>("signInButton")->isEnabled());
    // The browser coming back now is ignored: the loopback address is closed.
    QNetworkReply *late = browser.get(QNetworkRequest(opened));
    QObject::connect(late, &QNetworkReply::finished, late, &QObject::deleteLater);
    QSignalSpy lateDone(late, &QNetworkReply::finished);
    EXPECT_TRUE(lateDone.wait(5000));
    QCoreApplication::processEvents();
    EXPECT_TRUE(storage::AccountRepository(workspace.db()).emailAccounts().isEmpty());
    EXPECT_EQ(credentials.writes(), 0);
}

TEST_F(EmailAccountsDialogTest, WithoutAClientIdTheAppPasswordIsChosenAndTheVariableNamed)
{
    dialog->setOAuthProviders([this](domain::EmailAccount::Auth) {
        OAuthProvider provider = authorization.provider(OAuthProvider::Kind::Gmail);
        provider.clientId.clear();
        return provider;
    });
    choosePreset(QStringLiteral("gmail"));
    EXPECT_TRUE(find<QRadioButton>("passwordRadio")->isChecked());
    EXPECT_TRUE(find<QLineEdit>("passwordEdit")->isVisible());
    const QString note = find<QLabel>("noteLabel")->text();
    EXPECT_TRUE(note.contains(QStringLiteral("not set up on this computer"))) << qPrintable(note);
    EXPECT_TRUE(note.contains(QStringLiteral("WAYBILL_OAUTH_CLIENT_ID_GMAIL"))) << qPrintable(note);
    EXPECT_TRUE(note.contains(QStringLiteral("app password"))) << qPrintable(note);
    find<QRadioButton>("oauthRadio")->setChecked(true);
    EXPECT_FALSE(find<QPushButton>("signInButton")->isEnabled());
    const QString status = find<QLabel>("signInStatus")->text();
    EXPECT_TRUE(status.contains(QStringLiteral("WAYBILL_OAUTH_CLIENT_ID_GMAIL"))) << qPrintable(status);
}

TEST_F(EmailAccountsDialogTest, TypingAKnownAddressPicksItsProvider)
{
    auto *address = find<QLineEdit>("addressEdit");
    QTest::keyClicks(address, QStringLiteral("shop@icloud.com"));
    EXPECT_EQ(find<QComboBox>("providerCombo")->currentData().toString(), QStringLiteral("icloud"));
    EXPECT_EQ(find<QLineEdit>("smtpEdit")->text(), QStringLiteral("smtp://smtp.mail.me.com:587"));
    EXPECT_EQ(find<QLineEdit>("userEdit")->text(), QStringLiteral("shop@icloud.com"));
}

TEST_F(EmailAccountsDialogTest, PasswordGoesToTheKeychainAndNeverToTheDatabase)
{
    QSignalSpy changed(dialog.get(), &ui::EmailAccountsDialog::accountsChanged);
    choosePreset(QStringLiteral("yahoo"));
    fillIn(QStringLiteral("Support@Shop.example"), QStringLiteral("s3cret-app-password"));
    find<QLineEdit>("nameEdit")->setText(QStringLiteral("Support"));
    find<QLineEdit>("foldersEdit")->setText(QStringLiteral("INBOX, Amazon"));
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return changed.count() == 1; })) << qPrintable(result());

    const QString id = QStringLiteral("email:support@shop.example");
    EXPECT_EQ(credentials.secret(id), QStringLiteral("s3cret-app-password"));
    const auto account = storage::AccountRepository(workspace.db()).emailAccount(id);
    ASSERT_TRUE(account.has_value());
    EXPECT_EQ(account->imapUrl, QStringLiteral("imaps://imap.mail.yahoo.com:993"));
    EXPECT_EQ(account->folders, (QStringList { QStringLiteral("INBOX"), QStringLiteral("Amazon") }));
    EXPECT_EQ(account->username, QStringLiteral("support@shop.example"));
    storage::SqlQuery q(workspace.db(), QStringLiteral("SELECT count(*) FROM accounts WHERE config LIKE ?"));
    q.bind(QStringLiteral("%s3cret%")).exec();
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.int64(0), 0) << "the password must not be in the database";
    EXPECT_EQ(find<QListWidget>("accountList")->count(), 1);
    EXPECT_TRUE(find<QLineEdit>("passwordEdit")->text().isEmpty());
}

TEST_F(EmailAccountsDialogTest, NewAccountWithoutPasswordIsNotSaved)
{
    choosePreset(QStringLiteral("fastmail"));
    fillIn(QStringLiteral("help@shop.example"), QString());
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    EXPECT_TRUE(result().contains(QStringLiteral("Enter the password")));
    EXPECT_TRUE(storage::AccountRepository(workspace.db()).emailAccounts().isEmpty());
}

TEST_F(EmailAccountsDialogTest, KeychainFailureIsShownAndNothingIsSaved)
{
    credentials.setFailing(true);
    choosePreset(QStringLiteral("fastmail"));
    fillIn(QStringLiteral("help@shop.example"), QStringLiteral("pw"));
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return result().contains(QStringLiteral("keychain is locked")); }))
        << qPrintable(result());
    EXPECT_TRUE(storage::AccountRepository(workspace.db()).emailAccounts().isEmpty());
    EXPECT_EQ(credentials.writes(), 0);
}

TEST_F(EmailAccountsDialogTest, TestConnectionNamesAWrongPassword)
{
    choosePreset(QStringLiteral("fastmail"));
    fillIn(QStringLiteral("help@shop.example"), QStringLiteral("wrong"));
    QTest::mouseClick(find<QPushButton>("testButton"), Qt::LeftButton);
    ASSERT_EQ(transports.createdCount(), 2);
    const QPointer<FakeTransport> imap = transports.created(0);
    const QPointer<FakeTransport> smtp = transports.created(1);
    ASSERT_EQ(imap->host(), QStringLiteral("imap.fastmail.com"));
    ASSERT_EQ(smtp->host(), QStringLiteral("smtp.fastmail.com"));
    EXPECT_FALSE(find<QPushButton>("testButton")->isEnabled()) << "one test at a time";
    imap->serverSays("* OK IMAP ready\r\n");
    smtp->serverSays("220 smtp.fastmail.com ESMTP\r\n");

    ASSERT_TRUE(waitUntil([&] {
        if (imap) {
            imapRejectingLogins(imap);
        }
        if (smtp) {
            smtpRejectingAuth(smtp);
        }
        return find<QPushButton>("testButton")->isEnabled();
    })) << qPrintable(result());
    const QString text = result();
    EXPECT_EQ(text.count(QStringLiteral("Wrong user name or password")), 2) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("Username and Password not accepted"))) << qPrintable(text);
    waybill::testing::saveScreenshot(dialog.get(), QStringLiteral("accounts-dialog-wrong-password"));
    EXPECT_TRUE(storage::AccountRepository(workspace.db()).emailAccounts().isEmpty()) << "testing saves nothing";
}

TEST_F(EmailAccountsDialogTest, TestConnectionShowsTheCertificateOfATlsFailureAndAnUnknownHost)
{
    choosePreset(QStringLiteral("fastmail"));
    fillIn(QStringLiteral("help@shop.example"), QStringLiteral("pw"));
    QTest::mouseClick(find<QPushButton>("testButton"), Qt::LeftButton);
    ASSERT_EQ(transports.createdCount(), 2);
    transports.created(0)->serverFails(channels::Transport::Failure::TlsHandshake,
        QStringLiteral("certificate for imap.fastmail.com (subject mitm.example, issued by Evil CA, valid until "
                       "2020-01-01T00:00:00Z) is not trusted: The certificate has expired"));
    transports.created(1)->serverFails(
        channels::Transport::Failure::HostNotFound, QStringLiteral("host smtp.fastmail.com not found"));
    ASSERT_TRUE(waitUntil([&] { return find<QPushButton>("testButton")->isEnabled(); }));
    const QString text = result();
    EXPECT_TRUE(text.contains(QStringLiteral("TLS"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("issued by Evil CA"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("could not be found"))) << qPrintable(text);
    waybill::testing::saveScreenshot(dialog.get(), QStringLiteral("accounts-dialog-tls"));
}

TEST_F(EmailAccountsDialogTest, EditingKeepsTheStoredPasswordAndRemovingForgetsIt)
{
    domain::EmailAccount account;
    account.id = QStringLiteral("email:orders@shop.example");
    account.address = QStringLiteral("orders@shop.example");
    account.name = QStringLiteral("Orders");
    account.imapUrl = QStringLiteral("imaps://mail.shop.example");
    account.smtpUrl = QStringLiteral("smtps://mail.shop.example");
    account.username = account.address;
    storage::AccountRepository(workspace.db()).saveEmailAccount(account, Now);
    credentials.setSecret(account.id, QStringLiteral("kept"));
    dialog = std::make_unique<ui::EmailAccountsDialog>(
        ui::EmailAccountsDialog::Context { workspace.db(), credentials, transports, dialogs, [] { return Now; } });
    dialog->show();

    EXPECT_EQ(find<QLineEdit>("addressEdit")->text(), account.address);
    find<QCheckBox>("enabledCheck")->setChecked(false);
    QSignalSpy changed(dialog.get(), &ui::EmailAccountsDialog::accountsChanged);
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    ASSERT_EQ(changed.count(), 1) << qPrintable(result());
    EXPECT_FALSE(storage::AccountRepository(workspace.db()).emailAccount(account.id)->enabled);
    EXPECT_EQ(credentials.secret(account.id), QStringLiteral("kept"));

    dialogs.confirmAnswer = true;
    QTest::mouseClick(find<QPushButton>("removeButton"), Qt::LeftButton);
    EXPECT_EQ(changed.count(), 2);
    EXPECT_FALSE(storage::AccountRepository(workspace.db()).emailAccount(account.id).has_value());
    EXPECT_TRUE(waitUntil([&] { return credentials.secret(account.id).isEmpty(); }));
}

TEST_F(EmailAccountsDialogTest, AnOAuthAccountTurnedToAnAppPasswordNeedsThePassword)
{
    domain::EmailAccount account;
    account.id = QStringLiteral("email:shop@gmail.com");
    account.address = QStringLiteral("shop@gmail.com");
    account.username = account.address;
    account.imapUrl = QStringLiteral("imaps://imap.gmail.com:993");
    account.smtpUrl = QStringLiteral("smtps://smtp.gmail.com:465");
    account.auth = domain::EmailAccount::Auth::OAuthGmail;
    storage::AccountRepository(workspace.db()).saveEmailAccount(account, Now);
    credentials.setSecret(account.id, QStringLiteral("refresh-granted-1"));
    dialog = std::make_unique<ui::EmailAccountsDialog>(
        ui::EmailAccountsDialog::Context { workspace.db(), credentials, transports, dialogs, [] { return Now; } });
    useAuthorizationServer(false);
    dialog->show();
    ASSERT_TRUE(find<QRadioButton>("oauthRadio")->isChecked());

    find<QRadioButton>("passwordRadio")->setChecked(true);
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    EXPECT_TRUE(result().contains(QStringLiteral("Enter the password"))) << qPrintable(result());
    EXPECT_EQ(storage::AccountRepository(workspace.db()).emailAccount(account.id)->auth,
        domain::EmailAccount::Auth::OAuthGmail);
    EXPECT_EQ(credentials.secret(account.id), QStringLiteral("refresh-granted-1"));

    QSignalSpy changed(dialog.get(), &ui::EmailAccountsDialog::accountsChanged);
    find<QLineEdit>("passwordEdit")->setText(QStringLiteral("app-password"));
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return changed.count() == 1; })) << qPrintable(result());
    EXPECT_EQ(storage::AccountRepository(workspace.db()).emailAccount(account.id)->auth,
        domain::EmailAccount::Auth::Password);
    EXPECT_EQ(credentials.secret(account.id), QStringLiteral("app-password"));
}
