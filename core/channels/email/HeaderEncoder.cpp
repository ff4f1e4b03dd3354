// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HeaderEncoder.h"

#include <QDateTime>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>

namespace waybill::channels::email {

namespace {

constexpr int MaxEncodedWord = 75; // RFC 2047 §2
constexpr int MaxPlainWord = 70;
constexpr qsizetype MaxIdLength = 900; // "<id>" must fit one 998-byte line
constexpr qsizetype MaxParameterSegment = 60;
const QByteArray WordPrefix = QByteArrayLiteral("=?UTF-8?");

/// Collects tokens separated by single spaces and folds before a token that would pass the line limit.
class FieldWriter final {
public:
    explicit FieldWriter(const QByteArray &name)
        : m_out(name + ':')
        , m_column(int(name.size()) + 1)
    {
    }

    /// Characters a token can have on the current line after its separating space.
    int room() const { return HeaderEncoder::MaxLineLength - m_column - 1; }
    bool lineHasToken() const { return m_lineHasToken; }

    void fold()
    {
        m_out += "\r\n";
        m_column = 0;
        m_lineHasToken = false;
    }

    void token(const QByteArray &text)
    {
        if (m_lineHasToken && text.size() > room()) {
            fold();
        }
        m_out += ' ' + text;
        m_column += int(text.size()) + 1;
        m_lineHasToken = true;
    }

    QByteArray finish() const { return m_out + "\r\n"; }

private:
    QByteArray m_out;
    int m_column = 0;
    bool m_lineHasToken = false;
};

bool isQSafe(char c)
{
    // RFC 2047 §5 (3): the characters allowed in a Q word wherever it appears, phrases included.
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '!' || c == '*'
        || c == '+' || c == '-' || c == '/';
}

qsizetype qLength(const QByteArray &bytes)
{
    qsizetype length = 0;
    for (const char c : bytes) {
        length += (isQSafe(c) || c == ' ') ? 1 : 3;
    }
    return length;
}

qsizetype bLength(qsizetype bytes)
{
    return (bytes + 2) / 3 * 4;
}

QByteArray qEncode(const QByteArray &bytes)
{
    QByteArray out;
    for (const char c : bytes) {
        if (isQSafe(c)) {
            out += c;
        } else if (c == ' ') {
            out += '_';
        } else {
            out += '=' + QByteArray(1, c).toHex().toUpper();
        }
    }
    return out;
}

/// The value's characters with control and line-separating characters turned into spaces, white space collapsed.
QString sanitized(const QString &value)
{
    QString out = value;
    for (QChar &c : out) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Separator_Line
            || c.category() == QChar::Separator_Paragraph) {
            c = QLatin1Char(' ');
        }
    }
    return out.simplified();
}

/// UTF-8 bytes of each character (code point) of `text`, so that encoded words never split one.
QList<QByteArray> characters(const QString &text)
{
    QList<QByteArray> out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const qsizetype length = (text.at(i).isHighSurrogate() && i + 1 < text.size()) ? 2 : 1;
        out.append(text.mid(i, length).toUtf8());
        i += length - 1;
    }
    return out;
}

/// Writes `text` as encoded words, the first one sized to what is left of the current line.
void writeEncoded(FieldWriter &writer, const QString &text)
{
    const QList<QByteArray> chars = characters(text);
    const QByteArray utf8 = text.toUtf8();
    const bool useB = bLength(utf8.size()) < qLength(utf8);
    const qsizetype overhead = WordPrefix.size() + 4; // "B?" + "?="
    constexpr qsizetype LargestCharacter = 12; // four bytes in Q
    qsizetype index = 0;
    while (index < chars.size()) {
        if (writer.lineHasToken() && writer.room() < overhead + LargestCharacter) {
            writer.fold();
        }
        const qsizetype limit = std::min<qsizetype>(MaxEncodedWord, writer.room()) - overhead;
        QByteArray chunk;
        qsizetype encodedLength = 0;
        while (index < chars.size()) {
            const QByteArray &next = chars.at(index);
            const qsizetype nextLength = useB ? bLength(chunk.size() + next.size()) : encodedLength + qLength(next);
            if (!chunk.isEmpty() && nextLength > limit) {
                break;
            }
            chunk += next;
            encodedLength = nextLength;
            ++index;
        }
        writer.token(WordPrefix + (useB ? "B?" + chunk.toBase64() : "Q?" + qEncode(chunk)) + "?=");
    }
}

