// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapArgument.h"
#include "ImapResponse.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace waybill::channels::email {

/// The IMAP4rev1 wire format without I/O: feed it the bytes as they arrive, in chunks of any size, and take
/// complete responses out; format commands to bytes. Literals (`{n}\r\n` + n bytes) may be split across any number
/// of reads; a line without its CRLF waits for more bytes.
///
/// Errors: a response that does not parse gives Status::Error once and the codec goes on with the next one; a
/// framing error (line or literal over the limits, a bad literal size) breaks the codec for good (isBroken()):
/// the caller drops the connection. Not thread-safe; owned by one ImapClient.
class ImapCodec final {
public:
    struct Limits {
        qsizetype maxLineLength = 8 * 1024 * 1024; ///< one line outside literals (a SEARCH of 1M UIDs fits)
        qint64 maxLiteralSize = 512LL * 1024 * 1024;
    };
    enum class Status {
        NeedMoreData,
        Response,
        Error,
    };

    ImapCodec();
    explicit ImapCodec(Limits limits);

    void feed(QByteArrayView bytes);
    /// Takes the next complete response into `response`.
    Status next(ImapResponse &response);
    QString errorString() const { return m_error; }
    bool isBroken() const { return m_broken; }
    /// Bytes received but not yet returned as a response.
    qsizetype bufferedBytes() const;
    void reset();

    /// `tag args…\r\n` as segments to write in order; every segment after the first must wait for the server's
    /// `+` continuation (a synchronising literal). With `literalPlus` (server has LITERAL+) there is one segment.
    static QList<QByteArray> formatCommand(QByteArrayView tag, const QList<ImapArgument> &arguments, bool literalPlus);
    /// `"text"` with `\` and `"` escaped, or an empty array if the text needs a literal (CR, LF, NUL, 8-bit).
    static QByteArray quoted(QByteArrayView text);
    /// A UID set such as `1:5,7,9:12` from UIDs in any order.
    static QByteArray formatSequenceSet(QList<quint32> uids);
    static QByteArray encodeMailboxName(const QString &name);
    static QString decodeMailboxName(QByteArrayView encoded);

private:
    Status parse(ImapResponse &response);
    Status fail(const QString &message);
    Status breakStream(const QString &message);

    Limits m_limits;
    QByteArray m_buffer;
    qsizetype m_pos = 0; ///< start of the bytes not yet consumed
    qsizetype m_scan = 0; ///< where the search for the next line end resumes
    qint64 m_literalWanted = -1;
    QList<QByteArray> m_segments; ///< the lines of the response being assembled, each ending before a literal
    QList<QByteArray> m_literals;
    bool m_broken = false;
    QString m_error;
};

} // namespace waybill::channels::email
