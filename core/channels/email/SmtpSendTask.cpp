// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpSendTask.h"

#include "SmtpClient.h"

#include <algorithm>

namespace waybill::channels::email {

namespace {

bool isAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

/// The header section: everything before the first empty line.
QByteArrayView headerSection(QByteArrayView raw)
{
    const qsizetype crlf = raw.indexOf("\r\n\r\n");
    const qsizetype lf = raw.indexOf("\n\n");
    qsizetype end = raw.size();
    if (crlf >= 0) {
        end = crlf;
    }
    if (lf >= 0 && lf < end) {
        end = lf;
    }
    return raw.first(end);
}

} // namespace

SmtpSendTask::SmtpSendTask(
    SmtpClient &client, QString envelopeFrom, QStringList recipients, QByteArray rawMessage, QObject *parent)
    : SmtpTask(client, parent)
    , m_from(std::move(envelopeFrom))
    , m_recipients(std::move(recipients))
    , m_content(SmtpCodec::dotStuff(rawMessage))
    , m_eightBit(!SmtpCodec::isSevenBit(rawMessage))
    , m_utf8Headers(!SmtpCodec::isSevenBit(headerSection(rawMessage)))
{
}

SmtpSendTask::~SmtpSendTask() = default;

void SmtpSendTask::refuse(SmtpError::Kind kind, const QString &message)
{
    SmtpError error;
    error.kind = kind;
    error.message = message;
    fail(error);
}

void SmtpSendTask::perform()
{
    if (m_recipients.isEmpty()) {
        refuse(SmtpError::Kind::InvalidMessage, QStringLiteral("the message has no recipients"));
        return;
    }
    if (!SmtpCodec::isValidPath(m_from)) {
        refuse(SmtpError::Kind::InvalidMessage, QStringLiteral("not a sender address: \"%1\"").arg(m_from));
        return;
    }
    for (const QString &address : std::as_const(m_recipients)) {
        if (address.isEmpty() || !SmtpCodec::isValidPath(address)) {
            refuse(SmtpError::Kind::InvalidMessage, QStringLiteral("not a recipient address: \"%1\"").arg(address));
            return;
        }
    }
    if (!client().claim(this)) {
        refuse(SmtpError::Kind::Aborted, QStringLiteral("another message is being sent on this connection"));
        return;
    }
    if (client().isReady()) {
        begin();
        return;
    }
    m_step = Step::Connect;
    m_connect.reset(new SmtpConnectTask(client()));
    connect(m_connect.get(), &SmtpConnectTask::finished, this, &SmtpSendTask::begin);
    connect(m_connect.get(), &SmtpTask::failed, this, &SmtpSendTask::fail);
    m_connect->start();
}

void SmtpSendTask::begin()
{
    const SmtpCapabilities &capabilities = client().capabilities();
    const QStringList addresses = m_recipients + QStringList { m_from };
    if (!capabilities.smtpUtf8 && !std::all_of(addresses.cbegin(), addresses.cend(), isAscii)) {
        refuse(SmtpError::Kind::Unsupported,
            QStringLiteral("%1 does not accept addresses with non-ASCII characters (no SMTPUTF8)")
                .arg(client().config().host));
        return;
    }
    const qint64 size = m_content.size() - 3; // without the final ".\r\n"
    if (capabilities.hasSize && capabilities.maxSize > 0 && size > capabilities.maxSize) {
        refuse(SmtpError::Kind::Unsupported,
            QStringLiteral("the message is %1 bytes; %2 accepts at most %3")
                .arg(size)
                .arg(client().config().host)
                .arg(capabilities.maxSize));
        return;
    }
    if (client().hasUsedTransaction()) {
        m_step = Step::Reset;
        send(SmtpCodec::command("RSET"));
        return;
    }
    mailFrom();
}

void SmtpSendTask::mailFrom()
{
    const SmtpCapabilities &capabilities = client().capabilities();
    SmtpCodec::MailParameters parameters;
    if (capabilities.hasSize) {
        parameters.size = m_content.size() - 3;
    }
    parameters.eightBitMime = m_eightBit && capabilities.eightBitMime;
    const bool utf8Addresses = !isAscii(m_from) || !std::all_of(m_recipients.cbegin(), m_recipients.cend(), isAscii);
    parameters.smtpUtf8 = capabilities.smtpUtf8 && (utf8Addresses || m_utf8Headers);
    m_step = Step::MailFrom;
    client().markTransactionUsed();
    send(SmtpCodec::mailFrom(m_from, parameters));
}

void SmtpSendTask::nextRecipient()
{
    if (m_nextRecipient < m_recipients.size()) {
        m_step = Step::RcptTo;
        send(SmtpCodec::rcptTo(m_recipients.at(m_nextRecipient)));
        return;
    }
    m_step = Step::Data;
    send(SmtpCodec::command("DATA"));
}

void SmtpSendTask::handleReply(const SmtpReply &reply)
{
    switch (m_step) {
    case Step::Connect:
        return;
    case Step::Reset:
        if (!reply.isPositive()) {
            fail(SmtpError::fromReply(SmtpError::Kind::Rejected, reply, QStringLiteral("RSET refused")));
            return;
        }
        mailFrom();
        return;
    case Step::MailFrom:
        if (!reply.isPositive()) {
            fail(SmtpError::fromReply(
                SmtpError::Kind::Rejected, reply, QStringLiteral("MAIL FROM:<%1> refused").arg(m_from)));
            return;
        }
        nextRecipient();
        return;
    case Step::RcptTo: {
        const QString recipient = m_recipients.at(m_nextRecipient);
        if (!reply.isPositive()) {
            SmtpError error = SmtpError::fromReply(
                SmtpError::Kind::Rejected, reply, QStringLiteral("RCPT TO:<%1> refused").arg(recipient));
            error.recipient = recipient;
            fail(error);
            return;
        }
        ++m_nextRecipient;
        nextRecipient();
        return;
    }
    case Step::Data:
        if (reply.code != 354) {
            fail(SmtpError::fromReply(SmtpError::Kind::Rejected, reply, QStringLiteral("DATA refused")));
            return;
        }
        m_step = Step::Content;
        if (send(m_content)) {
            m_contentSent = true;
        }
        return;
    case Step::Content:
        if (!reply.isPositive()) {
            fail(SmtpError::fromReply(SmtpError::Kind::Rejected, reply, QStringLiteral("the message was refused")));
            return;
        }
        SmtpSendResult result;
        result.code = reply.code;
        result.enhancedStatus = reply.enhancedStatus;
        result.text = reply.text();
        result.queueId = SmtpCodec::queueId(reply);
        result.recipients = m_recipients;
        if (markFinished()) {
            Q_EMIT finished(result);
        }
        return;
    }
}

void SmtpSendTask::handleConnectionLost(const SmtpError &error)
{
    SmtpError lost = error;
    lost.mayHaveBeenDelivered = m_contentSent;
    if (m_contentSent) {
        lost.message += QStringLiteral(" after the message was sent; the server may have accepted it");
    }
    fail(lost);
}

void SmtpSendTask::handleAbort()
{
    if (m_connect) {
        m_connect->disconnect(this);
        m_connect->abort();
    }
    if (hasClient()) {
        client().disconnectFromServer(); // a transaction cannot be left half-way
    }
}

} // namespace waybill::channels::email
