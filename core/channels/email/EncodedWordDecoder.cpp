// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EncodedWordDecoder.h"

#include "CharsetDecoder.h"

#include <QList>

namespace waybill::channels::email {

namespace {

struct Token {
    bool encoded = false;
    QByteArray charset; ///< encoded words only
    QByteArray bytes; ///< decoded bytes of an encoded word, raw bytes of plain text
};

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

QByteArray decodeQ(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '_') {
            out.append(' ');
        } else if (c == '=' && i + 2 < text.size() && hexValue(text.at(i + 1)) >= 0 && hexValue(text.at(i + 2)) >= 0) {
            out.append(char(hexValue(text.at(i + 1)) * 16 + hexValue(text.at(i + 2))));
            i += 2;
        } else {
            out.append(c);
        }
    }
    return out;
}

/// Parses an encoded word starting at `start` ("=?"); on success fills `token` and returns the index after
/// its closing "?=", else -1.
qsizetype parseEncodedWord(const QByteArray &value, qsizetype start, Token *token)
{
    constexpr qsizetype MaxCharsetLength = 64;
    const qsizetype charsetEnd = value.indexOf('?', start + 2);
    if (charsetEnd < 0 || charsetEnd == start + 2 || charsetEnd - start - 2 > MaxCharsetLength
        || charsetEnd + 2 >= value.size() || value.at(charsetEnd + 2) != '?') {
        return -1;
    }
    const QByteArray charset = value.mid(start + 2, charsetEnd - start - 2);
    for (const char c : charset) {
        if (c == ' ' || c == '\t' || c == '=' || (static_cast<unsigned char>(c) & 0x80) != 0) {
            return -1;
        }
    }
    const char encoding = value.at(charsetEnd + 1);
    const qsizetype textStart = charsetEnd + 3;
    const qsizetype textEnd = value.indexOf("?=", textStart);
    if (textEnd < 0) {
        return -1;
    }
    const QByteArray text = value.mid(textStart, textEnd - textStart);
    if (encoding == 'B' || encoding == 'b') {
        token->bytes = QByteArray::fromBase64(text.trimmed());
    } else if (encoding == 'Q' || encoding == 'q') {
        token->bytes = decodeQ(text);
    } else {
        return -1;
    }
    token->encoded = true;
    token->charset = charset;
    return textEnd + 2;
}

bool isBlank(const QByteArray &bytes)
{
    for (const char c : bytes) {
        if (c != ' ' && c != '\t') {
            return false;
        }
    }
    return true;
}

QString tidy(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (const QChar ch : text) {
        if (ch.unicode() <= 0x20 || ch.unicode() == 0x7F) {
            space = !out.isEmpty();
            continue;
        }
        if (space) {
            out.append(QLatin1Char(' '));
            space = false;
        }
        out.append(ch);
    }
    return out;
}

} // namespace

QByteArray EncodedWordDecoder::unfold(const QByteArray &rawValue)
{
    QByteArray out;
    out.reserve(rawValue.size());
    for (const char c : rawValue) {
        if (c != '\r' && c != '\n') {
            out.append(c);
        }
    }
    return out.trimmed();
}

QByteArray EncodedWordDecoder::repair8bit(const QByteArray &rawValue)
{
    const QByteArray value = unfold(rawValue);
    if (CharsetDecoder::isPlainAscii(value)) {
        return value;
    }
    const QByteArray charset = CharsetDecoder::detect(value);
    if (charset == "UTF-8") {
        return value;
    }
    return CharsetDecoder::decode(value, charset).toUtf8();
}

QString EncodedWordDecoder::decode(const QByteArray &rawValue)
{
    const QByteArray value = unfold(rawValue);
    QList<Token> tokens;
    qsizetype pos = 0;
    qsizetype plainStart = 0;
    while (pos < value.size()) {
        const qsizetype start = value.indexOf("=?", pos);
        if (start < 0) {
            break;
        }
        Token word;
        const qsizetype end = parseEncodedWord(value, start, &word);
        if (end < 0) {
            pos = start + 2;
            continue;
        }
        if (start > plainStart) {
            tokens.append(Token { false, {}, value.mid(plainStart, start - plainStart) });
        }
        tokens.append(word);
        pos = plainStart = end;
    }
    if (plainStart < value.size()) {
        tokens.append(Token { false, {}, value.mid(plainStart) });
    }

    // White space between two encoded words is not part of the text; adjacent words in one charset are joined
    // before conversion so that a character split between them survives.
    QList<Token> merged;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const Token &token = tokens.at(i);
        if (!token.encoded && isBlank(token.bytes) && i > 0 && i + 1 < tokens.size() && tokens.at(i - 1).encoded
            && tokens.at(i + 1).encoded) {
            continue;
        }
        if (token.encoded && !merged.isEmpty() && merged.back().encoded
            && merged.back().charset.compare(token.charset, Qt::CaseInsensitive) == 0) {
            merged.back().bytes.append(token.bytes);
            continue;
        }
        merged.append(token);
    }

    QByteArray plainBytes;
    for (const Token &token : std::as_const(merged)) {
        if (!token.encoded) {
            plainBytes.append(token.bytes);
        }
    }
    const QByteArray plainCharset = CharsetDecoder::detect(plainBytes);

    QString text;
    for (const Token &token : std::as_const(merged)) {
        text.append(CharsetDecoder::decode(token.bytes, token.encoded ? token.charset : plainCharset));
    }
    return tidy(text);
}

QString EncodedWordDecoder::displayName(const QByteArray &rawValue, const QString &fallback)
{
    const QByteArray value = unfold(rawValue);
    const qsizetype open = value.lastIndexOf('<');
    if (open <= 0 || value.indexOf('>', open) < 0 || value.left(open).contains(',')) {
        return fallback;
    }
    QString name = decode(value.left(open));
    if (name.size() >= 2 && name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"'))) {
        name = name.mid(1, name.size() - 2).replace(QLatin1String("\\\""), QLatin1String("\"")).trimmed();
    }
    return name.isEmpty() ? fallback : name;
}

} // namespace waybill::channels::email
