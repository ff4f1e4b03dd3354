// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapCodec.h"

#include <algorithm>
#include <optional>

namespace waybill::channels::email {

namespace {

constexpr int MaxListDepth = 64;

/// Walks the segments of one response; a segment that ends in `{n}` is followed by literal n.
class Tokenizer final {
public:
    Tokenizer(const QList<QByteArray> &segments, const QList<QByteArray> &literals)
        : m_segments(segments)
        , m_literals(literals)
    {
    }

    bool atEnd() const { return m_segment >= m_segments.size() || (isLastSegment() && m_pos >= current().size()); }
    char peek() const { return m_pos < current().size() ? current().at(m_pos) : '\0'; }
    bool atSegmentEnd() const { return m_pos >= current().size(); }
    void skip(qsizetype count = 1) { m_pos += count; }
    bool skipSpaces()
    {
        const qsizetype start = m_pos;
        while (!atSegmentEnd() && peek() == ' ') {
            ++m_pos;
        }
        return m_pos > start;
    }
    QByteArray restOfSegment()
    {
        QByteArray rest = current().mid(m_pos);
        m_pos = current().size();
        return rest;
    }
    const QString &error() const { return m_error; }

    /// One value; `closer` is the extra character that ends an atom (`]` inside a response code).
    std::optional<ImapValue> value(char closer, int depth = 0)
    {
        if (atSegmentEnd()) {
            return failed(QStringLiteral("value expected at the end of a line"));
        }
        const char c = peek();
        if (c == '(') {
            return list(depth);
        }
        if (c == '"') {
            return quoted();
        }
        if (c == '{') {
            return literal();
        }
        return atom(closer);
    }

private:
    bool isLastSegment() const { return m_segment == m_segments.size() - 1; }
    const QByteArray &current() const { return m_segments.at(std::min(m_segment, m_segments.size() - 1)); }

    std::nullopt_t failed(const QString &message)
    {
        if (m_error.isEmpty()) {
            m_error = message;
        }
        return std::nullopt;
    }

    std::optional<ImapValue> list(int depth)
    {
        if (depth >= MaxListDepth) {
            return failed(QStringLiteral("lists nested too deeply"));
        }
        skip(); // (
        QList<ImapValue> items;
        for (;;) {
            skipSpaces();
            if (atSegmentEnd()) {
                return failed(QStringLiteral("unterminated list"));
            }
            if (peek() == ')') {
                skip();
                return ImapValue::listOf(std::move(items));
            }
            auto item = value(')', depth + 1);
            if (!item) {
                return std::nullopt;
            }
            items.append(std::move(*item));
        }
    }

    std::optional<ImapValue> quoted()
    {
        skip(); // "
        QByteArray text;
        while (!atSegmentEnd()) {
            char c = peek();
            skip();
            if (c == '"') {
                return ImapValue::string(std::move(text));
            }
            if (c == '\\') {
                if (atSegmentEnd()) {
                    break;
                }
                c = peek();
                skip();
            }
            text.append(c);
        }
        return failed(QStringLiteral("unterminated quoted string"));
    }

    std::optional<ImapValue> literal()
    {
        const QByteArray &line = current();
        const qsizetype close = line.indexOf('}', m_pos);
        if (close != line.size() - 1 || m_segment >= m_literals.size()) {
            return failed(QStringLiteral("literal marker not at the end of a line"));
        }
        QByteArray literal = m_literals.at(m_segment);
        ++m_segment;
        m_pos = 0;
        return ImapValue::string(std::move(literal));
    }

