// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FlowedText.h"

#include <QStringList>
#include <QStringView>

namespace waybill::channels::email {

namespace {

/// One logical line being built: its quote depth and its text so far.
struct Paragraph {
    int depth = 0;
    QString text;
};

QString quoted(const Paragraph &paragraph)
{
    if (paragraph.depth == 0) {
        return paragraph.text;
    }
    if (paragraph.text.isEmpty()) {
        return QString(paragraph.depth, u'>');
    }
    return QString(paragraph.depth, u'>') + u' ' + paragraph.text;
}

} // namespace

QString FlowedText::decode(const QString &text, bool delSp)
{
    const bool crlf = text.contains(QLatin1String("\r\n"));
    const QString lineEnd = crlf ? QStringLiteral("\r\n") : QStringLiteral("\n");
    QStringList out;
    Paragraph open; ///< a flowed paragraph waiting for its next line
    bool isOpen = false;

    const QList<QStringView> lines = QStringView(text).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QStringView line = lines[i];
        if (line.endsWith(u'\r')) {
            line.chop(1);
        }
        if (i == lines.size() - 1 && line.isEmpty()) {
            break; // the text ended with a line break
        }
        int depth = 0;
        while (depth < line.size() && line[depth] == u'>') {
            ++depth;
        }
        line = line.mid(depth);
        if (line.startsWith(u' ')) {
            line = line.mid(1); // space-stuffing (RFC 3676 §4.4), or the space after the quote marks
        }
        const bool signature = line == QLatin1String("-- ");
        const bool flowed = !signature && line.endsWith(u' ');
        if (flowed && delSp) {
            line.chop(1);
        }

        if (isOpen && open.depth != depth) {
            out.append(quoted(open)); // improperly flowed: the quote depth changed, so the paragraph ends here
            isOpen = false;
        }
        if (!isOpen) {
            open = Paragraph { depth, QString() };
        }
        open.text += line;
        isOpen = flowed;
        if (!flowed) {
            out.append(quoted(open));
        }
    }
    if (isOpen) {
        out.append(quoted(open)); // the text ended on a soft break
    }
    QString decoded = out.join(lineEnd);
    if (text.endsWith(u'\n') && !out.isEmpty()) {
        decoded += lineEnd;
    }
    return decoded;
}

} // namespace waybill::channels::email
