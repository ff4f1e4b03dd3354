// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchText.h"

#include <QStringList>
#include <QVarLengthArray>

#include <algorithm>

namespace waybill::storage {

bool SearchText::isCjk(char32_t ch)
{
    return (ch >= 0x3040 && ch <= 0x30ff) // hiragana, katakana
        || (ch >= 0x3400 && ch <= 0x4dbf) // CJK extension A
        || (ch >= 0x4e00 && ch <= 0x9fff) // CJK unified ideographs
        || (ch >= 0xac00 && ch <= 0xd7af) // hangul syllables
        || (ch >= 0xf900 && ch <= 0xfaff) // compatibility ideographs
        || (ch >= 0xff66 && ch <= 0xff9f) // half-width katakana
        || (ch >= 0x20000 && ch <= 0x2ffff); // extensions B and later
}

namespace {

/// Splits text into alternating non-CJK text and CJK runs.
template <typename Visitor> void visitRuns(const QString &text, Visitor &&visit)
{
    const QList<uint> codepoints = text.toUcs4();
    QList<uint> run;
    bool runIsCjk = false;
    auto flush = [&] {
        if (!run.isEmpty()) {
            visit(runIsCjk, run);
            run.clear();
        }
    };
    for (const uint cp : codepoints) {
        const bool cjk = SearchText::isCjk(cp);
        if (cjk != runIsCjk) {
            flush();
            runIsCjk = cjk;
        }
        run.append(cp);
    }
    flush();
}

/// Marks a CJK token; the tokenizer keeps it as part of a token (tokenchars), and forIndex() turns every '|' of
/// other text into a space, so no other token holds one.
constexpr char16_t CjkMark = u'|';

/// A CJK code point as four base-36 digits (36^4 is above U+2FFFF, the last CJK block).
void encode(char32_t cp, char16_t *digits)
{
    static constexpr char16_t Digits[] = u"0123456789abcdefghijklmnopqrstuvwxyz";
    for (int k = 3; k >= 0; --k) {
        digits[k] = Digits[cp % 36];
        cp /= 36;
    }
}

/// " |aaaabbbb |bbbbcccc ": a run's overlapping bigrams, or its one character, as tokens, set off by spaces.
void appendCjkRun(QString &out, const char32_t *run, qsizetype count)
{
    QVarLengthArray<char16_t, 1024> codes(count * 4);
    for (qsizetype k = 0; k < count; ++k) {
        encode(run[k], codes.data() + 4 * k);
    }
    const qsizetype tokens = count == 1 ? 1 : count - 1;
    const qsizetype tokenLength = count == 1 ? 5 : 9;
    const qsizetype at = out.size();
    out.resize(at + 1 + tokens * (tokenLength + 1));
    char16_t *p = reinterpret_cast<char16_t *>(out.data()) + at;
    *p++ = u' ';
    for (qsizetype k = 0; k < tokens; ++k) {
        *p++ = CjkMark;
        std::copy_n(codes.constData() + 4 * k, tokenLength - 1, p);
        p += tokenLength - 1;
        *p++ = u' ';
    }
}

QString quoted(const QString &word)
{
    QString escaped = word;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

} // namespace

QString SearchText::forIndex(const QString &text)
{
    // Most mail has no character at or above U+3040 and no '|': nothing to change, and the text is shared.
    const char16_t *const data = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype size = text.size();
    qsizetype first = 0;
    while (first < size && data[first] < 0x3040 && data[first] != CjkMark) {
        ++first;
    }
    if (first == size) {
        return text;
    }
    QString out;
    out.reserve(size * 5);
    out.append(text.constData(), first);
    QVarLengthArray<char32_t, 256> run; // the code points of the current CJK run
    qsizetype i = first;
    while (i < size) {
        const qsizetype length
            = QChar::isHighSurrogate(data[i]) && i + 1 < size && QChar::isLowSurrogate(data[i + 1]) ? 2 : 1;
        const char32_t cp = length == 2 ? QChar::surrogateToUcs4(data[i], data[i + 1]) : char32_t(data[i]);
        if (isCjk(cp)) {
            run.append(cp);
            i += length;
            continue;
        }
        if (!run.isEmpty()) {
            appendCjkRun(out, run.constData(), run.size());
            run.clear();
        }
        if (cp == CjkMark) {
            out += u' '; // the mark belongs to CJK tokens alone
        } else {
            out.append(text.constData() + i, length);
        }
        i += length;
    }
    if (!run.isEmpty()) {
        appendCjkRun(out, run.constData(), run.size());
    }
    return out;
}

QString SearchText::forMessage(const QString &body)
{
    return forIndex(withoutQuotedReply(body));
}

QString SearchText::withoutQuotedReply(const QString &body)
{
    const auto isQuoted = [](QStringView line) {
        const QStringView trimmed = line.trimmed();
        return trimmed.startsWith(u'>');
    };
    // "On Mon, 2 Nov 2026, Anna <anna@example.net> wrote:", "Am 2. Nov. schrieb Anna:", "2026年11月2日 Anna:".
    const auto introducesQuote = [](QStringView line) {
        const QStringView trimmed = line.trimmed();
        return trimmed.endsWith(u':') || trimmed.endsWith(u'：');
    };
    // Most mail quotes nothing: no line starts with '>'.
    bool quotes = false;
    for (qsizetype at = body.indexOf(u'>'); !quotes && at >= 0; at = body.indexOf(u'>', at + 1)) {
        qsizetype before = at - 1;
        while (before >= 0 && (body.at(before) == u' ' || body.at(before) == u'\t')) {
            --before;
        }
        quotes = before < 0 || body.at(before) == u'\n';
    }
    if (!quotes) {
        return body;
    }
    const QList<QStringView> lines = QStringView(body).split(u'\n');
    QString out;
    out.reserve(body.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (isQuoted(lines.at(i))) {
            continue;
        }
        if (introducesQuote(lines.at(i))) {
            // The attribution line, possibly with blank lines before the quote.
            qsizetype next = i + 1;
            while (next < lines.size() && lines.at(next).trimmed().isEmpty()) {
                ++next;
            }
            if (next < lines.size() && isQuoted(lines.at(next))) {
                continue;
            }
        }
        out += lines.at(i);
        out += u'\n';
    }
    return out;
}

QString SearchText::matchExpression(const QString &query, bool prefixLastWord)
{
    QStringList terms;
    visitRuns(query, [&](bool cjk, const QList<uint> &run) {
        const QString part = QString::fromUcs4(reinterpret_cast<const char32_t *>(run.constData()), run.size());
        if (cjk) {
            // One character matches as the prefix of a bigram; longer words as a phrase of bigrams.
            QString tokens;
            appendCjkRun(tokens, reinterpret_cast<const char32_t *>(run.constData()), run.size());
            terms << (run.size() == 1 ? quoted(tokens.trimmed()) + u'*' : quoted(tokens.trimmed()));
            return;
        }
        QString word;
        for (const QChar ch : part) {
            if (ch.isLetterOrNumber()) {
                word += ch;
            } else if (!word.isEmpty()) {
                terms << quoted(word);
                word.clear();
            }
        }
        if (!word.isEmpty()) {
            terms << quoted(word);
        }
    });
    if (terms.isEmpty()) {
        return {};
    }
    if (prefixLastWord && !terms.constLast().endsWith(u'*')) {
        terms.last() += u'*';
    }
    return terms.join(QStringLiteral(" AND "));
}

} // namespace waybill::storage
