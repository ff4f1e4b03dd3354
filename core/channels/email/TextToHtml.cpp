// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TextToHtml.h"

#include <QRegularExpression>
#include <QStringList>

namespace waybill::channels::email {

namespace {

/// Escapes one line and keeps runs of spaces (every second one becomes a no-break space).
QString escapeLine(const QString &text)
{
    QString out = TextToHtml::escape(text);
    out.replace(QLatin1String("  "), QLatin1String(" &nbsp;"));
    out.replace(QLatin1Char('\t'), QLatin1String(" &nbsp; &nbsp;"));
    if (out.startsWith(QLatin1Char(' '))) {
        out.replace(0, 1, QLatin1String("&nbsp;"));
    }
    return out;
}

/// One line with its links and addresses as <a> elements.
QString linkified(const QString &line)
{
    static const QRegularExpression links(
        QStringLiteral(
            R"((\b(?:https?://|www\.)[^\s<>"]+)|(\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b))"),
        QRegularExpression::CaseInsensitiveOption);
    QString out;
    qsizetype position = 0;
    QRegularExpressionMatchIterator matches = links.globalMatch(line);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        const bool isUrl = match.capturedLength(1) > 0;
        QString target = match.captured();
        qsizetype length = target.size();
        if (isUrl) {
            // Sentence punctuation after a link is not part of it; a closing parenthesis only when unbalanced.
            while (length > 0) {
                const QChar last = target.at(length - 1);
                const bool unbalanced
                    = last == u')' && target.left(length).count(u'(') < target.left(length).count(u')');
                if (!QStringLiteral(".,;:!?'\"]").contains(last) && !unbalanced) {
                    break;
                }
                --length;
            }
            target.truncate(length);
        }
        if (match.capturedStart() < position || target.isEmpty()) {
            continue;
        }
        out += escapeLine(line.mid(position, match.capturedStart() - position));
        QString href = target;
        if (!isUrl) {
            href.prepend(QLatin1String("mailto:"));
        } else if (href.startsWith(QLatin1String("www."), Qt::CaseInsensitive)) {
            href.prepend(QLatin1String("https://"));
        }
        out += QLatin1String("<a href=\"") + TextToHtml::escape(href) + QLatin1String("\">")
            + TextToHtml::escape(target) + QLatin1String("</a>");
        position = match.capturedStart() + length;
    }
    return out + escapeLine(line.mid(position));
}

} // namespace

QString TextToHtml::escape(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += QLatin1String("&amp;");
            break;
        case u'<':
            out += QLatin1String("&lt;");
            break;
        case u'>':
            out += QLatin1String("&gt;");
            break;
        case u'"':
            out += QLatin1String("&quot;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString TextToHtml::convert(const QString &text)
{
    QString normalised = text;
    normalised.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const QStringList lines = normalised.split(QLatin1Char('\n'));
    QString out;
    QStringList paragraph;
    const auto flush = [&out, &paragraph] {
        if (!paragraph.isEmpty()) {
            out += QLatin1String("<p>") + paragraph.join(QLatin1String("<br>\n")) + QLatin1String("</p>\n");
            paragraph.clear();
        }
    };
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty()) {
            flush();
        } else {
            paragraph.append(linkified(line));
        }
    }
    flush();
    return out;
}

} // namespace waybill::channels::email
