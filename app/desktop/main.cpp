// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app: opens a workspace on the UI thread's connection and shows the agent's window.
#include "demo/DemoGenerator.h"
#include "engine/Engine.h"
#include "engine/EngineThread.h"
#include "security/KeychainCredentialStore.h"
#include "settings/Settings.h"
#include "storage/AgentRepository.h"
#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/Workspace.h"
#include "ui/MainWindow.h"
#include "ui/MessageBoxDialogService.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QMessageBox>

#include <cstdio>

using namespace waybill;

namespace {

qint64 resolveAgent(const storage::Database &database, const QString &email)
{
    const storage::AgentRepository agents(database);
    if (const auto agent = agents.findByEmail(email)) {
        return agent->id;
    }
    const QList<domain::Agent> all = agents.agents();
    return all.isEmpty() ? 0 : all.constFirst().id;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Waybill"));
    QApplication::setApplicationName(QStringLiteral("Waybill"));
    QApplication::setApplicationDisplayName(QStringLiteral("Waybill"));
    QApplication::setApplicationVersion(QStringLiteral(WAYBILL_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Helpdesk for online sellers."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOption(QStringLiteral("workspace"),
        QApplication::translate("main", "Open the workspace in <dir>."), QStringLiteral("dir"),
        storage::Workspace::defaultDirectory());
    const QCommandLineOption agentOption(QStringLiteral("agent"),
        QApplication::translate("main", "Work as the agent with this e-mail address."), QStringLiteral("email"),
        demo::DemoGenerator::defaultAgentEmail());
    const QCommandLineOption settingsOption(QStringLiteral("settings"),
        QApplication::translate("main", "Keep settings in this INI <file>."), QStringLiteral("file"));
    const QCommandLineOption selectFirstOption(
        QStringLiteral("select-first"), QApplication::translate("main", "Open the first conversation on start."));
    parser.addOptions({ workspaceOption, agentOption, settingsOption, selectFirstOption });
    parser.process(application);
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "waybill: unexpected argument '%s' (see --help)\n",
            qPrintable(parser.positionalArguments().constFirst()));
        return 2;
    }

    ui::Theme::apply(application);
    try {
        const storage::Workspace workspace(parser.value(workspaceOption));
        const std::unique_ptr<storage::Database> database = workspace.openDatabase(QStringLiteral("ui"));
        const qint64 agentId = resolveAgent(*database, parser.value(agentOption));
        const std::unique_ptr<settings::Settings> settings = parser.isSet(settingsOption)
            ? settings::Settings::fromIniFile(parser.value(settingsOption))
            : settings::Settings::forCurrentUser();
        ui::MessageBoxDialogService dialogs;

        ui::MainWindow window({ *database, *settings, dialogs, agentId,
            [] { return QDateTime::currentSecsSinceEpoch(); }, domain::SlaPolicy {} });
        // The channel engine runs on its own thread with its own write connection; the window hears about
        // its changes through queued signals and tells it about new replies and changed accounts.
        engine::EngineThread engineThread(workspace.directory(), std::make_unique<security::KeychainCredentialStore>());
        engine::Engine *engine = engineThread.engine();
        engine->setChatAgent(agentId); // before start(): its availability for live chat is kept in the workspace
        QObject::connect(engine, &engine::Engine::conversationsChanged, &window, &ui::MainWindow::refreshConversations);
        QObject::connect(engine, &engine::Engine::accountStatus, &window, &ui::MainWindow::showAccountStatus);
        QObject::connect(engine, &engine::Engine::startFailed, &window, [&window](const QString &message) {
            window.showAccountStatus(QString(), QStringLiteral("failed"), message);
        });
        QObject::connect(&window, &ui::MainWindow::emailAccountsChanged, engine, &engine::Engine::reloadAccounts);
        QObject::connect(&window, &ui::MainWindow::replyQueued, engine, &engine::Engine::pokeOutbox);
        QObject::connect(&window, &ui::MainWindow::agentTyping, engine, &engine::Engine::setAgentTyping);
        QObject::connect(&window, &ui::MainWindow::chatAvailabilityChanged, engine, &engine::Engine::setAgentsOnline);
        QObject::connect(&window, &ui::MainWindow::conversationRead, engine, &engine::Engine::markSeen);
        QObject::connect(&window, &ui::MainWindow::rulesChanged, engine, &engine::Engine::runRules);
        QObject::connect(&window, &ui::MainWindow::orderActionRequested, engine, &engine::Engine::requestOrderAction);
        QObject::connect(engine, &engine::Engine::orderActionEnded, &window, &ui::MainWindow::showOrderActionResult);
        QObject::connect(&window, &ui::MainWindow::shipmentRefreshRequested, engine, &engine::Engine::refreshShipment);
        QObject::connect(
            engine, &engine::Engine::shipmentRefreshEnded, &window, &ui::MainWindow::showShipmentRefreshResult);
        QObject::connect(
            &window, &ui::MainWindow::amazonMessageTypesRequested, engine, &engine::Engine::listAmazonMessageTypes);
        QObject::connect(
            engine, &engine::Engine::amazonMessageTypesListed, &window, &ui::MainWindow::showAmazonMessageTypes);
        QObject::connect(engine, &engine::Engine::visitorTyping, &window, &ui::MainWindow::showVisitorTyping);
        engineThread.start();
        window.show();
        if (parser.isSet(selectFirstOption)) {
            window.selectFirstConversation();
        }
        return QApplication::exec();
    } catch (const storage::StorageError &error) {
        std::fprintf(stderr, "waybill: %s\n", error.what());
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "Waybill cannot open the workspace"), error.userMessage());
        return 1;
    }
}
