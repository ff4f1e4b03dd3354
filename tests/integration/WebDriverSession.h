// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>

namespace waybill::testing {

/// Headless Chromium driven through chromedriver (WebDriver over HTTP on 127.0.0.1), for the chat widget's tests
/// (TESTING.md "Chat widget in a real browser"): start() runs chromedriver on a free port and opens a session with
/// a new, empty profile; the destructor ends the session (Chromium quits) and stops chromedriver by its PID. Each
/// call waits for chromedriver's answer on the event loop (test code only). Owned by the test.
class WebDriverSession final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebDriverSession)

public:
    WebDriverSession();
    ~WebDriverSession() override;

    /// Why the browser cannot run here (chromium or chromedriver missing); empty when it can.
    static QString whyNot();
    /// Starts chromedriver and a browser session; false with the reason in `error`.
    bool start(QString *error);
    bool navigate(const QString &url);
    /// The WebDriver element id of the first element matching `css`, or empty.
    QString find(const QString &css);
    bool click(const QString &element);
    bool type(const QString &element, const QString &text);
    /// Runs `script` (a function body; `return …` gives the value) in the page.
    QJsonValue execute(const QString &script);
    /// The last WebDriver error, for assertion messages.
    QString lastError() const { return m_lastError; }

private:
    /// One WebDriver command; the "value" of the answer (undefined on failure, with m_lastError set).
    QJsonValue command(const QByteArray &method, const QString &path, const QJsonObject &body = {});

    QNetworkAccessManager m_network;
    QProcess m_driver;
    QTemporaryDir m_profile;
    quint16 m_port = 0;
    QString m_session;
    QString m_lastError;
};

} // namespace waybill::testing
