// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CharsetDecoder.h"

#include <QHash>
#include <QStringDecoder>
#include <QTextCodec>

namespace waybill::channels::email {

namespace {

const QHash<QByteArray, QByteArray> &aliases()
{
    static const QHash<QByteArray, QByteArray> table = [] {
        QHash<QByteArray, QByteArray> map;
        const auto add = [&map](const QByteArray &canonical, std::initializer_list<const char *> names) {
            for (const char *name : names) {
                map.insert(QByteArray(name), canonical);
            }
        };
        add("us-ascii",
            { "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "7bit", "8bit", "x-unknown", "unknown",
                "default" });
        add("UTF-8", { "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "utf-8-bom" });
        // WHATWG practice: Latin-1 labels are decoded as windows-1252 (a superset for every printable byte).
        add("windows-1252",
            { "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "windows-1252", "cp1252",
                "x-cp1252", "ansi" });
        add("GB18030",
            { "gb2312", "gbk", "cp936", "x-gbk", "euc-cn", "x-euc-cn", "chinese", "csgb2312", "gb_2312-80", "gb18030",
                "windows-936", "ms936" });
        add("Big5", { "big5", "big-5", "cn-big5", "x-x-big5", "csbig5", "cp950", "x-big5" });
        add("Big5-HKSCS", { "big5-hkscs", "big5hkscs" });
        add("Shift_JIS",
            { "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j", "cp932",
                "x-ms-cp932", "ms932", "shift_jisx0213" });
        add("ISO-2022-JP", { "iso-2022-jp", "csiso2022jp", "iso-2022-jp-1", "jis", "x-iso-2022-jp" });
        add("EUC-JP", { "euc-jp", "x-euc-jp", "eucjp", "cseucpkdfmtjapanese" });
        add("windows-949",
            { "ks_c_5601-1987", "ks_c_5601", "ks_c_5601-1989", "euc-kr", "korean", "cp949", "windows-949",
                "x-windows-949", "ksc5601", "csksc56011987", "x-euc-kr" });
        add("UTF-16", { "utf-16", "unicode", "ucs-2" });
        return map;
    }();
    return table;
}

bool isKana(char16_t c)
{
    return c >= 0x3040 && c <= 0x30FF;
}

bool isCjk(char16_t c)
{
    return (c >= 0x3000 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xFF01 && c <= 0xFF5E)
        || (c >= 0x3400 && c <= 0x4DBF);
}

/// Shares of the non-ASCII characters of `text` that are kana and that are CJK at all.
struct Shares {
    double kana = 0;
    double cjk = 0;
};

Shares sharesOf(const QString &text)
{
    qsizetype nonAscii = 0;
    qsizetype kana = 0;
    qsizetype cjk = 0;
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c < 0x80) {
            continue;
        }
        ++nonAscii;
        kana += isKana(c) ? 1 : 0;
        cjk += isCjk(c) ? 1 : 0;
    }
    if (nonAscii == 0) {
        return {};
    }
    return { double(kana) / double(nonAscii), double(cjk) / double(nonAscii) };
}

/// Share of 8-bit byte pairs that fall in GB2312's two-byte area (both bytes A1–FE, hanzi rows B0–F7).
double gbPairShare(const QByteArray &bytes)
{
    qsizetype pairs = 0;
    qsizetype gbLike = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto lead = static_cast<unsigned char>(bytes.at(i));
        if (lead < 0x81) {
            continue;
        }
        ++pairs;
        if (i + 1 < bytes.size()) {
            const auto trail = static_cast<unsigned char>(bytes.at(i + 1));
            if (lead >= 0xA1 && lead <= 0xF7 && trail >= 0xA1 && trail <= 0xFE) {
                ++gbLike;
            }
        }
        ++i;
    }
    return pairs == 0 ? 0.0 : double(gbLike) / double(pairs);
}

qsizetype countReplacements(const QString &text)
{
    return text.count(QChar(QChar::ReplacementCharacter));
}

} // namespace

bool CharsetDecoder::isPlainAscii(const QByteArray &bytes)
{
    for (const char c : bytes) {
        if ((static_cast<unsigned char>(c) & 0x80) != 0 || c == '\x1b') {
            return false;
        }
    }
    return true;
}

bool CharsetDecoder::isValidUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        char32_t min = 0;
        char32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2, min = 0x80, cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3, min = 0x800, cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4, min = 0x10000, cp = c & 0x07;
        } else {
            return false;
        }
        if (i + length > n) {
            return false;
        }
        for (int k = 1; k < length; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += length;
    }
    return true;
}

QByteArray CharsetDecoder::canonicalName(const QByteArray &charset)
{
    QByteArray label = charset.trimmed().toLower();
    while (label.startsWith('"') || label.startsWith('\'')) {
        label.remove(0, 1);
    }
    while (label.endsWith('"') || label.endsWith('\'') || label.endsWith(';')) {
        label.chop(1);
    }
    if (label.startsWith("3d")) { // "=3D" left over from quoted-printable damage
        label.remove(0, 2);
    }
    if (const qsizetype star = label.indexOf('*'); star > 0) { // RFC 2231 language suffix: "utf-8*en"
        label.truncate(star);
    }
    if (label.isEmpty()) {
        return {};
    }
    const auto &table = aliases();
    if (const auto it = table.constFind(label); it != table.constEnd()) {
        return it.value();
    }
    if (QTextCodec *codec = QTextCodec::codecForName(label)) {
        return codec->name();
    }
    if (label.startsWith("x-")) {
        return canonicalName(label.mid(2));
    }
    return {};
}

