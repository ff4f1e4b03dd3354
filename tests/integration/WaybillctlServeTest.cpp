// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// `waybillctl serve` as it runs for a shop: a real process on loopback with the Twilio auth token in a real
// keychain, answering real HTTP requests (curl) at the webhook paths: signed SMS are stored, forged ones refused,
// malformed and oversized bodies refused with a reason, a tracking provider's webhook applied, and SIGTERM in the
// middle of traffic loses nothing that was answered 200.
#include "KeyringShell.h"
#include "QtPrinters.h"
#include "TestCertificateAuthority.h"
#include "channels/sms/TwilioSignature.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/Workspace.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUrl>

#include <gtest/gtest.h>

namespace {

using waybill::channels::sms::TwilioSignature;
using SessionRun = waybill::testing::KeyringShell::Run;

const QByteArray Token = "twilio_auth_token_0f9e8d";
const QString AccountSid = QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const QString ShopNumber = QStringLiteral("+15017122661");
const QString EasyPostWebhook = QStringLiteral(
    WAYBILL_TEST_DATA_DIR "/third_party/easypost-examples/official/guides/tracking-guide/json/tracking-webhook.json");

QByteArray formEncoded(const TwilioSignature::Params &params)
{
    QByteArray body;
    for (const auto &[name, value] : params) {
        body += (body.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

TwilioSignature::Params inbound(
    const QString &sid, const QString &body, const QString &from = QStringLiteral("+14155552345"))
{
    return { { QStringLiteral("ToCountry"), QStringLiteral("US") }, { QStringLiteral("SmsMessageSid"), sid },
        { QStringLiteral("NumMedia"), QStringLiteral("0") }, { QStringLiteral("MessageSid"), sid },
        { QStringLiteral("AccountSid"), AccountSid }, { QStringLiteral("From"), from },
        { QStringLiteral("To"), ShopNumber }, { QStringLiteral("Body"), body },
        { QStringLiteral("ApiVersion"), QStringLiteral("2010-04-01") } };
}

QString sid(int n)
{
    return QStringLiteral("SM%1").arg(n, 32, 16, QLatin1Char('0'));
}

class WaybillctlServeTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!waybill::testing::KeyringShell::available()) {
            GTEST_SKIP() << "dbus-run-session or gnome-keyring-daemon is missing (scripts/install-deps test)";
        }
        QTcpServer probe; // a free port on loopback
        ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
        probe.close();
        base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    }

    /// Writes a request (body and signature) for `path` into the files the shell script sends.
    void request(const QString &name, const QString &path, const QByteArray &body, const QByteArray &signature)
    {
        QFile bodyFile(files.filePath(name + QStringLiteral(".body")));
        ASSERT_TRUE(bodyFile.open(QIODevice::WriteOnly));
        bodyFile.write(body);
        QFile signatureFile(files.filePath(name + QStringLiteral(".sig")));
        ASSERT_TRUE(signatureFile.open(QIODevice::WriteOnly));
        signatureFile.write(signature);
        QFile pathFile(files.filePath(name + QStringLiteral(".path")));
        ASSERT_TRUE(pathFile.open(QIODevice::WriteOnly));
        pathFile.write(path.toUtf8());
    }

    void signedSms(const QString &name, const TwilioSignature::Params &params, const QByteArray &token = Token)
    {
        const QString path = QStringLiteral("/webhooks/twilio/sms");
        request(name, path, formEncoded(params), TwilioSignature::compute(base + path, params, token));
    }

    /// Sets the workspace up (an order with a tracking number, the Twilio account with its token in the keychain),
    /// starts serve (its process id in $pid), runs `traffic` (shell; `send NAME` posts a prepared request and prints
    /// "NAME STATUS"), then, unless `traffic` does, stops serve with SIGTERM and prints "serve-exit=CODE".
    SessionRun session(const QString &traffic, bool stopAfterwards = true)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("W"), QStringLiteral(WAYBILLCTL_PATH));
        env.insert(QStringLiteral("WS"), workspace.path());
        env.insert(QStringLiteral("D"), files.path());
        env.insert(QStringLiteral("BASE"), base);
        env.insert(QStringLiteral("PORT"), QString::number(port));
        env.insert(QStringLiteral("TWILIO_TOKEN"), QString::fromUtf8(Token));
        for (auto it = extraEnvironment.cbegin(); it != extraEnvironment.cend(); ++it) {
            env.insert(it.key(), it.value());
        }
        QFile csv(files.filePath(QStringLiteral("orders.csv")));
        csv.open(QIODevice::WriteOnly);
        csv.write("number,placed_at,total,email,tracking,carrier\n#5001,2026-03-01 10:00,10.00,ana@mail.example,"
                  "EZ4000000004,USPS\n");
        csv.close();
        return shell.run(
            QStringLiteral("set -u\n"
                           "send() { code=$(curl -s ${CURL_TLS:-} -o \"$D/$1.answer\" -w '%{http_code}' --max-time 10 "
                           "-H \"X-Twilio-Signature: $(cat \"$D/$1.sig\")\" "
                           "-H 'Content-Type: application/x-www-form-urlencoded' -H 'Expect:' "
                           "--data-binary @\"$D/$1.body\" \"$BASE$(cat \"$D/$1.path\")\"); echo \"$1 $code\"; }\n"
                           "\"$W\" import orders --workspace \"$WS\" --csv \"$D/orders.csv\" --map number=number "
                           "--map placed_at=placed_at --map total=total --map email=email --map tracking=tracking "
                           "--map carrier=carrier >/dev/null || exit 9\n"
                           "\"$W\" account add twilio --workspace \"$WS\" --account-sid ")
                + AccountSid + QStringLiteral(" --from '+1 (501) 712-2661' --auth-token-env TWILIO_TOKEN || exit 9\n")
                + QStringLiteral("\"$W\" serve --workspace \"$WS\" --listen 127.0.0.1:$PORT --public-url \"$BASE\" "
                                 "--max-body 65536 ${SERVE_TLS:-} >\"$D/serve.out\" 2>&1 &\n"
                                 "pid=$!\n"
                                 "i=0; while ! grep -q '^Listening on' \"$D/serve.out\"; do i=$((i+1)); "
                                 "[ $i -gt 200 ] && { cat \"$D/serve.out\"; exit 8; }; sleep 0.05; done\n")
                + traffic
                + (stopAfterwards
                        ? QStringLiteral("\nkill -TERM $pid; wait $pid; echo \"serve-exit=$?\"; cat \"$D/serve.out\"\n")
                        : QStringLiteral("\n")),
            env);
    }

    /// Rows of a query on the workspace's database, each row's columns joined by "|".
    QStringList rows(const QString &sql)
    {
        const auto database = waybill::storage::Workspace(workspace.path()).openDatabase(QStringLiteral("check"));
        waybill::storage::SqlQuery q(*database, sql);
        q.exec();
        QStringList result;
        while (q.next()) {
            result << (q.value(1).isValid() ? QString(q.text(0) + u'|' + q.text(1)) : q.text(0));
        }
        return result;
    }

    waybill::testing::KeyringShell shell;
    QHash<QString, QString> extraEnvironment; ///< SERVE_TLS (serve's TLS flags), CURL_TLS (what curl trusts)
    QTemporaryDir workspace;
    QTemporaryDir files;
    quint16 port = 0;
    QString base;
};