bool isPlainWord(const QString &word)
{
    if (word.size() > MaxPlainWord || word.contains(QLatin1String("=?"))) {
        return false;
    }
    return std::all_of(word.cbegin(), word.cend(), [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
}

bool isAtext(QChar c)
{
    static const QByteArray specials = QByteArrayLiteral("!#$%&'*+-/=?^_`{|}~");
    const char16_t u = c.unicode();
    return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')
        || (u < 0x80 && specials.contains(char(u)));
}

/// A display name: atoms, a quoted string, or encoded words when it is not plain ASCII.
void writePhrase(FieldWriter &writer, const QString &name)
{
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!std::all_of(words.cbegin(), words.cend(), isPlainWord)) {
        writeEncoded(writer, name);
        return;
    }
    const bool atoms = std::all_of(name.cbegin(), name.cend(), [](QChar c) { return isAtext(c) || c == u' '; });
    for (qsizetype i = 0; i < words.size(); ++i) {
        QByteArray word = words.at(i).toLatin1();
        if (!atoms) {
            word.replace('\\', "\\\\").replace('"', "\\\"");
            word = (i == 0 ? "\"" : "") + word + (i == words.size() - 1 ? "\"" : "");
        }
        writer.token(word);
    }
}

QByteArray addressBytes(const QString &address)
{
    QString cleaned;
    for (const QChar c : address) {
        if (c.unicode() > 0x20 && c.unicode() != 0x7f && !c.isSpace() && c != u'<' && c != u'>' && c != u',') {
            cleaned += c;
        }
    }
    const qsizetype at = cleaned.lastIndexOf(QLatin1Char('@'));
    if (at <= 0) {
        return cleaned.toUtf8();
    }
    const QString domain = cleaned.mid(at + 1);
    const QByteArray ace = QUrl::toAce(domain);
    // The local part stays UTF-8 (RFC 6531): only an SMTPUTF8 server takes such an address.
    return cleaned.left(at).toUtf8() + '@' + (ace.isEmpty() ? domain.toUtf8() : ace);
}

bool isAttributeChar(char c)
{
    // RFC 2231 attribute-char: a token character other than '*', '\'' and '%'.
    static const QByteArray allowed = QByteArrayLiteral("!#$&+-.^_`|~");
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || allowed.contains(c);
}

/// RFC 2231 "name*=UTF-8''…", split into "name*0*=…", "name*1*=…" at character boundaries when long.
QList<QByteArray> rfc2231(const QByteArray &name, const QString &value)
{
    QList<QByteArray> segments { QByteArray() };
    for (const QByteArray &character : characters(value)) {
        QByteArray encoded;
        for (const char c : character) {
            encoded += isAttributeChar(c) ? QByteArray(1, c) : '%' + QByteArray(1, c).toHex().toUpper();
        }
        if (!segments.constLast().isEmpty() && segments.constLast().size() + encoded.size() > MaxParameterSegment) {
            segments.append(QByteArray());
        }
        segments.last() += encoded;
    }
    if (segments.size() == 1) {
        return { name + "*=UTF-8''" + segments.constFirst() };
    }
    QList<QByteArray> out;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        out.append(name + '*' + QByteArray::number(i) + "*=" + (i == 0 ? "UTF-8''" : "") + segments.at(i));
    }
    return out;
}

} // namespace

QByteArray HeaderEncoder::unstructured(const QByteArray &name, const QString &value)
{
    FieldWriter writer(name);
    const QStringList words = sanitized(value).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList run;
    const auto flush = [&writer, &run] {
        if (!run.isEmpty()) {
            writeEncoded(writer, run.join(QLatin1Char(' ')));
            run.clear();
        }
    };
    for (const QString &word : words) {
        if (isPlainWord(word)) {
            flush();
            writer.token(word.toLatin1());
        } else {
            run.append(word);
        }
    }
    flush();
    return writer.finish();
}

