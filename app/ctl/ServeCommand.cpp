// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServeCommand.h"

#include "WebhookServer.h"
#include "channels/ListenAddress.h"
#include "channels/ServerTlsFiles.h"
#include "engine/Engine.h"
#include "security/KeychainCredentialStore.h"
#include "storage/Database.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace waybill::ctl {

namespace {

std::atomic<bool> s_stopRequested { false };

void requestStop(int)
{
    s_stopRequested = true;
}

QFile *s_log = nullptr; ///< the workspace's logs/serve.log while serve runs
QtMessageHandler s_previousHandler = nullptr;

void logMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const char *const names[] = { "debug", "warning", "critical", "fatal", "info" };
    const int index = static_cast<int>(type) >= 0 && static_cast<int>(type) <= 4 ? static_cast<int>(type) : 0;
    if (type == QtDebugMsg) {
        return; // one line per request would drown the log
    }
    const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ' ' + names[index]
        + ' ' + (context.category ? context.category : "default") + ": " + message.toUtf8() + '\n';
    if (s_log) {
        s_log->write(line);
        s_log->flush();
    }
    std::fputs(line.constData(), stderr);
}

/// After a stop was asked: the last answer must be this long ago before the engine stops...
constexpr qint64 QuietMs = 300;
/// ...unless requests keep coming for this long.
constexpr qint64 MaxDrainMs = 10000;

} // namespace

QString ServeCommand::name() const
{
    return QStringLiteral("serve");
}

QString ServeCommand::summary() const
{
    return QStringLiteral(
        "Run the engine headless with the webhooks (Twilio SMS and status, EasyPost and AfterShip "
        "tracking) and the chat accounts' gateways: serve [--listen ADDR:PORT] [--cert FILE --key FILE] "
        "[--public-url URL] [--chat-offline]. Stops cleanly on SIGTERM or Ctrl-C.");
}