TEST_F(WaybillctlServeTest, SignedSmsAreStoredForgedOnesRefusedBadBodiesExplained)
{
    signedSms(QStringLiteral("hello"), inbound(sid(1), QStringLiteral("Where is order #5001? 👍")));
    signedSms(QStringLiteral("forged"), inbound(sid(2), QStringLiteral("Refund me")), "not-the-token");
    TwilioSignature::Params otherAccount = inbound(sid(3), QStringLiteral("hi"));
    otherAccount[4].second = QStringLiteral("ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    signedSms(QStringLiteral("other"), otherAccount);
    TwilioSignature::Params noNumber = inbound(sid(4), QStringLiteral("hi"));
    noNumber[5].second = QStringLiteral("anonymous");
    signedSms(QStringLiteral("malformed"), noNumber);
    signedSms(QStringLiteral("big"), inbound(sid(5), QString(70000, u'x')));
    signedSms(QStringLiteral("stop"), inbound(sid(6), QStringLiteral("STOP")));
    request(QStringLiteral("notform"), QStringLiteral("/webhooks/twilio/sms"), "{\"MessageSid\":1}", "x");
    QFile webhook(EasyPostWebhook);
    ASSERT_TRUE(webhook.open(QIODevice::ReadOnly));
    request(QStringLiteral("tracking"), QStringLiteral("/webhooks/tracking/easypost"), webhook.readAll(), "");
    request(QStringLiteral("badtracking"), QStringLiteral("/webhooks/tracking/aftership"), "{\"msg\": [", "");

    const SessionRun run = session(QStringLiteral(
        "for r in hello hello forged other malformed big notform stop tracking badtracking; do send $r; done"));
    const std::string output = run.output.toStdString();
    ASSERT_EQ(run.exitCode, 0) << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("hello 200\nhello 200\n"))) << output; // a retry is fine
    EXPECT_TRUE(run.output.contains(QStringLiteral("forged 403"))) << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("other 403"))) << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("malformed 400"))) << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("big 413"))) << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("notform 400"))) << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("stop 200"))) << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("tracking 200"))) << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("badtracking 400"))) << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("serve-exit=0"))) << output;

    QFile answer(files.filePath(QStringLiteral("malformed.answer")));
    ASSERT_TRUE(answer.open(QIODevice::ReadOnly));
    EXPECT_EQ(answer.readAll(),
        QByteArray("Malformed Twilio SMS webhook: From and To must be phone numbers (From: "
                   "\"anonymous\", To: \"+15017122661\")\n"));
    QFile forged(files.filePath(QStringLiteral("forged.answer")));
    ASSERT_TRUE(forged.open(QIODevice::ReadOnly));
    EXPECT_TRUE(forged.readAll().contains("X-Twilio-Signature does not match"));
    QFile tracked(files.filePath(QStringLiteral("tracking.answer")));
    ASSERT_TRUE(tracked.open(QIODevice::ReadOnly));
    EXPECT_TRUE(tracked.readAll().contains("\"tracking_number\":\"EZ4000000004\"")) << output;

    // What was signed is stored once; what was forged or malformed is not a message.
    EXPECT_EQ(rows(QStringLiteral("SELECT external_id, body_text FROM messages WHERE external_id LIKE 'sms:%' "
                                  "ORDER BY id")),
        QStringList({ QStringLiteral("sms:+15017122661|") + sid(1) + QStringLiteral("|Where is order #5001? 👍"),
            QStringLiteral("sms:+15017122661|") + sid(6) + QStringLiteral("|STOP") }));
    EXPECT_EQ(rows(QStringLiteral("SELECT account, phone FROM sms_opt_outs")),
        QStringList({ QStringLiteral("sms:+15017122661|+14155552345") }));
    // The malformed but signed SMS and the broken tracking payload are kept with their reasons.
    const QStringList quarantined = rows(QStringLiteral("SELECT account, reason FROM quarantine ORDER BY id"));
    ASSERT_EQ(quarantined.size(), 2) << quarantined.join(u'\n').toStdString();
    EXPECT_TRUE(quarantined.at(0).startsWith(QStringLiteral("sms:+15017122661|Twilio SMS webhook: From and To")));
    EXPECT_TRUE(quarantined.at(1).startsWith(QStringLiteral("tracking:aftership|")));
    EXPECT_FALSE(rows(QStringLiteral("SELECT id FROM tracking_events")).isEmpty());
    // The log is in the workspace, and says why requests were refused.
    QFile log(QDir(workspace.path()).filePath(QStringLiteral("logs/serve.log")));
    ASSERT_TRUE(log.open(QIODevice::ReadOnly));
    const QByteArray logged = log.readAll();
    EXPECT_TRUE(logged.contains("403 /webhooks/twilio/sms")) << logged.toStdString();
    EXPECT_TRUE(logged.contains("opted out of SMS")) << logged.toStdString();
    EXPECT_TRUE(logged.contains("the database is closed")) << logged.toStdString();
    // The auth token stayed in the keychain.
    for (const QString &name : QDir(workspace.path()).entryList(QDir::Files)) {
        QFile file(workspace.filePath(name));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        EXPECT_FALSE(file.readAll().contains(Token)) << name.toStdString();
    }
}

