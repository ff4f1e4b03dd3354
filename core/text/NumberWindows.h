// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace waybill::text {

/// The parts of a text where a number stands, with the few words before it: each whitespace-separated word holding
/// a decimal digit (of any script, as a regular expression's \d), together with up to `wordsBefore` words before it.
/// Windows that overlap or touch are merged; each starts after whitespace or at the text's start and ends before
/// whitespace or at its end. text() holds the windows in order, each pair parted by U+0001.
///
/// Contract: a pattern whose every match ends in a word holding a digit and starts at most `wordsBefore` words
/// before that word, whose lookarounds ask only whether a neighbour is a word character, a digit, '-' or '#', and
/// which matches no U+0001 (no '.', \W or negated class) finds in text() exactly the matches it finds in the whole
/// text, in the same order. Most prose holds few numbers, so text() is a small part of the whole.
class NumberWindows final {
public:
    static constexpr char16_t Separator = 0x0001;

    explicit NumberWindows(QStringView text, int wordsBefore = 4);

    const QString &text() const { return m_text; }
    bool isEmpty() const { return m_text.isEmpty(); }

private:
    void append(QStringView window);

    QString m_text;
};

} // namespace waybill::text
