// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// How many Twilio SMS webhooks a second `waybillctl serve` accepts and stores on loopback (budget 1,000/s).
// Sends N signed incoming-message webhooks (each a new MessageSid, from a rotating set of customers) over six
// keep-alive connections, as Twilio does, then reads the workspace to check that every 200 was stored. See
// docs/benchmarks.md for the command that starts `serve` with its account.
#include "channels/sms/TwilioSignature.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/Workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

#include <cstdio>
#include <ctime>
#include <functional>

using waybill::channels::sms::TwilioSignature;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("url"), QStringLiteral("serve's base URL."), QStringLiteral("URL"),
            QStringLiteral("http://127.0.0.1:8080") },
        { QStringLiteral("account-sid"), QStringLiteral("The Twilio account SID added to the workspace."),
            QStringLiteral("SID") },
        { QStringLiteral("to"), QStringLiteral("The account's number."), QStringLiteral("E164") },
        { QStringLiteral("auth-token-env"), QStringLiteral("Variable holding the auth token."), QStringLiteral("VAR") },
        { QStringLiteral("requests"), QStringLiteral("How many webhooks (default 5000)."), QStringLiteral("N"),
            QStringLiteral("5000") },
        { QStringLiteral("workspace"), QStringLiteral("Check the stored messages in this workspace afterwards."),
            QStringLiteral("DIR") },
    });
    parser.process(app);
    const QByteArray token = qgetenv(parser.value(QStringLiteral("auth-token-env")).toLocal8Bit().constData());
    const int total = parser.value(QStringLiteral("requests")).toInt();
    const QString url = parser.value(QStringLiteral("url")) + QStringLiteral("/webhooks/twilio/sms");
    if (token.isEmpty() || total <= 0 || parser.value(QStringLiteral("account-sid")).isEmpty()) {
        std::fputs("give --account-sid, --to, --auth-token-env VAR (set) and --requests N\n", stderr);
        return 2;
    }
    // Prepared beforehand: the timing is serve's, not the signing's.
    QList<std::pair<QByteArray, QByteArray>> bodies; // (form body, signature)
    const QString run = QString::number(QDateTime::currentMSecsSinceEpoch(), 16);
    for (int i = 0; i < total; ++i) {
        const TwilioSignature::Params params { { QStringLiteral("MessageSid"),
                                                   QStringLiteral("SM%1%2").arg(run).arg(
                                                       i, 32 - run.size(), 16, QLatin1Char('0')) },
            { QStringLiteral("AccountSid"), parser.value(QStringLiteral("account-sid")) },
            { QStringLiteral("From"), QStringLiteral("+1415555%1").arg(1000 + i % 500) },
            { QStringLiteral("To"), parser.value(QStringLiteral("to")) },
            { QStringLiteral("NumMedia"), QStringLiteral("0") },
            { QStringLiteral("Body"), QStringLiteral("Where is my order #%1? It was due yesterday.").arg(5000 + i) } };
        QByteArray body;
        for (const auto &[name, value] : params) {
            body += (body.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
        }
        bodies.append({ body, TwilioSignature::compute(url, params, token) });
    }
    QNetworkAccessManager network;
    int sent = 0;
    int done = 0;
    int ok = 0;
    QElapsedTimer clock;
    std::function<void()> sendNext = [&] {
        if (sent >= total) {
            return;
        }
        QNetworkRequest request { QUrl(url) };
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        request.setRawHeader("X-Twilio-Signature", bodies.at(sent).second);
        QNetworkReply *reply = network.post(request, bodies.at(sent).first);
        ++sent;
        QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply] {
            reply->deleteLater();
            ok += reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200 ? 1 : 0;
            if (++done == total) {
                QCoreApplication::quit();
            } else {
                sendNext();
            }
        });
    };
    clock.start();
    for (int i = 0; i < 6; ++i) { // QNetworkAccessManager's connections per host
        sendNext();
    }
    QCoreApplication::exec();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    std::printf("%d webhooks in %.2f s: %.0f/s accepted and stored (%d answered 200; budget 1000/s)\n", total, seconds,
        ok / seconds, ok);
    std::printf("sender CPU time: %.2f s\n", double(std::clock()) / CLOCKS_PER_SEC);
    if (parser.isSet(QStringLiteral("workspace"))) {
        const auto database = waybill::storage::Workspace(parser.value(QStringLiteral("workspace")))
                                  .openDatabase(QStringLiteral("bench"));
        waybill::storage::SqlQuery q(
            *database, QStringLiteral("SELECT count(*) FROM messages WHERE external_id LIKE ?"));
        q.bind(QString(QStringLiteral("%|SM") + run + u'%')).exec();
        const qint64 stored = q.next() ? q.int64(0) : 0;
        std::printf("stored: %lld of %d answered 200\n", static_cast<long long>(stored), ok);
        if (stored != ok) {
            return 1;
        }
    }
    return ok == total ? 0 : 1;
}