TEST_F(WaybillctlServeTest, HttpsServesSignedWebhooksAndHealthToClientsThatTrustTheCertificate)
{
    if (const QString why = waybill::testing::TestCertificateAuthority::whyUnavailable(); !why.isEmpty()) {
        GTEST_SKIP() << why.toStdString();
    }
    waybill::testing::TestCertificateAuthority authority;
    ASSERT_TRUE(authority.create()) << authority.errorString().toStdString();
    base = QStringLiteral("https://127.0.0.1:%1").arg(port); // what Twilio signs: the https address it called
    extraEnvironment.insert(QStringLiteral("SERVE_TLS"),
        QStringLiteral("--cert %1 --key %2").arg(authority.certificateFile(), authority.keyFile()));
    extraEnvironment.insert(QStringLiteral("CURL_TLS"), QStringLiteral("--cacert ") + authority.authorityFile());
    extraEnvironment.insert(QStringLiteral("CA"), authority.authorityFile());
    signedSms(QStringLiteral("hello"), inbound(sid(21), QStringLiteral("Hello over TLS")));

    const SessionRun run = session(QStringLiteral(
        "send hello\n"
        "curl -s --max-time 10 --cacert \"$CA\" -o \"$D/health.json\" -w 'health %{http_code}\\n' \"$BASE/health\"\n"
        "curl -s --max-time 10 -o /dev/null \"$BASE/health\"; echo \"untrusted-exit=$?\"\n"
        "code=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' \"http://127.0.0.1:$PORT/health\"); "
        "echo \"plain-http $code\""));
    const std::string output = run.output.toStdString();
    ASSERT_EQ(run.exitCode, 0) << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("hello 200"))) << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("health 200"))) << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("untrusted-exit=60"))) << output; // curl: peer not verified
    EXPECT_FALSE(run.output.contains(QStringLiteral("plain-http 200"))) << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("serve-exit=0"))) << output;
    EXPECT_EQ(rows(QStringLiteral("SELECT body_text FROM messages WHERE external_id LIKE 'sms:%'")),
        QStringList { QStringLiteral("Hello over TLS") });

    QFile healthFile(files.filePath(QStringLiteral("health.json")));
    ASSERT_TRUE(healthFile.open(QIODevice::ReadOnly));
    const QJsonObject health = QJsonDocument::fromJson(healthFile.readAll()).object();
    EXPECT_EQ(health.value(QStringLiteral("status")).toString(), QStringLiteral("ok")) << output;
    const QJsonArray channels = health.value(QStringLiteral("channels")).toArray();
    ASSERT_EQ(channels.size(), 1) << output;
    EXPECT_EQ(channels.at(0)[QStringLiteral("account")].toString(), QStringLiteral("sms:+15017122661"));
    EXPECT_EQ(channels.at(0)[QStringLiteral("state")].toString(), QStringLiteral("connected"));
}

