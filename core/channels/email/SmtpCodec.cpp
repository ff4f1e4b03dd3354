// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpCodec.h"

#include <QRegularExpression>

#include <algorithm>

namespace waybill::channels::email {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// The length of a leading RFC 3463 `class.subject.detail` whose class matches the reply code, or 0.
qsizetype enhancedStatusLength(QByteArrayView text, int code)
{
    if (text.size() < 5 || text.at(0) != char('0' + code / 100) || text.at(1) != '.') {
        return 0;
    }
    qsizetype pos = 2;
    for (int part = 0; part < 2; ++part) {
        const qsizetype start = pos;
        while (pos < text.size() && isDigit(text.at(pos)) && pos - start < 3) {
            ++pos;
        }
        if (pos == start) {
            return 0;
        }
        if (part == 0) {
            if (pos >= text.size() || text.at(pos) != '.') {
                return 0;
            }
            ++pos;
        }
    }
    return (pos == text.size() || text.at(pos) == ' ' || text.at(pos) == '\t') ? pos : 0;
}

} // namespace

SmtpCodec::SmtpCodec()
    : SmtpCodec(Limits {})
{
}

SmtpCodec::SmtpCodec(Limits limits)
    : m_limits(limits)
{
}

void SmtpCodec::feed(QByteArrayView bytes)
{
    if (m_broken) {
        return;
    }
    if (m_pos > 0 && m_pos >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    m_buffer.append(bytes);
}

qsizetype SmtpCodec::bufferedBytes() const
{
    return m_buffer.size() - m_pos + m_pendingBytes;
}

void SmtpCodec::reset()
{
    m_buffer.clear();
    m_pos = 0;
    m_pending = {};
    m_pendingBytes = 0;
    m_broken = false;
    m_error.clear();
}

SmtpCodec::Status SmtpCodec::breakStream(const QString &message)
{
    m_broken = true;
    m_error = message;
    m_buffer.clear();
    m_pos = 0;
    return Status::Error;
}

SmtpCodec::Status SmtpCodec::next(SmtpReply &reply)
{
    if (m_broken) {
        return Status::Error;
    }
    for (;;) {
        const qsizetype end = m_buffer.indexOf('\n', m_pos);
        if (end < 0) {
            if (m_buffer.size() - m_pos > m_limits.maxLineLength) {
                return breakStream(QStringLiteral("a reply line is longer than %1 bytes").arg(m_limits.maxLineLength));
            }
            return Status::NeedMoreData;
        }
        QByteArrayView line(m_buffer.constData() + m_pos, end - m_pos);
        m_pendingBytes += end + 1 - m_pos;
        m_pos = end + 1;
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        if (line.size() > m_limits.maxLineLength) {
            return breakStream(QStringLiteral("a reply line is longer than %1 bytes").arg(m_limits.maxLineLength));
        }
        if (line.size() < 3 || !isDigit(line.at(0)) || !isDigit(line.at(1)) || !isDigit(line.at(2)) || line.at(0) < '2'
            || line.at(0) > '5' || (line.size() > 3 && line.at(3) != ' ' && line.at(3) != '-')) {
            return breakStream(
                QStringLiteral("not an SMTP reply: %1")
                    .arg(QString::fromUtf8(line.first(std::min<qsizetype>(line.size(), 80)).toByteArray())));
        }
        const int code = (line.at(0) - '0') * 100 + (line.at(1) - '0') * 10 + (line.at(2) - '0');
        if (!m_pending.lines.isEmpty() && code != m_pending.code) {
            return breakStream(
                QStringLiteral("reply code changed from %1 to %2 inside one reply").arg(m_pending.code).arg(code));
        }
        if (m_pending.lines.size() >= m_limits.maxLines) {
            return breakStream(QStringLiteral("a reply has more than %1 lines").arg(m_limits.maxLines));
        }
        m_pending.code = code;
        QByteArrayView text = line.size() > 4 ? line.sliced(4) : QByteArrayView();
        if (const qsizetype statusLength = enhancedStatusLength(text, code); statusLength > 0) {
            const QByteArrayView status = text.first(statusLength);
            if (m_pending.lines.isEmpty()) {
                m_pending.enhancedStatus = status.toByteArray();
            }
            if (status == m_pending.enhancedStatus) {
                text = text.sliced(statusLength).trimmed();
            }
        }
        m_pending.lines.append(text.toByteArray());
        const bool last = line.size() == 3 || line.at(3) == ' ';
        if (last) {
            reply = std::exchange(m_pending, {});
            m_pendingBytes = 0;
            return Status::Reply;
        }
    }
}

SmtpCapabilities SmtpCodec::parseCapabilities(const SmtpReply &ehloReply)
{
    SmtpCapabilities capabilities;
    capabilities.known = true;
    for (qsizetype i = 1; i < ehloReply.lines.size(); ++i) {
        QByteArrayList words = ehloReply.lines.at(i).simplified().split(' ');
        if (words.isEmpty() || words.first().isEmpty()) {
            continue;
        }
        QByteArray keyword = words.takeFirst().toUpper();
        if (keyword.startsWith("AUTH=")) { // the pre-standard form some servers still send: AUTH=LOGIN PLAIN
            words.prepend(keyword.mid(5));
            keyword = "AUTH";
        }
        if (!capabilities.keywords.contains(keyword)) {
            capabilities.keywords.append(keyword);
        }
        if (keyword == "AUTH") {
            for (const QByteArray &mechanism : std::as_const(words)) {
                if (!mechanism.isEmpty() && !capabilities.hasAuth(mechanism)) {
                    capabilities.authMechanisms.append(mechanism.toUpper());
                }
            }
        } else if (keyword == "STARTTLS") {
            capabilities.startTls = true;
        } else if (keyword == "PIPELINING") {
            capabilities.pipelining = true;
        } else if (keyword == "8BITMIME") {
            capabilities.eightBitMime = true;
        } else if (keyword == "SMTPUTF8") {
            capabilities.smtpUtf8 = true;
        } else if (keyword == "ENHANCEDSTATUSCODES") {
            capabilities.enhancedStatusCodes = true;
        } else if (keyword == "SIZE") {
            capabilities.hasSize = true;
            bool ok = false;
            const qint64 limit = words.isEmpty() ? 0 : words.first().toLongLong(&ok);
            capabilities.maxSize = ok && limit > 0 ? limit : 0;
        }
    }
    return capabilities;
}

QByteArray SmtpCodec::command(QByteArrayView verb, QByteArrayView argument)
{
    QByteArray line = verb.toByteArray();
    if (!argument.isEmpty()) {
        line += ' ' + argument.toByteArray();
    }
    return line + "\r\n";
}

QByteArray SmtpCodec::mailFrom(const QString &address, const MailParameters &parameters)
{
    QByteArray line = "MAIL FROM:<" + address.toUtf8() + '>';
    if (parameters.size >= 0) {
        line += " SIZE=" + QByteArray::number(parameters.size);
    }
    if (parameters.eightBitMime) {
        line += " BODY=8BITMIME";
    }
    if (parameters.smtpUtf8) {
        line += " SMTPUTF8";
    }
    return line + "\r\n";
}

QByteArray SmtpCodec::rcptTo(const QString &address)
{
    return "RCPT TO:<" + address.toUtf8() + ">\r\n";
}

bool SmtpCodec::isValidPath(const QString &address)
{
    return std::none_of(address.cbegin(), address.cend(), [](QChar c) {
        return c.unicode() <= 0x20 || c.unicode() == 0x7f || c == u'<' || c == u'>'
            || c.category() == QChar::Other_Control || c.category() == QChar::Separator_Line
            || c.category() == QChar::Separator_Paragraph;
    });
}

bool SmtpCodec::isSevenBit(QByteArrayView bytes)
{
    return std::none_of(bytes.cbegin(), bytes.cend(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

QByteArray SmtpCodec::dotStuff(QByteArrayView raw)
{
    QByteArray out;
    out.reserve(raw.size() + raw.size() / 64 + 8);
    bool lineStart = true;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (c == '\r' || c == '\n') {
            out += "\r\n";
            if (c == '\r' && i + 1 < raw.size() && raw.at(i + 1) == '\n') {
                ++i;
            }
            lineStart = true;
            continue;
        }
        if (lineStart && c == '.') {
            out += '.';
        }
        out += c;
        lineStart = false;
    }
    if (!lineStart) {
        out += "\r\n";
    }
    return out + ".\r\n";
}

QString SmtpCodec::queueId(const SmtpReply &reply)
{
    static const QList<QRegularExpression> patterns {
        QRegularExpression(QStringLiteral(R"(queued as\s+<?([\w.@\-]+)>?)"), QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(
            QStringLiteral(R"((?:^|[\s\[(])id=<?([\w.@\-]+)>?)"), QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral(R"(InternalId=(\w+))"), QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral(R"((\S+)\s+-\s+gsmtp\s*$)")),
        QRegularExpression(QStringLiteral(R"(^<?([\w.@\-]{8,})>?\s+Message accepted for delivery)"),
            QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral(R"(^Ok\s+([\w\-]{16,})\s*$)"), QRegularExpression::CaseInsensitiveOption),
    };
    for (qsizetype i = reply.lines.size() - 1; i >= 0; --i) {
        const QString line = QString::fromUtf8(reply.lines.at(i)).trimmed();
        for (const QRegularExpression &pattern : patterns) {
            if (const QRegularExpressionMatch match = pattern.match(line); match.hasMatch()) {
                return match.captured(1);
            }
        }
    }
    return {};
}

} // namespace waybill::channels::email
