// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop as it runs: the engine on its own thread syncing a real dovecot over IMAP IDLE, the main window on
// the UI thread. A message delivered to the mailbox appears in the inbox model within 2 seconds.
#include "DovecotServer.h"
#include "FakeCredentialStore.h"
#include "FakeDialogService.h"
#include "TestWorkspace.h"
#include "engine/Engine.h"
#include "engine/EngineThread.h"
#include "models/ConversationListModel.h"
#include "settings/Settings.h"
#include "storage/AccountRepository.h"
#include "ui/MainWindow.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace waybill;
using waybill::testing::DovecotServer;
using waybill::testing::waitUntil;

namespace {

bool listShows(models::ConversationListModel &model, const QString &text)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(Qt::DisplayRole).toString().contains(text)
            || model.summaryAt(row).subject.contains(text)) {
            return true;
        }
    }
    return false;
}

TEST(LiveInboxDovecotTest, MailPushedThroughIdleAppearsInTheInboxWithinTwoSeconds)
{
    if (DovecotServer::dovecotBinary().isEmpty()) {
        GTEST_SKIP() << "dovecot is not installed (scripts/install-deps test)";
    }
    DovecotServer server;
    ASSERT_TRUE(server.start()) << server.errorString().toStdString();
    waybill::testing::TestWorkspace workspace(waybill::testing::TestWorkspace::Kind::OnDisk);
    domain::EmailAccount account;
    account.id = QStringLiteral("email:agent@example.com");
    account.name = QStringLiteral("Support");
    account.address = QStringLiteral("agent@example.com");
    account.imapUrl = QStringLiteral("imap+plain://127.0.0.1:") + QString::number(server.port());
    account.smtpUrl = QStringLiteral("smtp+plain://127.0.0.1:9");
    account.username = DovecotServer::userName();
    account.saveToSent = false;
    storage::AccountRepository(workspace.db()).saveEmailAccount(account, QDateTime::currentSecsSinceEpoch());

    QTemporaryDir settingsDir;
    const auto settings = settings::Settings::fromIniFile(settingsDir.filePath(QStringLiteral("settings.ini")));
    settings->set(settings::Settings::Key::LastView, QStringLiteral("open"));
    waybill::testing::FakeDialogService dialogs;
    waybill::testing::FakeCredentialStore windowCredentials;
    ui::MainWindow window({ workspace.db(), *settings, dialogs, 0, [] { return QDateTime::currentSecsSinceEpoch(); },
        {}, &windowCredentials, nullptr, {} });
    window.show();

    auto credentials = std::make_unique<waybill::testing::FakeCredentialStore>();
    credentials->setSecret(account.id, DovecotServer::password());
    engine::EngineThread engineThread(workspace.directory(), std::move(credentials));
    QObject::connect(
        engineThread.engine(), &engine::Engine::conversationsChanged, &window, &ui::MainWindow::refreshConversations);
    QSignalSpy status(engineThread.engine(), &engine::Engine::accountStatus);
    engineThread.start();
    ASSERT_TRUE(waitUntil(
        [&] {
            for (const auto &args : status) {
                if (args.at(1).toString() == QLatin1String("connected")) {
                    return true;
                }
            }
            return false;
        },
        15000))
        << server.log().toStdString();

    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(server.deliver(QStringLiteral("INBOX"),
        "From: Kenta Suzuki <kenta@example.jp>\r\nTo: agent@example.com\r\n"
        "Subject: Parcel stuck in Osaka\r\nMessage-ID: <live-1@example.jp>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nNo scan since Monday.\r\n"));
    ASSERT_TRUE(
        waitUntil([&] { return listShows(*window.listModel(), QStringLiteral("Parcel stuck in Osaka")); }, 2000))
        << "not in the inbox after " << clock.elapsed() << " ms";
    std::printf("delivered to visible in the inbox model: %lld ms\n", static_cast<long long>(clock.elapsed()));
}

} // namespace
