// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Initial IMAP sync against a local dovecot: `waybill_imap_sync_bench [messages]` (default 10,000) fills a
// dovecot mailbox with the generated support corpus, then times EmailInbound from connect until every message
// is parsed, threaded, linked, stored and indexed, sampling resident memory as it goes.
#include "DovecotServer.h"
#include "MailCorpusGenerator.h"
#include "ProcessMemory.h"
#include "channels/SslTransportFactory.h"
#include "engine/EmailInbound.h"
#include "engine/Ingest.h"
#include "engine/SlaClock.h"
#include "storage/AttachmentStore.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace waybill;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    if (testing::DovecotServer::dovecotBinary().isEmpty()) {
        std::fprintf(stderr, "waybill_imap_sync_bench: dovecot is not installed\n");
        return 2;
    }
    testing::DovecotServer server;
    if (!server.start()) {
        std::fprintf(stderr, "waybill_imap_sync_bench: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    // Write the corpus straight into the mailbox's Maildir (new/), as a delivery agent would.
    QTemporaryDir corpus;
    bench::MailCorpusGenerator::Stats stats {};
    bench::MailCorpusGenerator(1).writeMaildir(corpus.path(), count, &stats);
    const QString inbox = server.maildir(QStringLiteral("INBOX"));
    qint64 bytes = 0;
    for (const QString &sub : { QStringLiteral("cur"), QStringLiteral("new") }) {
        const QDir dir(corpus.path() + u'/' + sub);
        for (const QString &name : dir.entryList(QDir::Files)) {
            bytes += QFileInfo(dir.filePath(name)).size();
            QFile::rename(dir.filePath(name), inbox + QStringLiteral("/new/") + name);
        }
    }
    server.maildir(QStringLiteral("INBOX")); // hands the new files to dovecot's user

    QTemporaryDir workspaceDir;
    const storage::Workspace workspace(workspaceDir.path());
    const auto database = workspace.openDatabase(QStringLiteral("bench"));
    const storage::AttachmentStore attachments(workspace.attachmentsDirectory());
    const engine::SlaClock sla;
    engine::Ingest ingest(*database, attachments, sla, [] { return QDateTime::currentSecsSinceEpoch(); });
    channels::SslTransportFactory transports;
    domain::EmailAccount account;
    account.id = QStringLiteral("email:agent@example.com");
    account.name = QStringLiteral("Support");
    account.imapUrl = QStringLiteral("imap+plain://127.0.0.1:") + QString::number(server.port());
    account.username = testing::DovecotServer::userName();
    engine::EmailInbound inbound(*database, ingest, transports, account, testing::DovecotServer::password());

    double peak = bench::residentMegabytes();
    const double atStart = peak;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &app, [&] { peak = std::max(peak, bench::residentMegabytes()); });
    sampler.start(100);
    QElapsedTimer clock;
    QObject::connect(&inbound, &engine::EmailInbound::synced, &app, [&] { QCoreApplication::quit(); });
    QObject::connect(&inbound, &engine::EmailInbound::failed, &app, [&](const QString &message) {
        std::fprintf(stderr, "waybill_imap_sync_bench: %s\n", qPrintable(message));
        QCoreApplication::exit(1);
    });
    clock.start();
    inbound.start();
    const int rc = QCoreApplication::exec();
    const double seconds = double(clock.elapsed()) / 1000.0;
    storage::SqlQuery stored(*database, QStringLiteral("SELECT count(*) FROM messages"));
    stored.exec();
    const qint64 messages = stored.next() ? stored.int64(0) : 0;
    std::printf("initial IMAP sync: %lld of %d messages (%.1f MB) in %.1f s, %.0f messages/s\n",
        static_cast<long long>(messages), count, double(bytes) / 1048576.0, seconds, double(messages) / seconds);
    std::printf("resident memory: %.1f MB at start, %.1f MB peak during the sync\n", atStart, peak);
    inbound.stop();
    return rc;
}
