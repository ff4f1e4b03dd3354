// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchText.h"

#include <QStringList>
#include <QVarLengthArray>

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

QString bigrams(const QList<uint> &run)
{
    if (run.size() == 1) {
        return QString::fromUcs4(reinterpret_cast<const char32_t *>(run.constData()), 1);
    }
    QStringList grams;
    for (qsizetype i = 0; i + 1 < run.size(); ++i) {
        grams << QString::fromUcs4(reinterpret_cast<const char32_t *>(run.constData() + i), 2);
    }
    return grams.join(u' ');
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
    // Most mail has no character at or above U+3040: nothing to split, and the text is shared, not copied.
    const char16_t *const data = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype size = text.size();
    qsizetype first = 0;
    while (first < size && data[first] < 0x3040) {
        ++first;
    }
    if (first == size) {
        return text;
    }
    QString out;
    out.reserve(size * 3);
    out.append(text.constData(), first);
    // Code point boundaries of the current CJK run, as UTF-16 offsets.
    QVarLengthArray<qsizetype, 256> bounds;
    auto lengthAt = [&](qsizetype at) -> qsizetype {
        return QChar::isHighSurrogate(data[at]) && at + 1 < size && QChar::isLowSurrogate(data[at + 1]) ? 2 : 1;
    };
    auto codepointAt = [&](qsizetype at, qsizetype length) -> char32_t {
        return length == 2 ? QChar::surrogateToUcs4(data[at], data[at + 1]) : char32_t(data[at]);
    };
    qsizetype i = first;
    while (i < size) {
        qsizetype length = lengthAt(i);
        if (!isCjk(codepointAt(i, length))) {
            out.append(text.constData() + i, length);
            i += length;
            continue;
        }
        bounds.clear();
        while (i < size && isCjk(codepointAt(i, length = lengthAt(i)))) {
            bounds.append(i);
            i += length;
        }
        bounds.append(i);
        out += u' ';
        const qsizetype count = bounds.size() - 1;
        if (count == 1) {
            out.append(text.constData() + bounds[0], bounds[1] - bounds[0]);
        } else {
            for (qsizetype k = 0; k + 1 < count; ++k) {
                if (k > 0) {
                    out += u' ';
                }
                out.append(text.constData() + bounds[k], bounds[k + 2] - bounds[k]);
            }
        }
        out += u' ';
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
            terms << (run.size() == 1 ? quoted(part) + u'*' : quoted(bigrams(run)));
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
