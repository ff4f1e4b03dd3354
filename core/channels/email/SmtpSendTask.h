// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SmtpConnectTask.h"
#include "SmtpSendResult.h"
#include "SmtpTask.h"
#include "channels/TaskPtr.h"

#include <QStringList>

namespace waybill::channels::email {

/// Sends one message: connects first when the client is not ready (SmtpConnectTask), RSET when the connection
/// already carried a transaction, then MAIL FROM (with SIZE=, BODY=8BITMIME and SMTPUTF8 when the server offers
/// them and the message needs them), RCPT TO for every recipient, DATA and the dot-stuffed content. All or nothing:
/// a refused recipient fails the send (error.recipient names it) before any content goes out.
///
/// Emits exactly one of finished(SmtpSendResult) (the server's final reply and queue id) or failed(SmtpError),
/// which says whether a retry can help (SmtpError::isTemporary()). A connection lost after the content went out
/// sets SmtpError::mayHaveBeenDelivered. One send at a time per client (a second one fails at once); QUIT is the
/// client's (SmtpClient::quit()). Thread: the client's. Owner: the outbox.
class SmtpSendTask final : public SmtpTask {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmtpSendTask)

public:
    /// `envelopeFrom` may be empty (the null path of a bounce); `rawMessage` is the RFC 5322 message as it should
    /// arrive, with CRLF or LF line ends.
    SmtpSendTask(SmtpClient &client, QString envelopeFrom, QStringList recipients, QByteArray rawMessage,
        QObject *parent = nullptr);
    ~SmtpSendTask() override;

Q_SIGNALS:
    void finished(const waybill::channels::email::SmtpSendResult &result);

protected:
    void perform() override;
    void handleReply(const SmtpReply &reply) override;
    void handleConnectionLost(const SmtpError &error) override;
    void handleAbort() override;

private:
    enum class Step {
        Connect,
        Reset,
        MailFrom,
        RcptTo,
        Data,
        Content,
    };

    void begin();
    void mailFrom();
    void nextRecipient();
    void refuse(SmtpError::Kind kind, const QString &message);

    QString m_from;
    QStringList m_recipients;
    QByteArray m_content; ///< dot-stuffed, with the final `.\r\n`
    bool m_eightBit = false;
    bool m_utf8Headers = false;
    Step m_step = Step::Connect;
    qsizetype m_nextRecipient = 0;
    bool m_contentSent = false;
    TaskPtr<SmtpConnectTask> m_connect;
};

} // namespace waybill::channels::email