QByteArray HeaderEncoder::addresses(const QByteArray &name, const QList<OutgoingMail::Mailbox> &mailboxes)
{
    QList<std::pair<QString, QByteArray>> usable;
    for (const OutgoingMail::Mailbox &mailbox : mailboxes) {
        const QByteArray address = addressBytes(mailbox.address);
        if (!address.isEmpty()) {
            usable.append({ sanitized(mailbox.name), address });
        }
    }
    if (usable.isEmpty()) {
        return {};
    }
    FieldWriter writer(name);
    for (qsizetype i = 0; i < usable.size(); ++i) {
        const auto &[display, address] = usable.at(i);
        const QByteArray separator = i + 1 < usable.size() ? QByteArrayLiteral(",") : QByteArray();
        if (display.isEmpty()) {
            writer.token(address + separator);
        } else {
            writePhrase(writer, display);
            writer.token('<' + address + '>' + separator);
        }
    }
    return writer.finish();
}

QByteArray HeaderEncoder::messageIds(const QByteArray &name, const QStringList &ids)
{
    FieldWriter writer(name);
    bool any = false;
    for (const QString &id : ids) {
        QByteArray cleaned;
        for (const char c : id.toUtf8()) {
            if (static_cast<unsigned char>(c) > 0x20 && c != 0x7f && c != '<' && c != '>') {
                cleaned += c;
            }
        }
        if (!cleaned.isEmpty() && cleaned.size() <= MaxIdLength) {
            writer.token('<' + cleaned + '>');
            any = true;
        }
    }
    return any ? writer.finish() : QByteArray();
}

QByteArray HeaderEncoder::withParameters(
    const QByteArray &name, const QByteArray &value, const QList<Parameter> &parameters)
{
    QList<QByteArray> tokens { value };
    for (const Parameter &parameter : parameters) {
        const QString text = sanitized(parameter.value);
        const bool plain = text.size() <= MaxParameterSegment && std::all_of(text.cbegin(), text.cend(), [](QChar c) {
            return c.unicode() >= 0x20 && c.unicode() < 0x7f;
        });
        if (plain && !text.contains(QLatin1String("=?"))) {
            QByteArray quoted = text.toLatin1();
            quoted.replace('\\', "\\\\").replace('"', "\\\"");
            tokens.append(parameter.name + "=\"" + quoted + '"');
        } else if (parameter.encodedWords) {
            // One encoded word per line inside the quotes: unfolding joins them and the space between encoded
            // words is not part of the value.
            // The stand-in field name puts the first word where it will stand, after ` name="`, with room for
            // the closing `";`.
            const QByteArray standIn(parameter.name.size() + 3, 'x');
            FieldWriter words(standIn);
            writeEncoded(words, text);
            const QByteArray joined = words.finish().mid(standIn.size() + 2).trimmed();
            tokens.append(parameter.name + "=\"" + joined + '"');
        } else {
            tokens.append(rfc2231(parameter.name, text));
        }
    }
    QByteArray out = name + ": ";
    qsizetype column = out.size();
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QByteArray token = tokens.at(i) + (i + 1 < tokens.size() ? ";" : "");
        const qsizetype firstLine = token.contains('\n') ? token.indexOf('\r') : token.size();
        if (i > 0) {
            if (column + 1 + firstLine > MaxLineLength) {
                out += "\r\n";
                column = 0;
            }
            out += ' ';
            ++column;
        }
        out += token;
        column = token.contains('\n') ? token.size() - token.lastIndexOf('\n') - 1 : column + token.size();
    }
    return out + "\r\n";
}

QByteArray HeaderEncoder::date(qint64 epochSeconds, int utcOffsetMinutes)
{
    static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
    static const char *const months[]
        = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    const QDateTime local
        = QDateTime::fromSecsSinceEpoch(epochSeconds + qint64(utcOffsetMinutes) * 60, QTimeZone::utc());
    const QDate day = local.date();
    const QTime time = local.time();
    const int offset = std::abs(utcOffsetMinutes);
    return QByteArray(days[day.dayOfWeek() - 1]) + ", " + QByteArray::number(day.day()).rightJustified(2, '0') + ' '
        + months[day.month() - 1] + ' ' + QByteArray::number(day.year()) + ' '
        + QByteArray::number(time.hour()).rightJustified(2, '0') + ':'
        + QByteArray::number(time.minute()).rightJustified(2, '0') + ':'
        + QByteArray::number(time.second()).rightJustified(2, '0') + ' ' + (utcOffsetMinutes < 0 ? '-' : '+')
        + QByteArray::number(offset / 60).rightJustified(2, '0')
        + QByteArray::number(offset % 60).rightJustified(2, '0');
}

} // namespace waybill::channels::email
