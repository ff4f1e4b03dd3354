// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RelinkCommand.h"

#include "TerminalProgress.h"
#include "engine/OrderRelinker.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace waybill::ctl {

QString RelinkCommand::name() const
{
    return QStringLiteral("relink");
}

QString RelinkCommand::summary() const
{
    return QStringLiteral("Link conversations to orders again (after importing or syncing orders).");
}

void RelinkCommand::configure(QCommandLineParser &parser) const
{
    Q_UNUSED(parser)
}

int RelinkCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    const auto database = openExisting(parser);
    QElapsedTimer timer;
    timer.start();
    TerminalProgress progress(err);
    const auto stats = engine::OrderRelinker(*database, [] {
        return QDateTime::currentSecsSinceEpoch();
    }).run([&](qint64 done, qint64 total) {
        progress.update(done, total);
        return true;
    });
    progress.finish();
    out << "Looked at " << stats.conversations << " conversations in " << timer.elapsed() << " ms: " << stats.linked
        << " linked, " << stats.moved << " moved to another order, " << stats.keptByAgent
        << " kept as an agent linked them." << Qt::endl;
    return 0;
}

} // namespace waybill::ctl
