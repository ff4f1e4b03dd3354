// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/email/ImapError.h"
#include "channels/email/SmtpError.h"
#include "domain/EmailAccount.h"

#include <QObject>

#include <memory>

namespace waybill::channels {
class TransportFactory;
}
namespace waybill::channels::email {
class ImapClient;
class ImapConnectTask;
class SmtpClient;
class SmtpConnectTask;
} // namespace waybill::channels::email

namespace waybill::ui {

/// "Test connection" for an e-mail account: an IMAP connect + login and an SMTP connect + AUTH, run at the same
/// time over the injected TransportFactory, exactly as the engine will connect (nothing is fetched or sent).
/// Asynchronous (no waitFor*): start() returns at once; imapChecked() and smtpChecked() follow once each, then
/// finished(). Each result carries a sentence for people naming the problem — wrong password, TLS failure (with
/// the certificate details the transport reports), unknown or unreachable host, timeout. abort() (or destroying
/// the tester) drops both connections without further signals. Lives on the UI thread; the factory must outlive it.
class ConnectionTester final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTester)

public:
    static constexpr int TimeoutMs = 20'000;

    explicit ConnectionTester(channels::TransportFactory &transports, QObject *parent = nullptr);
    ~ConnectionTester() override;

    /// Tests `account` with `secret` (its password); a running test is aborted first.
    void start(const domain::EmailAccount &account, const QString &secret);
    void abort();
    bool isRunning() const;

    static QString describe(const channels::email::ImapError &error, const QString &server);
    static QString describe(const channels::email::SmtpError &error, const QString &server);

Q_SIGNALS:
    void imapChecked(bool ok, const QString &message);
    void smtpChecked(bool ok, const QString &message);
    void finished();

private:
    void startImap(const domain::EmailAccount &account, const QString &secret);
    void startSmtp(const domain::EmailAccount &account, const QString &secret);
    void imapDone(bool ok, const QString &message);
    void smtpDone(bool ok, const QString &message);

    channels::TransportFactory &m_transports;
    std::unique_ptr<channels::email::ImapClient> m_imap;
    std::unique_ptr<channels::email::ImapConnectTask> m_imapTask;
    std::unique_ptr<channels::email::SmtpClient> m_smtp;
    std::unique_ptr<channels::email::SmtpConnectTask> m_smtpTask;
    bool m_imapRunning = false;
    bool m_smtpRunning = false;
};

} // namespace waybill::ui