    std::optional<ImapValue> atom(char closer)
    {
        const QByteArray &line = current();
        const qsizetype start = m_pos;
        while (m_pos < line.size()) {
            const char c = line.at(m_pos);
            if (c == ' ' || c == '(' || c == ')' || c == '"' || c == closer || c == '\r' || c == '\n') {
                break;
            }
            if (c == '[') { // a section such as BODY[HEADER.FIELDS (SUBJECT)] belongs to the atom
                int depth = 0;
                while (m_pos < line.size()) {
                    const char s = line.at(m_pos++);
                    depth += s == '[' ? 1 : (s == ']' ? -1 : 0);
                    if (depth == 0) {
                        break;
                    }
                }
                if (depth != 0) {
                    return failed(QStringLiteral("unterminated section"));
                }
                continue;
            }
            ++m_pos;
        }
        if (m_pos == start) {
            return failed(QStringLiteral("unexpected character '%1'").arg(QLatin1Char(line.at(start))));
        }
        QByteArray text = line.mid(start, m_pos - start);
        if (text.compare("NIL", Qt::CaseInsensitive) == 0) {
            return ImapValue::nil();
        }
        if (std::all_of(text.cbegin(), text.cend(), [](char c) { return c >= '0' && c <= '9'; })) {
            bool ok = false;
            const quint64 number = text.toULongLong(&ok);
            if (ok) {
                return ImapValue::numberValue(number);
            }
        }
        return ImapValue::atom(std::move(text));
    }

