// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// waybill_order_csv --csv FILE [--orders N] [--seed S]: writes the synthetic Shopify order export of
// OrderCsvGenerator, for timing `waybillctl import orders`.
#include "OrderCsvGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes a synthetic Shopify order export."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("csv"), QStringLiteral("The file to write."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("orders"), QStringLiteral("How many orders (default 100000)."),
        QStringLiteral("N"), QStringLiteral("100000") });
    parser.addOption({ QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("S"),
        QStringLiteral("1") });
    parser.process(app);
    QTextStream err(stderr);
    if (!parser.isSet(QStringLiteral("csv"))) {
        err << "waybill_order_csv: say where, e.g. --csv /tmp/orders.csv" << Qt::endl;
        return 2;
    }
    waybill::bench::OrderCsvGenerator generator(parser.value(QStringLiteral("seed")).toULongLong());
    waybill::bench::OrderCsvGenerator::Stats stats;
    QElapsedTimer timer;
    timer.start();
    if (!generator.writeShopify(
            parser.value(QStringLiteral("csv")), parser.value(QStringLiteral("orders")).toInt(), &stats)) {
        return 1;
    }
    QTextStream(stdout) << "Wrote " << stats.orders << " orders in " << stats.rows << " rows, " << stats.bytes
                        << " bytes, in " << timer.elapsed() << " ms" << Qt::endl;
    return 0;
}
