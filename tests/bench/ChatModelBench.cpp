// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Live chat delivery to the agent's inbox model in the desktop's embedded mode: the engine runs on its own thread
// (EngineThread) and hosts the chat gateway, the conversation list model (the "Live chat" view) lives on the main
// thread and refreshes from the engine's change notices, exactly as in the desktop; N visitors on a third thread
// each send a message a second over WebSocket. A message is delivered when the model has shown its conversation
// after the message was sent (the visitor's name identifies the row). Prints the latency percentiles and how many
// messages never reached the model. See docs/benchmarks.md.
//   waybill_chat_model_bench [--visitors 500] [--seconds 60]
#include "demo/DemoGenerator.h"
#include "engine/Engine.h"
#include "engine/EngineThread.h"
#include "engine/SlaClock.h"
#include "models/ConversationListModel.h"
#include "security/KeychainCredentialStore.h"
#include "storage/AccountRepository.h"
#include "storage/Database.h"
#include "storage/Workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <deque>
#include <memory>
#include <vector>

using namespace waybill;

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p / 100.0 * double(values.size())))];
}

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("visitors"), QStringLiteral("Concurrent visitors (default 500)."), QStringLiteral("N"),
            QStringLiteral("500") },
        { QStringLiteral("seconds"), QStringLiteral("How long each visitor writes (default 60)."), QStringLiteral("S"),
            QStringLiteral("60") },
    });
    parser.process(app);
    const int count = parser.value(QStringLiteral("visitors")).toInt();
    const int seconds = parser.value(QStringLiteral("seconds")).toInt();
    if (count <= 0 || seconds <= 0) {
        std::fputs("give --visitors N and --seconds S\n", stderr);
        return 2;
    }

    QTemporaryDir directory;
    const storage::Workspace workspace(directory.path());
    const std::unique_ptr<storage::Database> database = workspace.openDatabase(QStringLiteral("ui"));
    demo::DemoGenerator(*database, { 1000, 7, 0, {} }).run();
    quint16 port = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        port = probe.serverPort();
    }
    domain::ChatAccount account;
    account.id = QStringLiteral("chat:bench");
    account.name = QStringLiteral("Bench");
    account.allowedOrigins = { QStringLiteral("https://shop.example") };
    account.listen = QStringLiteral("127.0.0.1:%1").arg(port);
    storage::AccountRepository(*database).saveChatAccount(account, 0);

    // The desktop: engine thread + the inbox model on this thread.
    engine::EngineThread engineThread(directory.path(), std::make_unique<security::KeychainCredentialStore>());
    const engine::SlaClock sla;
    models::ConversationListModel model(*database, sla, 0, [] { return QDateTime::currentSecsSinceEpoch(); });
    model.setView(domain::InboxView::ofChannel(domain::Channel::Chat), domain::InboxSort::LastActivity);
    while (model.canFetchMore({})) {
        model.fetchMore({});
    }

    QElapsedTimer clock;
    clock.start();
    QMutex mutex; // guards sentAt
    std::vector<std::deque<qint64>> sentAt(static_cast<size_t>(count)); // per visitor, oldest first (ns)
    std::vector<double> latenciesMs;
    int delivered = 0;
    QObject::connect(
        engineThread.engine(), &engine::Engine::conversationsChanged, &model, [&](const QList<qint64> &ids) {
            for (const qint64 id : ids) {
                if (!model.showConversation(id)) {
                    continue;
                }
                const QString name = model.summaryAt(model.rowOfId(id)).customerName;
                if (!name.startsWith(QLatin1String("Visitor "))) {
                    continue;
                }
                const int visitor = name.mid(8).toInt();
                const qint64 now = clock.nsecsElapsed();
                const QMutexLocker lock(&mutex);
                std::deque<qint64> &pending = sentAt[static_cast<size_t>(visitor)];
                while (!pending.empty() && pending.front() <= now) {
                    latenciesMs.push_back(double(now - pending.front()) / 1e6);
                    pending.pop_front();
                    ++delivered;
                }
            }
        });
    bool chatReady = false;
    QObject::connect(engineThread.engine(), &engine::Engine::accountStatus, &model,
        [&](const QString &id, const QString &state, const QString &message) {
            if (id == account.id) {
                chatReady = state == QLatin1String("connected");
                if (state == QLatin1String("failed")) {
                    std::fprintf(stderr, "chat: %s\n", qPrintable(message));
                    QCoreApplication::exit(1);
                }
            }
        });
    engineThread.start();

    // The visitors, on their own thread (as if in other processes).
    QThread crowdThread;
    QObject crowd;
    crowd.moveToThread(&crowdThread);
    crowdThread.start();
    std::vector<std::unique_ptr<QWebSocket>> sockets; // used on the crowd thread only
    std::atomic<bool> doneSending { false };
    auto startCrowd = [&] {
        auto welcomed = std::make_shared<int>(0);
        for (int i = 0; i < count; ++i) {
            auto socket = std::make_unique<QWebSocket>(QStringLiteral("https://shop.example"));
            QWebSocket *s = socket.get();
            const QString session = QStringLiteral("model-bench-%1").arg(i, 6, 10, QLatin1Char('0'));
            QObject::connect(s, &QWebSocket::connected, &crowd, [s, session] {
                s->sendTextMessage(json(
                    { { QStringLiteral("type"), QStringLiteral("hello") }, { QStringLiteral("session"), session } }));
            });
            QObject::connect(s, &QWebSocket::textMessageReceived, &crowd, [welcomed](const QString &text) {
                if (text.contains(QLatin1String("\"welcome\""))) {
                    ++*welcomed;
                }
            });
            s->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/chat/socket").arg(port)));
            sockets.push_back(std::move(socket));
        }
        auto *tick = new QTimer(&crowd);
        auto startMs = std::make_shared<qint64>(-1);
        auto counts = std::make_shared<std::vector<int>>(static_cast<size_t>(count), 0);
        QObject::connect(tick, &QTimer::timeout, &crowd, [&, tick, welcomed, startMs, counts] {
            const qint64 now = clock.elapsed();
            if (*startMs < 0) {
                if (*welcomed == count) {
                    *startMs = now;
                    std::printf("%d visitors connected\n", count);
                }
                return;
            }
            bool more = false;
            for (int i = 0; i < count; ++i) {
                int &done = (*counts)[static_cast<size_t>(i)];
                if (done >= seconds) {
                    continue;
                }
                more = true;
                // Each visitor writes once a second; the visitors are spread evenly over the second.
                if (now < *startMs + qint64(done) * 1000 + qint64(i) * 1000 / count) {
                    continue;
                }
                {
                    const QMutexLocker lock(&mutex);
                    sentAt[static_cast<size_t>(i)].push_back(clock.nsecsElapsed());
                }
                sockets[static_cast<size_t>(i)]->sendTextMessage(
                    json({ { QStringLiteral("type"), QStringLiteral("message") },
                        { QStringLiteral("id"), QStringLiteral("m%1").arg(done) },
                        { QStringLiteral("name"), QStringLiteral("Visitor %1").arg(i, 5, 10, QLatin1Char('0')) },
                        { QStringLiteral("text"), QStringLiteral("Where is my order #%1?").arg(5000 + done) } }));
                ++done;
            }
            if (!more) {
                doneSending = true;
                tick->stop();
            }
        });
        tick->start(2);
    };
    bool crowdStarted = false;
    QTimer wait;
    QElapsedTimer sinceDone;
    QObject::connect(&wait, &QTimer::timeout, &app, [&] {
        if (chatReady && !crowdStarted) {
            crowdStarted = true;
            QMetaObject::invokeMethod(&crowd, startCrowd, Qt::QueuedConnection);
        }
        if (doneSending && !sinceDone.isValid()) {
            sinceDone.start();
        }
        // Everything delivered, or ten seconds after the last message for stragglers.
        if (sinceDone.isValid() && (delivered == count * seconds || sinceDone.elapsed() > 10000)) {
            QCoreApplication::quit();
        }
    });
    wait.start(10);
    const int status = QCoreApplication::exec();
    QMetaObject::invokeMethod(
        &crowd,
        [&] {
            for (auto &socket : sockets) {
                socket->abort();
            }
            sockets.clear();
        },
        Qt::BlockingQueuedConnection);
    crowdThread.quit();
    crowdThread.wait();
    if (status != 0) {
        return status;
    }
    const int total = count * seconds;
    std::printf("%d messages from %d visitors; %d reached the inbox model, %d did not\n", total, count, delivered,
        total - delivered);
    std::printf("delivery to the model ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f (budget p99 < 200)\n",
        percentile(latenciesMs, 50), percentile(latenciesMs, 90), percentile(latenciesMs, 99),
        percentile(latenciesMs, 100));
    return delivered == total && percentile(latenciesMs, 99) < 200.0 ? 0 : 1;
}
