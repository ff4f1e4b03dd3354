// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChatTestClient.h"

#include "TestWorkspace.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>

namespace waybill::testing {

ChatTestClient::ChatTestClient(const QString &origin, QObject *parent)
    : QObject(parent)
    , m_socket(origin)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this,
        [this](const QString &text) { m_frames.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] { m_closed = true; });
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &error : errors) {
            m_sslErrors += QStringLiteral("; ") + error.errorString();
        }
    });
}

void ChatTestClient::useTls(const QString &authorityFile, const QString &certificateFile)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(authorityFile));
    m_socket.setSslConfiguration(config);
    const QList<QSslCertificate> server = QSslCertificate::fromPath(certificateFile);
    m_socket.ignoreSslErrors({ QSslError(QSslError::HostNameMismatch, server.value(0)) });
    m_tls = true;
}

bool ChatTestClient::open(quint16 port, int timeoutMs)
{
    m_closed = false;
    QNetworkRequest request(QUrl(QStringLiteral("%1://127.0.0.1:%2/chat/socket")
                                     .arg(m_tls ? QStringLiteral("wss") : QStringLiteral("ws"))
                                     .arg(port)));
    if (!m_forwardedFor.isEmpty()) {
        request.setRawHeader("X-Forwarded-For", m_forwardedFor.toLatin1());
    }
    m_socket.open(request);
    waitUntil(
        [this] { return isOpen() || m_closed || m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    return isOpen();
}

bool ChatTestClient::join(quint16 port, const QString &session, qint64 lastSeen)
{
    if (!open(port)) {
        return false;
    }
    const qsizetype before = framesOf(QStringLiteral("welcome")).size();
    sendJson({ { QStringLiteral("type"), QStringLiteral("hello") }, { QStringLiteral("session"), session },
        { QStringLiteral("lastSeen"), lastSeen } });
    return waitUntil([&] { return framesOf(QStringLiteral("welcome")).size() > before; });
}

void ChatTestClient::sendJson(const QJsonObject &frame)
{
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void ChatTestClient::sendRaw(const QString &text)
{
    m_socket.sendTextMessage(text);
}

void ChatTestClient::say(const QString &id, const QString &text, const QJsonObject &details)
{
    QJsonObject frame = details;
    frame.insert(QStringLiteral("type"), QStringLiteral("message"));
    frame.insert(QStringLiteral("id"), id);
    frame.insert(QStringLiteral("text"), text);
    sendJson(frame);
}

QJsonObject ChatTestClient::waitFor(const QString &type, const QJsonValue &id, int timeoutMs)
{
    QJsonObject found;
    waitUntil(
        [&] {
            for (const QJsonObject &frame : std::as_const(m_frames)) {
                if (frame.value(QStringLiteral("type")).toString() == type
                    && (id.isUndefined() || id.isNull() || frame.value(QStringLiteral("id")) == id)) {
                    found = frame;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

QList<QJsonObject> ChatTestClient::framesOf(const QString &type) const
{
    QList<QJsonObject> result;
    for (const QJsonObject &frame : m_frames) {
        if (frame.value(QStringLiteral("type")).toString() == type) {
            result.append(frame);
        }
    }
    return result;
}

} // namespace waybill::testing
