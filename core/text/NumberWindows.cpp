// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "NumberWindows.h"

#include <QChar>
#include <QVarLengthArray>

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
    // Starts of the last `wordsBefore` words since the last word with a digit, oldest first, and how many words
    // there were since that word.
    QVarLengthArray<qsizetype, 8> recent;
    qsizetype wordsSinceDigit = 0;
    qsizetype openStart = -1; // the window being built, [openStart, openEnd)
    qsizetype openEnd = -1;
    qsizetype i = 0;
    while (i < size) {
        while (i < size && isSpace(data[i])) {
            ++i;
        }
        if (i == size) {
            break;
        }
        const qsizetype wordStart = i;
        bool digit = false;
        while (i < size && !isSpace(data[i])) {
            const char16_t ch = data[i];
            if (ch >= u'0' && ch <= u'9') {
                digit = true;
            } else if (ch >= 0x80 && !digit) {
                digit = isDigitFrom(data, i, size);
            }
            ++i;
        }
        if (!digit) {
            if (wordsBefore > 0) {
                if (recent.size() == wordsBefore) {
                    recent.erase(recent.begin());
                }
                recent.append(wordStart);
            }
            ++wordsSinceDigit;
            continue;
        }
        const qsizetype start = recent.isEmpty() ? wordStart : recent.first();
        // This word's window reaches back to the open one (or touches it): they are one window.
        const bool reachesOpen = openStart >= 0 && wordsSinceDigit <= wordsBefore;
        recent.clear();
        wordsSinceDigit = 0;
        if (reachesOpen) {
            openEnd = i;
            continue;
        }
        if (openStart >= 0) {
            append(text.sliced(openStart, openEnd - openStart));
        }
        openStart = start;
        openEnd = i;
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
