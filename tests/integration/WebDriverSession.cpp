// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WebDriverSession.h"

#include "TestWorkspace.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTcpServer>

namespace waybill::testing {

namespace {

/// WebDriver's key for an element reference in JSON.
const QString ElementKey = QStringLiteral("element-6066-11e4-a52e-4f735466cecf");

QString program(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

QString browser()
{
    for (const QString &name : { QStringLiteral("chromium"), QStringLiteral("chromium-browser") }) {
        if (const QString path = program(name); !path.isEmpty()) {
            return path;
        }
    }
    return {};
}

} // namespace

WebDriverSession::WebDriverSession() = default;

WebDriverSession::~WebDriverSession()
{
    if (!m_session.isEmpty()) {
        command("DELETE", QStringLiteral("/session/") + m_session);
    }
    if (m_driver.state() != QProcess::NotRunning) {
        m_driver.terminate();
        if (!m_driver.waitForFinished(5000)) {
            m_driver.kill();
            m_driver.waitForFinished(5000);
        }
    }
}

QString WebDriverSession::whyNot()
{
    if (browser().isEmpty()) {
        return QStringLiteral("chromium is not installed (apt-get install chromium, or scripts/install-deps test)");
    }
    if (program(QStringLiteral("chromedriver")).isEmpty()) {
        return QStringLiteral(
            "chromedriver is not installed (apt-get install chromium-driver, or scripts/install-deps test)");
    }
    return {};
}

bool WebDriverSession::start(QString *error)
{
    {
        QTcpServer probe; // a free port for chromedriver
        probe.listen(QHostAddress::LocalHost, 0);
        m_port = probe.serverPort();
    }
    m_driver.setProgram(program(QStringLiteral("chromedriver")));
    m_driver.setArguments({ QStringLiteral("--port=%1").arg(m_port), QStringLiteral("--allowed-ips=127.0.0.1") });
    m_driver.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_driver.start();
    if (!m_driver.waitForStarted(10000)) {
        *error = QStringLiteral("chromedriver did not start: ") + m_driver.errorString();
        return false;
    }
    const bool ready = waitUntil(
        [&] {
            const QJsonValue status = command("GET", QStringLiteral("/status"));
            return status.toObject().value(QStringLiteral("ready")).toBool();
        },
        20000);
    if (!ready) {
        *error = QStringLiteral("chromedriver did not become ready: ") + m_lastError;
        return false;
    }
    const QJsonArray args { QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
        QStringLiteral("--disable-gpu"), QStringLiteral("--disable-quic"), QStringLiteral("--no-first-run"),
        QStringLiteral("--disable-background-networking"), QStringLiteral("--disable-component-update"),
        QStringLiteral("--disable-sync"), QStringLiteral("--disable-dev-shm-usage"),
        QString(QStringLiteral("--user-data-dir=") + m_profile.path()) };
    const QJsonObject options { { QStringLiteral("binary"), browser() }, { QStringLiteral("args"), args } };
    const QJsonObject capabilities { { QStringLiteral("alwaysMatch"),
        QJsonObject { { QStringLiteral("browserName"), QStringLiteral("chrome") },
            { QStringLiteral("goog:chromeOptions"), options } } } };
    const QJsonValue session
        = command("POST", QStringLiteral("/session"), { { QStringLiteral("capabilities"), capabilities } });
    m_session = session.toObject().value(QStringLiteral("sessionId")).toString();
    if (m_session.isEmpty()) {
        *error = QStringLiteral("chromium did not start a session: ") + m_lastError;
        return false;
    }
    return true;
}

QJsonValue WebDriverSession::command(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(60000);
    QNetworkReply *reply = method == "GET" ? m_network.get(request)
        : method == "DELETE"               ? m_network.deleteResource(request)
                             : m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    waitUntil([&] { return reply->isFinished(); }, 65000);
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    const QJsonValue value = answer.value(QStringLiteral("value"));
    if (status != 200) {
        m_lastError = QStringLiteral("%1 %2: HTTP %3 %4")
                          .arg(QString::fromLatin1(method), path)
                          .arg(status)
                          .arg(value.toObject().value(QStringLiteral("message")).toString(reply->errorString()));
        return QJsonValue(QJsonValue::Undefined);
    }
    return value;
}

bool WebDriverSession::navigate(const QString &url)
{
    return !command("POST", QStringLiteral("/session/%1/url").arg(m_session), { { QStringLiteral("url"), url } })
                .isUndefined();
}

QString WebDriverSession::find(const QString &css)
{
    const QJsonValue element = command("POST", QStringLiteral("/session/%1/element").arg(m_session),
        { { QStringLiteral("using"), QStringLiteral("css selector") }, { QStringLiteral("value"), css } });
    return element.toObject().value(ElementKey).toString();
}

bool WebDriverSession::click(const QString &element)
{
    return !command("POST", QStringLiteral("/session/%1/element/%2/click").arg(m_session, element)).isUndefined();
}

bool WebDriverSession::type(const QString &element, const QString &text)
{
    return !command("POST", QStringLiteral("/session/%1/element/%2/value").arg(m_session, element),
        { { QStringLiteral("text"), text } })
                .isUndefined();
}

QJsonValue WebDriverSession::execute(const QString &script)
{
    return command("POST", QStringLiteral("/session/%1/execute/sync").arg(m_session),
        { { QStringLiteral("script"), script }, { QStringLiteral("args"), QJsonArray() } });
}

} // namespace waybill::testing
