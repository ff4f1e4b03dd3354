// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoCommand.h"

#include "TerminalProgress.h"
#include "demo/DemoGenerator.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/Workspace.h"

#include <QElapsedTimer>

namespace waybill::ctl {

namespace {

bool hasConversations(const storage::Database &database)
{
    // Scoped so that the statement is finished before the bulk load: an open reader would pin the WAL.
    storage::SqlQuery existing(database, QStringLiteral("SELECT count(*) FROM conversations"));
    existing.exec();
    return existing.next() && existing.int64(0) > 0;
}

} // namespace

QString DemoCommand::name() const
{
    return QStringLiteral("demo");
}

QString DemoCommand::summary() const
{
    return QStringLiteral("Fill an empty workspace with a realistic, deterministic demo dataset.");
}

void DemoCommand::configure(QCommandLineParser &parser) const
{
    parser.addOption({ QStringLiteral("conversations"), QStringLiteral("How many conversations (default 2000)."),
        QStringLiteral("N") });
    parser.addOption({ QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("S") });
    parser.addOption({ QStringLiteral("now"), QStringLiteral("The demo's current time, epoch seconds (default: now)."),
        QStringLiteral("EPOCH") });
}

int DemoCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    const int conversations = positiveInt(parser, QStringLiteral("conversations"), 2000, err);
    const int seed = positiveInt(parser, QStringLiteral("seed"), 1, err);
    if (conversations < 0 || seed < 0) {
        return 2;
    }
    const storage::Workspace workspace = CtlCommand::workspace(parser);
    const auto database = workspace.openDatabase(QStringLiteral("ctl"));
    if (hasConversations(*database)) {
        err << "waybillctl demo: the workspace " << workspace.directory()
            << " already holds conversations; choose an empty folder." << Qt::endl;
        return 1;
    }
    demo::DemoGenerator::Options options;
    options.conversations = conversations;
    options.seed = quint64(seed);
    options.now = parser.value(QStringLiteral("now")).toLongLong();
    options.attachmentsDirectory = workspace.attachmentsDirectory();
    QElapsedTimer timer;
    timer.start();
    TerminalProgress progress(err);
    demo::DemoGenerator(*database, options).run([&](int done, int total) {
        progress.update(done, total);
        return true;
    });
    progress.finish();
    out << "Created " << conversations << " conversations in " << workspace.directory() << " in "
        << QString::number(double(timer.elapsed()) / 1000.0, 'f', 1) << " s" << Qt::endl;
    return 0;
}

} // namespace waybill::ctl
