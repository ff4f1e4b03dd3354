// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SmtpCapabilities.h"
#include "SmtpReply.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace waybill::channels::email {

/// The SMTP wire format (RFC 5321) without I/O: feed it the bytes as they arrive, in chunks of any size, and take
/// complete replies out (a multi-line `250-…`/`250 …` reply comes out once its last line is in); format commands and
/// the DATA content to bytes. A line without its line end waits for more bytes; a bare LF ends a line too.
///
/// Errors: SMTP cannot resynchronise, so anything that is not a reply (no three-digit code, a continuation with a
/// different code, a line or a reply over the limits) breaks the codec for good (Status::Error, isBroken()) and the
/// caller drops the connection. Not thread-safe; owned by one SmtpClient.
class SmtpCodec final {
public:
    struct Limits {
        qsizetype maxLineLength = 64 * 1024; ///< RFC 5321 says 512; real servers send longer EHLO and error lines
        qsizetype maxLines = 1000;
    };
    enum class Status {
        NeedMoreData,
        Reply,
        Error,
    };
    /// Parameters of MAIL FROM, added only when the server offers them (RFC 1870, 6152, 6531).
    struct MailParameters {
        qint64 size = -1; ///< SIZE=n when >= 0
        bool eightBitMime = false; ///< BODY=8BITMIME
        bool smtpUtf8 = false; ///< SMTPUTF8
    };

    SmtpCodec();
    explicit SmtpCodec(Limits limits);

    void feed(QByteArrayView bytes);
    /// Takes the next complete reply into `reply`.
    Status next(SmtpReply &reply);
    QString errorString() const { return m_error; }
    bool isBroken() const { return m_broken; }
    /// Bytes received but not yet returned as part of a reply (including the lines of an unfinished reply).
    qsizetype bufferedBytes() const;
    void reset();

    /// The extensions of an EHLO reply; the first line (the server's name) is skipped.
    static SmtpCapabilities parseCapabilities(const SmtpReply &ehloReply);
    /// `VERB argument\r\n`, or `VERB\r\n` without an argument.
    static QByteArray command(QByteArrayView verb, QByteArrayView argument = {});
    /// `MAIL FROM:<address> [SIZE=n] [BODY=8BITMIME] [SMTPUTF8]\r\n`; an empty address is the null path `<>`.
    static QByteArray mailFrom(const QString &address, const MailParameters &parameters);
    /// `RCPT TO:<address>\r\n`.
    static QByteArray rcptTo(const QString &address);
    /// True when `address` can go between `<` and `>`: no control characters, spaces or angle brackets (which
    /// would let a caller inject commands).
    static bool isValidPath(const QString &address);
    static bool isSevenBit(QByteArrayView bytes);
    /// The DATA content: every line that starts with `.` gets a second one (RFC 5321 §4.5.2), bare LF and bare CR
    /// become CRLF, a missing final line end is added, and the `.\r\n` that ends the content is appended.
    static QByteArray dotStuff(QByteArrayView raw);
    /// The queue id a server names in its final reply to DATA (Postfix "queued as X", Exim "id=X", sendmail, Gmail,
    /// Microsoft 365, Amazon SES); empty when it names none.
    static QString queueId(const SmtpReply &reply);

private:
    Status breakStream(const QString &message);

    Limits m_limits;
    QByteArray m_buffer;
    qsizetype m_pos = 0; ///< start of the bytes not yet consumed
    SmtpReply m_pending; ///< the lines of a multi-line reply read so far
    qsizetype m_pendingBytes = 0;
    bool m_broken = false;
    QString m_error;
};

} // namespace waybill::channels::email