void ServeCommand::configure(QCommandLineParser &parser) const
{
    parser.addOption(
        { QStringLiteral("listen"), QStringLiteral("Address and port to listen on (default 127.0.0.1:8080)."),
            QStringLiteral("ADDR:PORT"), QStringLiteral("127.0.0.1:8080") });
    parser.addOption(
        { QStringLiteral("cert"), QStringLiteral("TLS: the PEM certificate (chain)."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("key"), QStringLiteral("TLS: the PEM private key."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("public-url"),
        QStringLiteral("The address Twilio calls, e.g. https://help.example.com (behind a proxy); Twilio signs it."),
        QStringLiteral("URL") });
    parser.addOption({ QStringLiteral("max-body"), QStringLiteral("Largest request body in bytes (default 1048576)."),
        QStringLiteral("BYTES") });
    parser.addOption({ QStringLiteral("chat-offline"),
        QStringLiteral("Close the live chat: visitors are always told that no one answers live now (replies come "
                       "later, by e-mail when they gave an address), whichever agent is available. Without it, "
                       "visitors are told someone answers live only while some agent's desktop says \"Available "
                       "for live chat\" (read every few seconds); with no agent available they are told replies "
                       "come later.") });
}

int ServeCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    WebhookServer::Config config;
    if (!channels::ListenAddress::parse(parser.value(QStringLiteral("listen")), &config.address, &config.port)) {
        err << "waybillctl serve: --listen takes ADDR:PORT, e.g. 127.0.0.1:8080" << Qt::endl;
        return 2;
    }
    const int maxBody = positiveInt(parser, QStringLiteral("max-body"), 1024 * 1024, err);
    if (maxBody < 0) {
        return 2;
    }
    config.maxBodyBytes = maxBody;
    if (parser.isSet(QStringLiteral("public-url"))) {
        config.publicUrl = QUrl(parser.value(QStringLiteral("public-url")), QUrl::StrictMode);
        if (!config.publicUrl.isValid() || config.publicUrl.host().isEmpty()) {
            err << "waybillctl serve: --public-url must be an absolute URL such as https://help.example.com"
                << Qt::endl;
            return 2;
        }
    }
    if (parser.isSet(QStringLiteral("cert")) != parser.isSet(QStringLiteral("key"))) {
        err << "waybillctl serve: TLS needs both --cert FILE and --key FILE" << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("cert"))) {
        QString error;
        config.tls = channels::ServerTlsFiles::load(
            parser.value(QStringLiteral("cert")), parser.value(QStringLiteral("key")), &error);
        if (!config.tls) {
            err << "waybillctl serve: " << error << Qt::endl;
            return 1;
        }
    }
    const QString directory = CtlCommand::workspace(parser).directory();
    openExisting(parser).reset(); // a clear message when there is no workspace yet

    const QString logDirectory = QDir(directory).filePath(QStringLiteral("logs"));
    QDir().mkpath(logDirectory);
    QFile log(QDir(logDirectory).filePath(QStringLiteral("serve.log")));
    if (!log.open(QIODevice::Append | QIODevice::Text)) {
        err << "waybillctl serve: cannot write " << log.fileName() << ": " << log.errorString() << Qt::endl;
        return 1;
    }
    s_log = &log;
    s_previousHandler = qInstallMessageHandler(logMessage);

    engine::Engine engine(directory, std::make_unique<security::KeychainCredentialStore>());
    engine.setSmsWebhooks(true); // Twilio calls us: no polling
    engine.setHostChat(true); // the chat accounts' widgets talk to this process
    // No agent works at this process: visitors hear that someone answers live only while some agent's desktop
    // says so in the workspace, and never with --chat-offline.
    engine.setAgentsOnline(false);
    engine.setChatClosed(parser.isSet(QStringLiteral("chat-offline")));
    WebhookServer server(engine, config);
    int failures = 0;
    bool started = false;
    bool listening = false;
    bool draining = false;
    QElapsedTimer drain;
    QElapsedTimer sinceAnswer;
    sinceAnswer.start();
    QObject::connect(&engine, &engine::Engine::started, &engine, [&] { started = true; });
    QObject::connect(&engine, &engine::Engine::startFailed, &engine, [&](const QString &message) {
        err << "waybillctl serve: " << message << Qt::endl;
        ++failures;
        s_stopRequested = true;
    });
    QObject::connect(&engine, &engine::Engine::accountStatus, &engine,
        [&](const QString &account, const QString &state, const QString &message) {
            if (state == QLatin1String("failed") || state == QLatin1String("retrying")) {
                qWarning().noquote() << account << state << message;
            }
        });
    QObject::connect(&server, &WebhookServer::requestAnswered, &server, [&] { sinceAnswer.restart(); });
    s_stopRequested = false;
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &engine, [&] {
        if (s_stopRequested) {
            if (!draining) {
                draining = true;
                drain.start();
                server.stopAccepting();
                qInfo() << "stopping: no new connections; answering the requests already open";
            }
            // Requests are answered on this thread one at a time, each committed before its answer: once none has
            // come for a moment, everything accepted is stored and its answer written.
            if (sinceAnswer.elapsed() >= QuietMs || drain.elapsed() >= MaxDrainMs) {
                QCoreApplication::quit();
            }
            return;
        }
        if (!listening && started && engine.secretsRead()) {
            QString error;
            const quint16 port = server.listen(&error);
            if (port == 0) {
                err << "waybillctl serve: " << error << Qt::endl;
                ++failures;
                s_stopRequested = true;
                return;
            }
            listening = true;
            const QString scheme = config.tls ? QStringLiteral("https") : QStringLiteral("http");
            const QString host = config.address.protocol() == QAbstractSocket::IPv6Protocol
                ? QString(u'[' + config.address.toString() + u']')
                : config.address.toString();
            const QString address = scheme + QStringLiteral("://") + host + u':' + QString::number(port);
            qInfo().noquote() << "listening on" << address;
            out << "Listening on " << scheme << "://" << host << ":" << port << Qt::endl;
        }
    });
    check.start(50);
    QTimer::singleShot(0, &engine, &engine::Engine::start);
    QCoreApplication::exec();
    check.stop();
    engine.stop();
    qInfo().noquote() << "stopped after" << server.answered() << "requests; the database is closed";
    qInstallMessageHandler(s_previousHandler);
    s_log = nullptr;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    out << "Stopped: " << server.answered() << " request(s) answered" << Qt::endl;
    return failures == 0 ? 0 : 1;
}

} // namespace waybill::ctl
