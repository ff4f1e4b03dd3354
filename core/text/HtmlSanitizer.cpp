// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HtmlSanitizer.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QUrl>

namespace waybill::text {

namespace {

const QSet<QString> &allowedTags()
{
    static const QSet<QString> tags { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("blockquote"),
        QStringLiteral("br"), QStringLiteral("code"), QStringLiteral("div"), QStringLiteral("em"), QStringLiteral("h1"),
        QStringLiteral("h2"), QStringLiteral("h3"), QStringLiteral("h4"), QStringLiteral("h5"), QStringLiteral("h6"),
        QStringLiteral("hr"), QStringLiteral("i"), QStringLiteral("img"), QStringLiteral("li"), QStringLiteral("ol"),
        QStringLiteral("p"), QStringLiteral("pre"), QStringLiteral("small"), QStringLiteral("span"),
        QStringLiteral("strong"), QStringLiteral("sub"), QStringLiteral("sup"), QStringLiteral("table"),
        QStringLiteral("tbody"), QStringLiteral("td"), QStringLiteral("tfoot"), QStringLiteral("th"),
        QStringLiteral("thead"), QStringLiteral("tr"), QStringLiteral("u"), QStringLiteral("ul") };
    return tags;
}

/// Elements dropped together with everything inside them.
const QSet<QString> &droppedWithContent()
{
    static const QSet<QString> tags { QStringLiteral("script"), QStringLiteral("style"), QStringLiteral("head"),
        QStringLiteral("title"), QStringLiteral("iframe"), QStringLiteral("object"), QStringLiteral("embed"),
        QStringLiteral("frameset"), QStringLiteral("noscript"), QStringLiteral("template"), QStringLiteral("svg"),
        QStringLiteral("math"), QStringLiteral("form"), QStringLiteral("select"), QStringLiteral("textarea") };
    return tags;
}

QString escapeAttribute(const QString &value)
{
    return value.toHtmlEscaped();
}

QString attribute(const QString &attributes, const QString &name)
{
    const QRegularExpression re(
        QStringLiteral("(?:^|\\s)") + name + QStringLiteral("\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(attributes);
    if (!m.hasMatch()) {
        return {};
    }
    QString value = m.captured(1) + m.captured(2) + m.captured(3);
    value.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return value.trimmed();
}

bool isSafeLink(const QString &href)
{
    const QString scheme = QUrl(href).scheme().toLower();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("mailto")
        || scheme == QLatin1String("tel");
}

} // namespace

HtmlSanitizer::Result HtmlSanitizer::sanitize(const QString &html, bool allowRemoteImages)
{
    static const QRegularExpression token(
        QStringLiteral("<!--.*?-->|<!\\[CDATA\\[.*?\\]\\]>|<![^>]*>|<\\?[^>]*>|"
                       "<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"),
        QRegularExpression::DotMatchesEverythingOption);
    Result result;
    QString out;
    out.reserve(html.size());
    QString skipUntil; // the element whose content is being dropped
    QStringList openLinks;
    qsizetype last = 0;
    auto it = token.globalMatch(html);
    while (it.hasNext()) {
        const auto m = it.next();
        if (skipUntil.isEmpty()) {
            out += QStringView(html).mid(last, m.capturedStart() - last);
        }
        last = m.capturedEnd();
        const QString name = m.captured(2).toLower();
        const bool closing = !m.captured(1).isEmpty();
        if (name.isEmpty()) {
            continue; // comment, doctype, processing instruction
        }
        if (!skipUntil.isEmpty()) {
            if (closing && name == skipUntil) {
                skipUntil.clear();
            }
            continue;
        }
        if (droppedWithContent().contains(name)) {
            if (!closing && !m.captured(3).trimmed().endsWith(u'/')) {
                skipUntil = name;
            }
            continue;
        }
        if (!allowedTags().contains(name)) {
            continue;
        }
        const QString attributes = m.captured(3);
        if (closing) {
            if (name == QLatin1String("a")) {
                if (!openLinks.isEmpty()) {
                    const QString href = openLinks.takeLast();
                    out += QStringLiteral("</a>");
                    if (!href.isEmpty()) {
                        out += QStringLiteral(" <small>[") + QUrl(href).host().toHtmlEscaped()
                            + QStringLiteral("]</small>");
                    }
                }
            } else {
                out += QStringLiteral("</") + name + u'>';
            }
            continue;
        }
        if (name == QLatin1String("a")) {
            const QString href = attribute(attributes, QStringLiteral("href"));
            if (isSafeLink(href)) {
                out += QStringLiteral("<a href=\"") + escapeAttribute(href) + QStringLiteral("\" title=\"")
                    + escapeAttribute(href) + QStringLiteral("\">");
                openLinks << (href.startsWith(QLatin1String("http"), Qt::CaseInsensitive) ? href : QString());
            } else {
                out += QStringLiteral("<a>");
                openLinks << QString();
            }
            continue;
        }
        if (name == QLatin1String("img")) {
            const QString src = attribute(attributes, QStringLiteral("src"));
            const QString scheme = QUrl(src).scheme().toLower();
            const bool local = scheme == QLatin1String("cid") || scheme == QLatin1String("data");
            if (local || (allowRemoteImages && (scheme == QLatin1String("https") || scheme == QLatin1String("http")))) {
                out += QStringLiteral("<img src=\"") + escapeAttribute(src) + QStringLiteral("\" alt=\"")
                    + escapeAttribute(attribute(attributes, QStringLiteral("alt"))) + QStringLiteral("\">");
            } else if (!src.isEmpty()) {
                ++result.blockedImages;
            }
            continue;
        }
        QString kept;
        for (const QString &allowed :
            { QStringLiteral("colspan"), QStringLiteral("rowspan"), QStringLiteral("align") }) {
            const QString value = attribute(attributes, allowed);
            if (!value.isEmpty()) {
                kept += u' ' + allowed + QStringLiteral("=\"") + escapeAttribute(value) + u'"';
            }
        }
        out += u'<' + name + kept + u'>';
    }
    if (skipUntil.isEmpty()) {
        out += QStringView(html).mid(last);
    }
    while (!openLinks.isEmpty()) {
        openLinks.removeLast();
        out += QStringLiteral("</a>");
    }
    result.html = out;
    return result;
}

QString HtmlSanitizer::fromPlainText(const QString &text)
{
    static const QRegularExpression url(QStringLiteral("(https?://[^\\s<>\"]+)"));
    QString escaped = text.toHtmlEscaped();
    escaped.replace(url, QStringLiteral("<a href=\"\\1\" title=\"\\1\">\\1</a>"));
    QStringList paragraphs;
    for (const QString &paragraph : escaped.split(QStringLiteral("\n\n"))) {
        QString p = paragraph;
        p.replace(u'\n', QStringLiteral("<br>"));
        paragraphs << QStringLiteral("<p>") + p + QStringLiteral("</p>");
    }
    return paragraphs.join(QString());
}

} // namespace waybill::text
