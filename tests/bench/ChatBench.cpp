// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// How `waybillctl serve` holds many concurrent chat visitors on loopback (budget: 500 visitors each sending a
// message a second, p99 delivery under 200 ms, none lost). Opens N WebSockets to the chat gateway as the widget
// does (hello with its own session), then every visitor sends one message a second, spread evenly over the second,
// for the given time. A message is delivered when the gateway acknowledges it, which it does right after the
// transaction that stored it has committed, in the same turn of the engine's event loop that announces the
// conversation to the agents' models. Prints the latency percentiles and checks afterwards, in the workspace, that
// every acknowledged message is stored exactly once. See docs/benchmarks.md for the command that starts `serve`.
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/Workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

namespace {

struct Visitor {
    std::unique_ptr<QWebSocket> socket;
    QString session;
    bool welcomed = false;
    int sent = 0;
    qint64 nextAtMs = 0;
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p / 100.0 * double(values.size())));
    return values[index];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("url"), QStringLiteral("The chat socket."), QStringLiteral("URL"),
            QStringLiteral("ws://127.0.0.1:8090/chat/socket") },
        { QStringLiteral("origin"), QStringLiteral("The page origin the visitors come from (an allowed origin)."),
            QStringLiteral("ORIGIN"), QStringLiteral("https://shop.example") },
        { QStringLiteral("visitors"), QStringLiteral("Concurrent visitors (default 500)."), QStringLiteral("N"),
            QStringLiteral("500") },
        { QStringLiteral("seconds"), QStringLiteral("How long each visitor writes (default 60)."), QStringLiteral("S"),
            QStringLiteral("60") },
        { QStringLiteral("workspace"), QStringLiteral("Check the stored messages in this workspace afterwards."),
            QStringLiteral("DIR") },
    });
    parser.process(app);
    const int count = parser.value(QStringLiteral("visitors")).toInt();
    const int seconds = parser.value(QStringLiteral("seconds")).toInt();
    const QUrl url(parser.value(QStringLiteral("url")));
    if (count <= 0 || seconds <= 0 || !url.isValid()) {
        std::fputs("give --url ws://HOST:PORT/chat/socket, --visitors N and --seconds S\n", stderr);
        return 2;
    }
    const QString run = QString::number(QDateTime::currentMSecsSinceEpoch(), 36);
    QElapsedTimer clock;
    clock.start();
    std::vector<Visitor> visitors(static_cast<size_t>(count));
    QHash<QString, qint64> sentAt; // message id → when it was sent (ns)
    std::vector<double> latenciesMs;
    latenciesMs.reserve(size_t(count) * size_t(seconds));
    int welcomed = 0;
    int acked = 0;
    int refused = 0;
    int closed = 0;
    bool writing = false;
    qint64 startMs = 0;

    for (int i = 0; i < count; ++i) {
        Visitor &visitor = visitors[size_t(i)];
        visitor.session = QStringLiteral("bench-%1-%2").arg(run).arg(i, 5, 10, QLatin1Char('0'));
        visitor.socket = std::make_unique<QWebSocket>(parser.value(QStringLiteral("origin")));
        QWebSocket *socket = visitor.socket.get();
        QObject::connect(socket, &QWebSocket::connected, &app, [socket, &visitor] {
            socket->sendTextMessage(QString::fromUtf8(QJsonDocument(
                QJsonObject { { QStringLiteral("type"), QStringLiteral("hello") },
                    { QStringLiteral("session"),
                        visitor.session } }).toJson(QJsonDocument::Compact)));
        });
        QObject::connect(socket, &QWebSocket::textMessageReceived, &app, [&, i](const QString &text) {
            const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
            const QString type = frame.value(QStringLiteral("type")).toString();
            if (type == QLatin1String("welcome") && !visitors[size_t(i)].welcomed) {
                visitors[size_t(i)].welcomed = true;
                ++welcomed;
            } else if (type == QLatin1String("ack")) {
                const qint64 at = sentAt.take(frame.value(QStringLiteral("id")).toString());
                if (at > 0) {
                    latenciesMs.push_back(double(clock.nsecsElapsed() - at) / 1e6);
                    ++acked;
                }
            } else if (type == QLatin1String("error")) {
                ++refused;
                std::fprintf(stderr, "refused: %s\n", qPrintable(text));
            }
        });
        QObject::connect(socket, &QWebSocket::disconnected, &app, [&] { ++closed; });
        socket->open(url);
    }
    QTimer tick;
    int total = 0;
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.elapsed();
        if (!writing) {
            if (welcomed == count) {
                writing = true;
                startMs = now;
                for (int i = 0; i < count; ++i) {
                    visitors[size_t(i)].nextAtMs = startMs + qint64(i) * 1000 / count; // spread over a second
                }
                std::printf("%d visitors connected in %.2f s\n", count, double(now) / 1000.0);
            } else if (now > 60000) {
                std::fprintf(stderr, "only %d of %d visitors were welcomed within 60 s\n", welcomed, count);
                QCoreApplication::exit(1);
            }
            return;
        }
        bool more = false;
        for (Visitor &visitor : visitors) {
            if (visitor.sent < seconds) {
                more = true;
                if (now >= visitor.nextAtMs) {
                    const QString id = visitor.session + QStringLiteral("-m%1").arg(visitor.sent);
                    visitor.socket->sendTextMessage(QString::fromUtf8(QJsonDocument(
                        QJsonObject { { QStringLiteral("type"), QStringLiteral("message") },
                            { QStringLiteral("id"), id },
                            { QStringLiteral("text"),
                                QStringLiteral("Where is my order #%1? It was due yesterday.")
                                    .arg(5000 + visitor.sent) } }).toJson(QJsonDocument::Compact)));
                    sentAt.insert(id, clock.nsecsElapsed());
                    ++visitor.sent;
                    ++total;
                    visitor.nextAtMs += 1000;
                }
            }
        }
        if (!more && (sentAt.isEmpty() || now - startMs > (seconds + 10) * 1000)) {
            QCoreApplication::quit();
        }
    });
    tick.start(2);
    const int status = QCoreApplication::exec();
    if (status != 0) {
        return status;
    }
    const double elapsed = double(clock.elapsed() - startMs) / 1000.0;
    std::printf("%d messages from %d visitors in %.1f s (%.0f/s); acknowledged %d, refused %d, lost %lld, sockets "
                "closed %d\n",
        total, count, elapsed, total / elapsed, acked, refused, static_cast<long long>(sentAt.size()), closed);
    std::printf("delivery latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f (budget p99 < 200)\n",
        percentile(latenciesMs, 50), percentile(latenciesMs, 90), percentile(latenciesMs, 99),
        percentile(latenciesMs, 100));
    std::printf("client CPU time: %.2f s\n", double(std::clock()) / CLOCKS_PER_SEC);
    for (Visitor &visitor : visitors) {
        visitor.socket->abort();
    }
    bool ok = acked == total && percentile(latenciesMs, 99) < 200.0;
    if (parser.isSet(QStringLiteral("workspace"))) {
        const auto database = waybill::storage::Workspace(parser.value(QStringLiteral("workspace")))
                                  .openDatabase(QStringLiteral("bench"));
        waybill::storage::SqlQuery q(*database,
            QStringLiteral("SELECT count(*), count(DISTINCT external_id) FROM messages WHERE external_id LIKE ?"));
        q.bind(QString(QStringLiteral("%|bench-") + run + u'%')).exec();
        const qint64 stored = q.next() ? q.int64(0) : 0;
        const qint64 distinct = q.int64(1);
        std::printf("stored: %lld (%lld distinct) of %d acknowledged\n", static_cast<long long>(stored),
            static_cast<long long>(distinct), acked);
        ok = ok && stored == acked && distinct == stored;
    }
    return ok ? 0 : 1;
}
