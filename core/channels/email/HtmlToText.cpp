// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HtmlToText.h"

#include <QHash>
#include <QStringView>

namespace waybill::channels::email {

namespace {

bool isBlockTag(QStringView name)
{
    static const QStringView blocks[]
        = { u"br", u"p", u"div", u"tr", u"li", u"h1", u"h2", u"h3", u"h4", u"h5", u"h6", u"table", u"blockquote", u"hr",
              u"ul", u"ol", u"pre", u"dd", u"dt", u"section", u"article", u"header", u"footer" };
    for (const QStringView block : blocks) {
        if (name.compare(block, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

QString HtmlToText::decodeEntity(QStringView name)
{
    static const QHash<QString, QString> named = {
        { QStringLiteral("amp"), QStringLiteral("&") },
        { QStringLiteral("lt"), QStringLiteral("<") },
        { QStringLiteral("gt"), QStringLiteral(">") },
        { QStringLiteral("quot"), QStringLiteral("\"") },
        { QStringLiteral("apos"), QStringLiteral("'") },
        { QStringLiteral("nbsp"), QStringLiteral(" ") },
        { QStringLiteral("copy"), QString(QChar(0xA9)) },
        { QStringLiteral("reg"), QString(QChar(0xAE)) },
        { QStringLiteral("hellip"), QString(QChar(0x2026)) },
        { QStringLiteral("mdash"), QString(QChar(0x2014)) },
        { QStringLiteral("ndash"), QString(QChar(0x2013)) },
        { QStringLiteral("lsquo"), QString(QChar(0x2018)) },
        { QStringLiteral("rsquo"), QString(QChar(0x2019)) },
        { QStringLiteral("ldquo"), QString(QChar(0x201C)) },
        { QStringLiteral("rdquo"), QString(QChar(0x201D)) },
        { QStringLiteral("euro"), QString(QChar(0x20AC)) },
        { QStringLiteral("pound"), QString(QChar(0xA3)) },
        { QStringLiteral("yen"), QString(QChar(0xA5)) },
        { QStringLiteral("bull"), QString(QChar(0x2022)) },
        { QStringLiteral("trade"), QString(QChar(0x2122)) },
    };
    if (name.startsWith(u'#')) {
        bool ok = false;
        const uint code = (name.size() > 1 && (name.at(1) == u'x' || name.at(1) == u'X')) ? name.mid(2).toUInt(&ok, 16)
                                                                                          : name.mid(1).toUInt(&ok, 10);
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            return {};
        }
        const char32_t c = code;
        return QString::fromUcs4(&c, 1);
    }
    return named.value(name.toString().toLower());
}

namespace {

/// Appends `text`, collapsing white space; `pendingSpace` carries a space over between calls.
void appendCollapsed(QString &out, QStringView text, bool &pendingSpace)
{
    for (const QChar ch : text) {
        if (ch.isSpace() && ch != QChar(0xA0)) {
            pendingSpace = true;
            continue;
        }
        if (pendingSpace && !out.isEmpty() && !out.endsWith(QLatin1Char('\n'))) {
            out.append(QLatin1Char(' '));
        }
        pendingSpace = false;
        out.append(ch == QChar(0xA0) ? QChar(QLatin1Char(' ')) : ch);
    }
}

/// A line break: always for <br> (at most one empty line), only at a line's end for block elements.
void appendBreak(QString &out, bool lineBreak)
{
    while (out.endsWith(QLatin1Char(' '))) {
        out.chop(1);
    }
    if (out.isEmpty() || out.endsWith(QLatin1String("\n\n")) || (!lineBreak && out.endsWith(QLatin1Char('\n')))) {
        return;
    }
    out.append(QLatin1Char('\n'));
}

} // namespace

QString HtmlToText::convert(const QString &html)
{
    QString out;
    out.reserve(html.size() / 2);
    bool pendingSpace = false;
    const QStringView view(html);
    qsizetype i = 0;
    while (i < view.size()) {
        const QChar ch = view.at(i);
        if (ch == u'<') {
            if (view.mid(i, 4) == u"<!--") {
                const qsizetype end = view.indexOf(u"-->", i + 4);
                i = end < 0 ? view.size() : end + 3;
                continue;
            }
            const qsizetype end = view.indexOf(u'>', i + 1);
            if (end < 0) {
                break;
            }
            QStringView tag = view.mid(i + 1, end - i - 1).trimmed();
            const bool closing = tag.startsWith(u'/');
            if (closing) {
                tag = tag.mid(1);
            }
            qsizetype nameEnd = 0;
            while (nameEnd < tag.size() && (tag.at(nameEnd).isLetterOrNumber())) {
                ++nameEnd;
            }
            const QStringView name = tag.left(nameEnd);
            i = end + 1;
            if (!closing
                && (name.compare(u"script", Qt::CaseInsensitive) == 0
                    || name.compare(u"style", Qt::CaseInsensitive) == 0
                    || name.compare(u"head", Qt::CaseInsensitive) == 0
                    || name.compare(u"title", Qt::CaseInsensitive) == 0)) {
                const QString close = QLatin1String("</") + name.toString();
                const qsizetype skip = view.indexOf(close, i, Qt::CaseInsensitive);
                if (skip >= 0) {
                    const qsizetype closeEnd = view.indexOf(u'>', skip);
                    i = closeEnd < 0 ? view.size() : closeEnd + 1;
                }
                continue;
            }
            if (isBlockTag(name)) {
                appendBreak(out, name.compare(u"br", Qt::CaseInsensitive) == 0);
                pendingSpace = false;
            } else if (name.compare(u"td", Qt::CaseInsensitive) == 0 && closing) {
                pendingSpace = true;
            }
            continue;
        }
        if (ch == u'&') {
            const qsizetype semicolon = view.indexOf(u';', i + 1);
            if (semicolon > i + 1 && semicolon - i <= 10) {
                const QString decoded = HtmlToText::decodeEntity(view.mid(i + 1, semicolon - i - 1));
                if (!decoded.isEmpty()) {
                    appendCollapsed(
                        out, decoded == QLatin1String(" ") ? QStringView(u"\u00a0") : decoded, pendingSpace);
                    i = semicolon + 1;
                    continue;
                }
            }
        }
        qsizetype next = i + 1;
        while (next < view.size() && view.at(next) != u'<' && view.at(next) != u'&') {
            ++next;
        }
        appendCollapsed(out, view.mid(i, next - i), pendingSpace);
        i = next;
    }
    while (out.endsWith(QLatin1Char('\n')) || out.endsWith(QLatin1Char(' '))) {
        out.chop(1);
    }
    return out;
}

} // namespace waybill::channels::email
