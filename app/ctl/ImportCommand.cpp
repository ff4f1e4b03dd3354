// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportCommand.h"

#include "OrderImportCommand.h"
#include "TerminalProgress.h"
#include "channels/email/MailArchiveReader.h"
#include "engine/Ingest.h"
#include "engine/MailImporter.h"
#include "engine/SlaClock.h"
#include "storage/AttachmentStore.h"
#include "storage/Database.h"
#include "storage/Workspace.h"

#include <QDateTime>
#include <QFileInfo>

namespace waybill::ctl {

QString ImportCommand::name() const
{
    return QStringLiteral("import");
}

QString ImportCommand::summary() const
{
    return QStringLiteral("Import mail (import mbox|maildir|eml PATH) or orders (import orders --csv FILE "
                          "--preset shopify|amazon|ebay).");
}

void ImportCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("format"), QStringLiteral("mbox, maildir, eml or orders."));
    parser.addPositionalArgument(QStringLiteral("path"), QStringLiteral("The archive: a file or a folder."));
    parser.addOption({ QStringLiteral("account"),
        QStringLiteral("The account the mail is filed under (default email:import)."), QStringLiteral("NAME") });
    OrderImportCommand().configure(parser);
}

int ImportCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    const QStringList args = parser.positionalArguments();
    if (args.value(0) == QLatin1String("orders")) {
        if (args.size() != 1) {
            err << "waybillctl import orders: the file goes after --csv, e.g. waybillctl import orders --csv "
                   "orders.csv --preset shopify"
                << Qt::endl;
            return 2;
        }
        return OrderImportCommand().run(parser, out, err);
    }
    const auto format = channels::email::MailArchiveReader::formatFromName(args.value(0));
    if (args.size() != 2 || !format) {
        err << "waybillctl import: say what to import, e.g. waybillctl import mbox ~/archive.mbox "
               "(formats: mbox, maildir, eml), or orders: waybillctl import orders --csv FILE --preset shopify"
            << Qt::endl;
        return 2;
    }
    const QString path = QFileInfo(args.at(1)).absoluteFilePath();
    channels::email::MailArchiveReader reader(*format, path);
    if (!reader.error().isEmpty()) {
        err << "waybillctl import: " << reader.error() << Qt::endl;
        return 1;
    }
    const storage::Workspace workspace = CtlCommand::workspace(parser);
    const auto database = workspace.openDatabase(QStringLiteral("ctl"));
    const storage::AttachmentStore attachments(workspace.attachmentsDirectory());
    const engine::SlaClock sla;
    engine::Ingest ingest(*database, attachments, sla, [] { return QDateTime::currentSecsSinceEpoch(); });
    const QString account = parser.isSet(QStringLiteral("account")) ? parser.value(QStringLiteral("account"))
                                                                    : QStringLiteral("email:import");
    engine::MailImporter importer(*database, ingest, reader, args.at(0) + u':' + path, account);
    TerminalProgress progress(err);
    const auto stats = importer.run([&](qint64 done, qint64 total) {
        progress.update(done, total);
        return true;
    });
    progress.finish();
    out << "Imported " << stats.stored << " messages from " << path << (stats.resumed ? " (resumed)" : "") << ": "
        << stats.duplicates << " already there, " << stats.quarantined << " quarantined, " << stats.bounces
        << " delivery reports" << Qt::endl;
    return 0;
}

} // namespace waybill::ctl
