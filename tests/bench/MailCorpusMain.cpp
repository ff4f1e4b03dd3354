// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// waybill_mail_corpus --maildir DIR --messages N [--seed S]: writes the synthetic support corpus of
// MailCorpusGenerator, for `scripts/bench-import`.
#include "MailCorpusGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes a synthetic support mailbox as a Maildir."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("maildir"), QStringLiteral("The Maildir to create."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("messages"), QStringLiteral("How many messages (default 100000)."),
        QStringLiteral("N"), QStringLiteral("100000") });
    parser.addOption({ QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("S"),
        QStringLiteral("1") });
    parser.process(app);
    QTextStream err(stderr);
    if (!parser.isSet(QStringLiteral("maildir"))) {
        err << "waybill_mail_corpus: say where, e.g. --maildir /tmp/corpus" << Qt::endl;
        return 2;
    }
    const int count = parser.value(QStringLiteral("messages")).toInt();
    waybill::bench::MailCorpusGenerator generator(parser.value(QStringLiteral("seed")).toULongLong());
    waybill::bench::MailCorpusGenerator::Stats stats;
    QElapsedTimer timer;
    timer.start();
    if (!generator.writeMaildir(parser.value(QStringLiteral("maildir")), count, &stats)) {
        return 1;
    }
    QTextStream(stdout) << "Wrote " << stats.messages << " messages, " << stats.bytes << " bytes, in "
                        << timer.elapsed() << " ms" << Qt::endl;
    return 0;
}