TEST_F(WaybillctlServeTest, SigtermDuringTrafficLosesNothingAnswered)
{
    constexpr int Requests = 400;
    for (int i = 0; i < Requests; ++i) {
        signedSms(QStringLiteral("m%1").arg(i),
            inbound(sid(100 + i), QStringLiteral("message %1").arg(i), QStringLiteral("+1415555%1").arg(1000 + i)));
    }
    // Four senders at once; SIGTERM once some forty were answered.
    const SessionRun run = session(
        QStringLiteral(
            "for k in 0 1 2 3; do ( i=$k; while [ $i -lt %1 ]; do send m$i >>\"$D/codes\"; i=$((i+4)); done ) & done\n"
            "i=0; while [ \"$(cat \"$D/codes\" 2>/dev/null | wc -l)\" -lt 40 ]; do i=$((i+1)); [ $i -gt 400 ] && "
            "break; "
            "sleep 0.02; done\n")
                .arg(Requests)
            + QStringLiteral("kill -TERM $pid; wait $pid; echo \"serve-exit=$?\"; wait; cat \"$D/serve.out\""),
        false);
    const std::string output = run.output.toStdString();
    ASSERT_TRUE(run.output.contains(QStringLiteral("serve-exit=0"))) << output;

    QFile codes(files.filePath(QStringLiteral("codes")));
    ASSERT_TRUE(codes.open(QIODevice::ReadOnly));
    QSet<QString> answered200;
    int refused = 0;
    for (const QByteArray &line : codes.readAll().split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() != 2) {
            continue;
        }
        if (parts.at(1) == "200") {
            answered200.insert(sid(100 + parts.at(0).mid(1).toInt()));
        } else {
            EXPECT_EQ(parts.at(1), QByteArray("000")) << line.toStdString(); // refused after the stop, never a 5xx
            ++refused;
        }
    }
    EXPECT_GE(answered200.size(), 40);
    EXPECT_GT(refused, 0) << "the stop came after all traffic; the test proves nothing";
    QSet<QString> stored;
    for (const QString &row : rows(QStringLiteral("SELECT external_id FROM messages WHERE external_id LIKE 'sms:%'"))) {
        stored.insert(row.section(u'|', 1));
    }
    // Every request answered 200 is in the database; nothing else was half-stored.
    EXPECT_EQ(stored - answered200, QSet<QString>()) << output;
    EXPECT_EQ(answered200 - stored, QSet<QString>()) << output;
}

} // namespace
