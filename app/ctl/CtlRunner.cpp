// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CtlRunner.h"

#include "AccountCommand.h"
#include "AgentCommand.h"
#include "AmazonCommand.h"
#include "BenchCommand.h"
#include "DemoCommand.h"
#include "ImportCommand.h"
#include "RelinkCommand.h"
#include "RulesCommand.h"
#include "SearchCommand.h"
#include "ServeCommand.h"
#include "ShowCommand.h"
#include "StatsCommand.h"
#include "SyncCommand.h"
#include "TrackingCommand.h"
#include "storage/StorageError.h"

#include <QCoreApplication>

namespace waybill::ctl {

CtlRunner::CtlRunner()
{
    m_commands.push_back(std::make_unique<AccountCommand>());
    m_commands.push_back(std::make_unique<AgentCommand>());
    m_commands.push_back(std::make_unique<AmazonCommand>());
    m_commands.push_back(std::make_unique<DemoCommand>());
    m_commands.push_back(std::make_unique<StatsCommand>());
    m_commands.push_back(std::make_unique<ImportCommand>());
    m_commands.push_back(std::make_unique<RelinkCommand>());
    m_commands.push_back(std::make_unique<RulesCommand>());
    m_commands.push_back(std::make_unique<SearchCommand>());
    m_commands.push_back(std::make_unique<ShowCommand>());
    m_commands.push_back(std::make_unique<SyncCommand>());
    m_commands.push_back(std::make_unique<ServeCommand>());
    m_commands.push_back(std::make_unique<TrackingCommand>());
    m_commands.push_back(std::make_unique<BenchCommand>());
}

CtlRunner::~CtlRunner() = default;

QString CtlRunner::usage() const
{
    QString text = QStringLiteral("Usage: waybillctl [--workspace DIR] COMMAND [options]\n\n"
                                  "Waybill's headless tool: build, inspect, search and measure a workspace.\n\n"
                                  "Commands:\n");
    for (const auto &command : m_commands) {
        text += QStringLiteral("  %1  %2\n").arg(command->name(), -8).arg(command->summary());
    }
    text += QStringLiteral("\nOptions:\n  --workspace DIR  the workspace folder (default: %1)\n"
                           "  --help           this text, or a command's options with COMMAND --help\n"
                           "  --version        the version\n")
                .arg(QStringLiteral("the application data folder"));
    return text;
}

int CtlRunner::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = arguments.mid(1);
    // --workspace may come before the command; move it after so each command's parser sees it.
    QStringList global;
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString option = args.takeFirst();
        if (option == QLatin1String("--help") || option == QLatin1String("-h")) {
            out << usage();
            return 0;
        }
        if (option == QLatin1String("--version")) {
            out << "waybillctl " << QCoreApplication::applicationVersion() << Qt::endl;
            return 0;
        }
        if (option == QLatin1String("--workspace") && !args.isEmpty()) {
            global << option << args.takeFirst();
        } else if (option.startsWith(QLatin1String("--workspace="))) {
            global << option;
        } else {
            err << "waybillctl: unknown option " << option << " (see waybillctl --help)" << Qt::endl;
            return 2;
        }
    }
    if (args.isEmpty()) {
        err << "waybillctl: no command given (see waybillctl --help)" << Qt::endl;
        return 2;
    }
    const QString name = args.takeFirst();
    for (const auto &command : m_commands) {
        if (command->name() != name) {
            continue;
        }
        QCommandLineParser parser;
        parser.setApplicationDescription(command->summary());
        parser.addOption(
            { QStringLiteral("workspace"), QStringLiteral("The workspace folder."), QStringLiteral("DIR") });
        parser.addHelpOption();
        command->configure(parser);
        if (!parser.parse(QStringList { QStringLiteral("waybillctl ") + name } + global + args)) {
            err << "waybillctl " << name << ": " << parser.errorText() << Qt::endl;
            return 2;
        }
        if (parser.isSet(QStringLiteral("help"))) {
            out << parser.helpText();
            return 0;
        }
        try {
            return command->run(parser, out, err);
        } catch (const storage::StorageError &error) {
            err << "waybillctl " << name << ": " << error.userMessage()
                << (error.detail().isEmpty() ? QString() : QStringLiteral(" [") + error.detail() + u']') << Qt::endl;
            return 1;
        }
    }
    err << "waybillctl: unknown command '" << name << "' (see waybillctl --help)" << Qt::endl;
    return 2;
}

} // namespace waybill::ctl
