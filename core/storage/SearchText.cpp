// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchText.h"

#include <QStringList>

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
    QString out;
    out.reserve(text.size() * 2);
    visitRuns(text, [&](bool cjk, const QList<uint> &run) {
        if (cjk) {
            out += u' ' + bigrams(run) + u' ';
        } else {
            out += QString::fromUcs4(reinterpret_cast<const char32_t *>(run.constData()), run.size());
        }
    });
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