QString CharsetDecoder::decodeWith(const QByteArray &bytes, const QByteArray &canonical, int *invalid)
{
    *invalid = 0;
    if (canonical == "UTF-8") {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = decoder.decode(bytes);
        if (!text.isEmpty() && text.front() == QChar(QChar::ByteOrderMark)) {
            text.remove(0, 1);
        }
        *invalid = isValidUtf8(bytes) ? 0 : int(qMax<qsizetype>(1, countReplacements(text)));
        return text;
    }
    if (canonical == "us-ascii") {
        *invalid = isPlainAscii(bytes) ? 0 : 1;
        return QString::fromLatin1(bytes);
    }
    QTextCodec *codec = QTextCodec::codecForName(canonical);
    if (codec == nullptr) {
        *invalid = int(bytes.size()) + 1;
        return QString::fromLatin1(bytes);
    }
    QTextCodec::ConverterState state(QTextCodec::IgnoreHeader);
    const QString text = codec->toUnicode(bytes.constData(), int(bytes.size()), &state);
    *invalid = int(qMax<qsizetype>(state.invalidChars + state.remainingChars, countReplacements(text)));
    return text;
}

QByteArray CharsetDecoder::detect(const QByteArray &bytes)
{
    if (isPlainAscii(bytes)) {
        return QByteArrayLiteral("us-ascii");
    }
    if (bytes.contains("\x1b$B") || bytes.contains("\x1b$@") || bytes.contains("\x1b(J") || bytes.contains("\x1b$(D")) {
        return QByteArrayLiteral("ISO-2022-JP");
    }
    if (isValidUtf8(bytes)) {
        return QByteArrayLiteral("UTF-8");
    }
    int invalid = 0;
    const QString sjis = decodeWith(bytes, QByteArrayLiteral("Shift_JIS"), &invalid);
    const bool sjisClean = invalid == 0;
    const Shares sjisShares = sjisClean ? sharesOf(sjis) : Shares {};
    if (sjisClean && sjisShares.kana >= 0.2) {
        return QByteArrayLiteral("Shift_JIS");
    }
    const QString eucJp = decodeWith(bytes, QByteArrayLiteral("EUC-JP"), &invalid);
    if (invalid == 0 && sharesOf(eucJp).kana >= 0.2) {
        return QByteArrayLiteral("EUC-JP");
    }
    decodeWith(bytes, QByteArrayLiteral("GB18030"), &invalid);
    if (invalid == 0 && gbPairShare(bytes) >= 0.8) {
        return QByteArrayLiteral("GB18030");
    }
    if (sjisClean && sjisShares.cjk >= 0.999) {
        return QByteArrayLiteral("Shift_JIS");
    }
    return QByteArrayLiteral("windows-1252");
}

QString CharsetDecoder::decode(const QByteArray &bytes, const QByteArray &charset)
{
    if (bytes.isEmpty()) {
        return {};
    }
    QByteArray canonical = canonicalName(charset);
    if (canonical == "UTF-16" || canonical == "UTF-7" || canonical.startsWith("UTF-32")) {
        int invalid = 0;
        return decodeWith(bytes, canonical, &invalid);
    }
    if (isPlainAscii(bytes)) {
        return QString::fromLatin1(bytes);
    }
    if (canonical.isEmpty() || canonical == "us-ascii") {
        canonical = detect(bytes);
    } else if (canonical == "windows-1252" && isValidUtf8(bytes)) {
        canonical = QByteArrayLiteral("UTF-8"); // UTF-8 labelled Latin-1: valid multi-byte UTF-8 is never chance
    }
    int invalid = 0;
    if (canonical == "ISO-2022-JP") {
        // Adjacent encoded words are joined before decoding; the shift back to ASCII at the end of one word and
        // the shift into JIS at the start of the next are redundant, and some converters reject the pair.
        QByteArray normalized = bytes;
        normalized.replace("\x1b(B\x1b$B", "\x1b$B");
        normalized.replace("\x1b(J\x1b$B", "\x1b$B");
        QString text = decodeWith(normalized, canonical, &invalid);
        // Seven-bit JIS is also valid UTF-8, so a failed conversion must not fall back to it.
        if (invalid == 0 || !text.contains(QChar(0x1b))) {
            return text;
        }
    }
    QString text = decodeWith(bytes, canonical, &invalid);
    if (invalid == 0) {
        return text;
    }
    if (isValidUtf8(bytes) && !bytes.contains('\x1b')) {
        return decodeWith(bytes, QByteArrayLiteral("UTF-8"), &invalid);
    }
    const QByteArray guess = detect(bytes);
    if (guess != canonical) {
        int guessInvalid = 0;
        QString guessed = decodeWith(bytes, guess, &guessInvalid);
        if (guessInvalid < invalid) {
            return guessed;
        }
    }
    return text;
}

} // namespace waybill::channels::email