    const QList<QByteArray> &m_segments;
    const QList<QByteArray> &m_literals;
    qsizetype m_segment = 0;
    qsizetype m_pos = 0;
    QString m_error;
};

ImapResponse::Status statusFor(QByteArrayView name)
{
    if (name == "OK") {
        return ImapResponse::Status::Ok;
    }
    if (name == "NO") {
        return ImapResponse::Status::No;
    }
    if (name == "BAD") {
        return ImapResponse::Status::Bad;
    }
    if (name == "PREAUTH") {
        return ImapResponse::Status::PreAuth;
    }
    if (name == "BYE") {
        return ImapResponse::Status::Bye;
    }
    return ImapResponse::Status::None;
}

/// resp-text: an optional [CODE args] and the text to the end of the line.
bool parseResponseText(Tokenizer &tokens, ImapResponse &response)
{
    tokens.skipSpaces();
    if (tokens.peek() == '[') {
        tokens.skip();
        auto code = tokens.value(']');
        if (!code || code->type != ImapValue::Type::Atom) {
            return false;
        }
        response.code = code->bytes.toUpper();
        for (;;) {
            tokens.skipSpaces();
            if (tokens.atSegmentEnd()) {
                return false;
            }
            if (tokens.peek() == ']') {
                tokens.skip();
                break;
            }
            auto argument = tokens.value(']');
            if (!argument) {
                return false;
            }
            response.codeArgs.append(std::move(*argument));
        }
        tokens.skipSpaces();
    }
    response.text = tokens.restOfSegment();
    return true;
}

} // namespace

ImapCodec::ImapCodec()
    : ImapCodec(Limits {})
{
}

ImapCodec::ImapCodec(Limits limits)
    : m_limits(limits)
{
}

void ImapCodec::feed(QByteArrayView bytes)
{
    m_buffer.append(bytes);
}

qsizetype ImapCodec::bufferedBytes() const
{
    return m_buffer.size() - m_pos;
}

void ImapCodec::reset()
{
    m_buffer.clear();
    m_pos = 0;
    m_scan = 0;
    m_literalWanted = -1;
    m_segments.clear();
    m_literals.clear();
    m_broken = false;
    m_error.clear();
}

ImapCodec::Status ImapCodec::next(ImapResponse &response)
{
    while (!m_broken) {
        if (m_literalWanted >= 0) {
            if (m_buffer.size() - m_pos < m_literalWanted) {
                return Status::NeedMoreData;
            }
            m_literals.append(m_buffer.mid(m_pos, static_cast<qsizetype>(m_literalWanted)));
            m_pos += static_cast<qsizetype>(m_literalWanted);
            m_scan = m_pos;
            m_literalWanted = -1;
            continue;
        }
        const qsizetype end = m_buffer.indexOf('\n', std::max(m_scan, m_pos));
        if (end < 0) {
            m_scan = m_buffer.size();
            if (m_buffer.size() - m_pos > m_limits.maxLineLength) {
                return breakStream(
                    QStringLiteral("a response line is longer than %1 bytes").arg(m_limits.maxLineLength));
            }
            if (m_pos > 0 && m_pos == m_buffer.size()) {
                m_buffer.clear();
                m_pos = 0;
                m_scan = 0;
            }
            return Status::NeedMoreData;
        }
        const qsizetype lineEnd = (end > m_pos && m_buffer.at(end - 1) == '\r') ? end - 1 : end;
        if (lineEnd - m_pos > m_limits.maxLineLength) {
            return breakStream(QStringLiteral("a response line is longer than %1 bytes").arg(m_limits.maxLineLength));
        }
        QByteArray line = m_buffer.mid(m_pos, lineEnd - m_pos);
        m_pos = end + 1;
        m_scan = m_pos;
        if (line.endsWith('}')) {
            const qsizetype open = line.lastIndexOf('{');
            if (open >= 0) {
                QByteArrayView digits = QByteArrayView(line).sliced(open + 1, line.size() - open - 2);
                if (digits.endsWith('+')) {
                    digits.chop(1);
                }
                bool ok = !digits.isEmpty() && digits.size() <= 12
                    && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
                const qint64 size = ok ? digits.toLongLong(&ok) : -1;
                if (!ok) {
                    return breakStream(
                        QStringLiteral("bad literal size in: %1").arg(QString::fromLatin1(line.left(200))));
                }
                if (size > m_limits.maxLiteralSize) {
                    return breakStream(QStringLiteral("a literal of %1 bytes is over the limit of %2")
                                           .arg(size)
                                           .arg(m_limits.maxLiteralSize));
                }
                m_segments.append(std::move(line));
                m_literalWanted = size;
                continue;
            }
        }
        m_segments.append(std::move(line));
        if (m_pos > 0) {
            m_buffer.remove(0, m_pos);
            m_pos = 0;
            m_scan = 0;
        }
        const Status status = parse(response);
        m_segments.clear();
        m_literals.clear();
        return status;
    }
    return Status::Error;
}

ImapCodec::Status ImapCodec::parse(ImapResponse &response)
{
    response = ImapResponse {};
    Tokenizer tokens(m_segments, m_literals);
    const QByteArray &first = m_segments.first();
    if (first.isEmpty()) {
        return fail(QStringLiteral("empty response line"));
    }
    if (first.startsWith('+')) {
        response.kind = ImapResponse::Kind::Continuation;
        response.text = first.mid(first.startsWith("+ ") ? 2 : 1);
        return Status::Response;
    }
    const auto head = tokens.value('\0');
    if (!head || head->type != ImapValue::Type::Atom || !tokens.skipSpaces()) {
        return fail(QStringLiteral("malformed response: %1").arg(QString::fromLatin1(first.left(200))));
    }
    if (head->bytes == "*") {
        response.kind = ImapResponse::Kind::Untagged;
    } else {
        response.kind = ImapResponse::Kind::Tagged;
        response.tag = head->bytes;
    }
    auto word = tokens.value('\0');
    if (!word) {
        return fail(QStringLiteral("malformed response: %1").arg(QString::fromLatin1(first.left(200))));
    }
    if (word->isNumber() && response.kind == ImapResponse::Kind::Untagged) {
        if (word->number > 0xffffffffULL) {
            return fail(QStringLiteral("message number out of range"));
        }
        response.number = static_cast<quint32>(word->number);
        tokens.skipSpaces();
        word = tokens.value('\0');
        if (!word) {
            return fail(QStringLiteral("malformed response: %1").arg(QString::fromLatin1(first.left(200))));
        }
    }
    if (word->type != ImapValue::Type::Atom) {
        return fail(QStringLiteral("malformed response: %1").arg(QString::fromLatin1(first.left(200))));
    }
    response.name = word->bytes.toUpper();
    response.status = statusFor(response.name);
    if (response.status != ImapResponse::Status::None) {
        if (!parseResponseText(tokens, response)) {
            return fail(QStringLiteral("malformed response code: %1").arg(QString::fromLatin1(first.left(200))));
        }
        return Status::Response;
    }
    if (response.kind == ImapResponse::Kind::Tagged) {
        return fail(QStringLiteral("tagged response without a status: %1").arg(QString::fromLatin1(first.left(200))));
    }
    while (!tokens.atEnd()) {
        if (!tokens.skipSpaces() && !tokens.atSegmentEnd() && !response.values.isEmpty()) {
            return fail(QStringLiteral("missing space in: %1").arg(QString::fromLatin1(first.left(200))));
        }
        if (tokens.atEnd()) {
            break;
        }
        auto item = tokens.value('\0');
        if (!item) {
            return fail(QStringLiteral("%1 in: %2").arg(tokens.error(), QString::fromLatin1(first.left(200))));
        }
        response.values.append(std::move(*item));
    }
    return Status::Response;
}

ImapCodec::Status ImapCodec::fail(const QString &message)
{
    m_error = message;
    return Status::Error;
}

ImapCodec::Status ImapCodec::breakStream(const QString &message)
{
    m_broken = true;
    m_error = message;
    m_buffer.clear();
    m_pos = 0;
    m_scan = 0;
    return Status::Error;
}

QList<QByteArray> ImapCodec::formatCommand(QByteArrayView tag, const QList<ImapArgument> &arguments, bool literalPlus)
{
    QList<QByteArray> segments;
    QByteArray current = tag.toByteArray();
    for (const ImapArgument &argument : arguments) {
        current.append(' ');
        if (argument.type == ImapArgument::Type::Atom) {
            current.append(argument.bytes);
            continue;
        }
        const QByteArray quotedText = quoted(argument.bytes);
        if (!quotedText.isEmpty()) {
            current.append(quotedText);
            continue;
        }
        current.append('{').append(QByteArray::number(argument.bytes.size()));
        current.append(literalPlus ? "+}\r\n" : "}\r\n");
        if (!literalPlus) {
            segments.append(std::move(current));
            current.clear();
        }
        current.append(argument.bytes);
    }
    current.append("\r\n");
    segments.append(std::move(current));
    return segments;
}

QByteArray ImapCodec::quoted(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size() + 2);
    out.append('"');
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == 0 || byte == '\r' || byte == '\n' || byte >= 0x80) {
            return {};
        }
        if (c == '"' || c == '\\') {
            out.append('\\');
        }
        out.append(c);
    }
    out.append('"');
    return out;
}

