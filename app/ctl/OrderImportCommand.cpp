// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderImportCommand.h"

#include "TerminalProgress.h"
#include "commerce/DeliveryEstimator.h"
#include "commerce/OrderColumnMapping.h"
#include "commerce/OrderImporter.h"
#include "engine/OrderRelinker.h"
#include "storage/Database.h"
#include "storage/Workspace.h"

#include <QDateTime>
#include <QFileInfo>

namespace waybill::ctl {

namespace {

QString counted(qint64 n, const char *one, const char *many)
{
    return QString::number(n) + u' ' + QString::fromLatin1(n == 1 ? one : many);
}

} // namespace

QString OrderImportCommand::name() const
{
    return QStringLiteral("import orders");
}

QString OrderImportCommand::summary() const
{
    return QStringLiteral("Import orders from a Shopify, Amazon or eBay export, or any CSV with --map.");
}

void OrderImportCommand::configure(QCommandLineParser &parser) const
{
    parser.addOption({ QStringLiteral("csv"), QStringLiteral("import orders: the CSV (or tab-separated) file."),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("preset"),
        QStringLiteral("import orders: the export's format: shopify, amazon or ebay (without it, --map names "
                       "every column)."),
        QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("map"),
        QStringLiteral("import orders: the column for a field, e.g. --map number=\"Order ID\" (fields: number, "
                       "placed_at, status, email, name, currency, subtotal, shipping, tax, total, sku, title, "
                       "quantity, price, line_total, tracking, carrier, service); repeat for more."),
        QStringLiteral("field=Column") });
    parser.addOption({ QStringLiteral("source"),
        QStringLiteral("import orders: the orders' source (default: the preset's name, or csv)."),
        QStringLiteral("NAME") });
}

int OrderImportCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    const QString prefix = QStringLiteral("waybillctl import orders: ");
    const QString csv = parser.value(QStringLiteral("csv"));
    if (csv.isEmpty()) {
        err << prefix << "say which file to import with --csv FILE" << Qt::endl;
        return 2;
    }
    commerce::OrderColumnMapping mapping;
    if (parser.isSet(QStringLiteral("preset"))) {
        const QString name = parser.value(QStringLiteral("preset"));
        const auto preset = commerce::OrderColumnMapping::preset(name);
        if (!preset) {
            err << prefix << "unknown preset '" << name
                << "' (presets: " << commerce::OrderColumnMapping::presetNames().join(QStringLiteral(", ")) << ')'
                << Qt::endl;
            return 2;
        }
        mapping = *preset;
    } else if (!parser.isSet(QStringLiteral("map"))) {
        err << prefix << "say what the file is with --preset shopify|amazon|ebay, or name its columns with "
            << "--map field=Column" << Qt::endl;
        return 2;
    }
    for (const QString &assignment : parser.values(QStringLiteral("map"))) {
        if (const QString error = mapping.applyAssignment(assignment); !error.isEmpty()) {
            err << prefix << "--map " << error << Qt::endl;
            return 2;
        }
    }
    if (parser.isSet(QStringLiteral("source"))) {
        mapping.setSource(parser.value(QStringLiteral("source")).trimmed());
    }
    const QString path = QFileInfo(csv).absoluteFilePath();
    if (!QFileInfo(path).isFile()) {
        err << prefix << "there is no file " << path << Qt::endl;
        return 1;
    }
    const storage::Workspace workspace = CtlCommand::workspace(parser);
    const auto database = workspace.openDatabase(QStringLiteral("ctl"));
    commerce::OrderImporter importer(*database, [] { return QDateTime::currentSecsSinceEpoch(); });
    TerminalProgress progress(err);
    const auto stats = importer.importFile(path, mapping, [&](qint64 done, qint64 total) {
        progress.update(done, total);
        return true;
    });
    progress.finish();
    out << "Imported " << counted(stats.orders(), "order", "orders") << " (" << mapping.source() << ") from " << path
        << (stats.resumed ? " (resumed)" : "") << ": " << stats.created << " new, " << stats.updated << " updated, "
        << counted(stats.customersCreated, "new customer", "new customers") << ", "
        << counted(stats.shipments, "shipment", "shipments") << "; " << counted(stats.rows, "row", "rows") << " read, "
        << stats.badRows << " left out" << (stats.stopped ? " (stopped; run it again to finish)" : "") << Qt::endl;
    for (qsizetype i = 0; i < stats.problems.size() && i < ListedProblems; ++i) {
        out << "line " << stats.problems.at(i).line << ": " << stats.problems.at(i).reason << Qt::endl;
    }
    if (stats.badRows > ListedProblems) {
        out << "… and " << stats.badRows - ListedProblems << " more rows left out" << Qt::endl;
    }
    if (stats.orders() > 0) {
        // Mail that came before its order finds it now.
        const auto relinked = engine::OrderRelinker(
            *database, [] { return QDateTime::currentSecsSinceEpoch(); }, engine::OrderRelinker::Scope::Unlinked)
                                  .run();
        out << "Linked " << counted(relinked.linked + relinked.moved, "conversation", "conversations") << " to orders."
            << Qt::endl;
        commerce::DeliveryEstimator::refresh(*database); // expected and late dates for the new shipments
    }
    return 0;
}

} // namespace waybill::ctl
