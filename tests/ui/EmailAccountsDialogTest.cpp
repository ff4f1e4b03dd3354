// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The e-mail accounts dialog: presets fill the servers and say what to do first, the password goes to the
// keychain and never to the database, and "Test connection" names the problem a scripted server reports.
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
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>
#include <memory>

using namespace waybill;
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
    std::unique_ptr<ui::EmailAccountsDialog> dialog;
};

} // namespace

TEST_F(EmailAccountsDialogTest, PresetFillsTheServersAndSaysWhatToDoFirst)
{
    choosePreset(QStringLiteral("fastmail"));
    EXPECT_EQ(find<QLineEdit>("imapEdit")->text(), QStringLiteral("imaps://imap.fastmail.com:993"));
    EXPECT_EQ(find<QLineEdit>("smtpEdit")->text(), QStringLiteral("smtps://smtp.fastmail.com:465"));
    EXPECT_TRUE(find<QLabel>("noteLabel")->text().contains(QStringLiteral("app password")));

    choosePreset(QStringLiteral("gmail"));
    EXPECT_EQ(find<QLineEdit>("imapEdit")->text(), QStringLiteral("imaps://imap.gmail.com:993"));
    const QString note = find<QLabel>("noteLabel")->text();
    EXPECT_TRUE(note.contains(QStringLiteral("not available in this version"))) << qPrintable(note);
    EXPECT_TRUE(note.contains(QStringLiteral("app password"))) << qPrintable(note);
    waybill::testing::saveScreenshot(dialog.get(), QStringLiteral("accounts-dialog-gmail"));
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
