// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "NumberWindows.h"

#include <QChar>

namespace waybill::text {

namespace {

inline bool isSpace(char16_t ch)
{
    if (ch <= u' ') {
        return ch == u' ' || (ch >= u'\t' && ch <= u'\r');
    }
    if (ch < 0x80 || (ch >= 0x3040 && ch <= 0x9fff)) {
        return false; // most of an English, Japanese or Chinese text
    }
    return QChar::isSpace(ch); // every Unicode space is in the Basic Multilingual Plane
}

bool isDigitFrom(const char16_t *data, qsizetype at, qsizetype size)
{
    const char16_t ch = data[at];
    if (ch >= 0x3040 && ch <= 0x9fff) {
        return false;
    }
    if (QChar::isHighSurrogate(ch) && at + 1 < size && QChar::isLowSurrogate(data[at + 1])) {
        return QChar::isDigit(QChar::surrogateToUcs4(ch, data[at + 1]));
    }
    return QChar::isDigit(char32_t(ch));
}

} // namespace

NumberWindows::NumberWindows(QStringView text, int wordsBefore)
{
    const char16_t *const data = text.utf16();
    const qsizetype size = text.size();
    qsizetype openStart = -1; // the window being built, [openStart, openEnd)
    qsizetype openEnd = -1;
    qsizetype i = 0;
    // Digits are rare in prose: find the next one, then its word and the words before it, and skip past the word.
    while (i < size) {
        const char16_t ch = data[i];
        if (char16_t(ch - u'0') >= 10 && (ch < 0x80 || !isDigitFrom(data, i, size))) {
            ++i;
            continue;
        }
        qsizetype wordStart = i;
        while (wordStart > 0 && !isSpace(data[wordStart - 1])) {
            --wordStart;
        }
        qsizetype wordEnd = i + 1;
        while (wordEnd < size && !isSpace(data[wordEnd])) {
            ++wordEnd;
        }
        // Back over up to `wordsBefore` words; reaching the open window (or touching it) joins it.
        qsizetype start = wordStart;
        bool reachesOpen = false;
        for (int words = 0;; ++words) {
            qsizetype gap = start;
            while (gap > 0 && gap > openEnd && isSpace(data[gap - 1])) {
                --gap;
            }
            if (openStart >= 0 && gap <= openEnd) {
                reachesOpen = true;
                break;
            }
            if (words == wordsBefore || gap == 0) {
                break;
            }
            while (gap > 0 && !isSpace(data[gap - 1])) {
                --gap;
            }
            start = gap;
        }
        if (reachesOpen) {
            openEnd = wordEnd;
        } else {
            if (openStart >= 0) {
                append(text.sliced(openStart, openEnd - openStart));
            }
            openStart = start;
            openEnd = wordEnd;
        }
        i = wordEnd;
    }
    if (openStart >= 0) {
        append(text.sliced(openStart, openEnd - openStart));
    }
}

void NumberWindows::append(QStringView window)
{
    if (!m_text.isEmpty()) {
        m_text += QChar(Separator);
    }
    m_text += window;
}

} // namespace waybill::text