QByteArray ImapCodec::formatSequenceSet(QList<quint32> uids)
{
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    QByteArray out;
    for (qsizetype i = 0; i < uids.size();) {
        qsizetype j = i;
        while (j + 1 < uids.size() && uids.at(j + 1) == uids.at(j) + 1) {
            ++j;
        }
        if (!out.isEmpty()) {
            out.append(',');
        }
        out.append(QByteArray::number(uids.at(i)));
        if (j > i) {
            out.append(':').append(QByteArray::number(uids.at(j)));
        }
        i = j + 1;
    }
    return out;
}

QByteArray ImapCodec::encodeMailboxName(const QString &name)
{
    QByteArray out;
    QString pending;
    const auto flush = [&]() {
        if (pending.isEmpty()) {
            return;
        }
        QByteArray utf16;
        for (const QChar c : std::as_const(pending)) {
            utf16.append(static_cast<char>(c.unicode() >> 8)).append(static_cast<char>(c.unicode() & 0xff));
        }
        QByteArray base64 = utf16.toBase64(QByteArray::OmitTrailingEquals);
        base64.replace('/', ',');
        out.append('&').append(base64).append('-');
        pending.clear();
    };
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (u >= 0x20 && u <= 0x7e) {
            flush();
            out.append(u == '&' ? QByteArrayView("&-") : QByteArrayView(QByteArray(1, static_cast<char>(u))));
        } else {
            pending.append(c);
        }
    }
    flush();
    return out;
}

QString ImapCodec::decodeMailboxName(QByteArrayView encoded)
{
    QString out;
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded.at(i);
        if (c != '&') {
            out.append(QLatin1Char(c));
            continue;
        }
        const qsizetype end = encoded.indexOf('-', i + 1);
        if (end < 0) {
            out.append(QString::fromLatin1(encoded.sliced(i)));
            break;
        }
        if (end == i + 1) {
            out.append(QLatin1Char('&'));
        } else {
            QByteArray base64 = encoded.sliced(i + 1, end - i - 1).toByteArray();
            base64.replace(',', '/');
            const QByteArray utf16 = QByteArray::fromBase64(base64);
            for (qsizetype k = 0; k + 1 < utf16.size(); k += 2) {
                out.append(QChar(static_cast<char16_t>(
                    (static_cast<unsigned char>(utf16.at(k)) << 8) | static_cast<unsigned char>(utf16.at(k + 1)))));
            }
        }
        i = end;
    }
    return out;
}

} // namespace waybill::channels::email
