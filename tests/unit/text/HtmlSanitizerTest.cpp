// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// HTML mail reduced to a safe subset: active content removed with its text, handlers dropped, dangerous links
// neutralised, remote images blocked and counted, and every link showing where it really goes.
#include "text/HtmlSanitizer.h"

#include <gtest/gtest.h>

using waybill::text::HtmlSanitizer;

TEST(HtmlSanitizerTest, ScriptStyleAndFramesGoWithTheirContent)
{
    const auto result = HtmlSanitizer::sanitize(QStringLiteral(
        "<html><head><title>Secret title</title><style>p { color: red }</style></head><body>"
        "<p>Hello</p><SCRIPT type=\"text/javascript\">steal(\"</p>\")</SCRIPT>"
        "<iframe src=\"https://evil.example\">frame text</iframe><form action=\"x\"><input name=q>form text</form>"
        "<p>World</p></body></html>"));
    EXPECT_EQ(result.html, QStringLiteral("<p>Hello</p><p>World</p>"));
    EXPECT_EQ(result.blockedImages, 0);
}

TEST(HtmlSanitizerTest, EventHandlersAndStylesAreDropped)
{
    const auto result = HtmlSanitizer::sanitize(QStringLiteral(
        "<div onclick=\"alert(1)\" style=\"position:fixed\" class=\"x\"><b onmouseover='x()'>bold</b></div>"
        "<table><tr><td colspan=\"2\" onload=x>cell</td></tr></table>"));
    EXPECT_FALSE(result.html.contains(QStringLiteral("onclick")));
    EXPECT_FALSE(result.html.contains(QStringLiteral("onmouseover")));
    EXPECT_FALSE(result.html.contains(QStringLiteral("onload")));
    EXPECT_FALSE(result.html.contains(QStringLiteral("style")));
    EXPECT_EQ(result.html, QStringLiteral("<div><b>bold</b></div><table><tr><td colspan=\"2\">cell</td></tr></table>"));
}

TEST(HtmlSanitizerTest, JavascriptLinksAreNeutralised)
{
    for (const QString &href : { QStringLiteral("javascript:alert(1)"), QStringLiteral("JaVaScRiPt:alert(1)"),
             QStringLiteral(" javascript:alert(1)"), QStringLiteral("data:text/html;base64,PHNjcmlwdD4="),
             QStringLiteral("vbscript:msgbox") }) {
        const auto result
            = HtmlSanitizer::sanitize(QStringLiteral("<a href=\"") + href + QStringLiteral("\">click</a>"));
        EXPECT_EQ(result.html, QStringLiteral("<a>click</a>")) << href.toStdString();
    }
}

TEST(HtmlSanitizerTest, LinksShowTheirRealTarget)
{
    const auto result = HtmlSanitizer::sanitize(
        QStringLiteral("<a href=\"https://phish.example/login?a=1&amp;b=2\" target=_blank>www.amazon.com</a>"));
    EXPECT_EQ(result.html,
        QStringLiteral("<a href=\"https://phish.example/login?a=1&amp;b=2\" "
                       "title=\"https://phish.example/login?a=1&amp;b=2\">www.amazon.com</a>"
                       " <small>[phish.example]</small>"));
    const auto mail = HtmlSanitizer::sanitize(QStringLiteral("<a href='mailto:help@shop.example'>write</a>"));
    EXPECT_EQ(mail.html,
        QStringLiteral("<a href=\"mailto:help@shop.example\" title=\"mailto:help@shop.example\">"
                       "write</a>"));
    // An unclosed link is closed.
    EXPECT_TRUE(HtmlSanitizer::sanitize(QStringLiteral("<a href=\"https://x.example\">open"))
                    .html.endsWith(QStringLiteral("</a>")));
}

TEST(HtmlSanitizerTest, RemoteImagesAreBlockedAndCounted)
{
    const QString html = QStringLiteral(
        "<img src=\"https://tracker.example/pixel.gif\" width=1><img src='http://cdn.example/logo.png' alt='Logo'>"
        "<img src=\"cid:part1.photo@shop\" alt=\"Photo\"><img src=\"data:image/png;base64,iVBORw0KGgo=\">"
        "<img alt=\"no source\">");
    const auto blocked = HtmlSanitizer::sanitize(html);
    EXPECT_EQ(blocked.blockedImages, 2);
    EXPECT_FALSE(blocked.html.contains(QStringLiteral("tracker.example")));
    EXPECT_FALSE(blocked.html.contains(QStringLiteral("cdn.example")));
    EXPECT_TRUE(blocked.html.contains(QStringLiteral("<img src=\"cid:part1.photo@shop\" alt=\"Photo\">")));
    EXPECT_TRUE(blocked.html.contains(QStringLiteral("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"\">")));

    const auto allowed = HtmlSanitizer::sanitize(html, true);
    EXPECT_EQ(allowed.blockedImages, 0);
    EXPECT_TRUE(allowed.html.contains(QStringLiteral("<img src=\"http://cdn.example/logo.png\" alt=\"Logo\">")));
}

TEST(HtmlSanitizerTest, CommentsAndUnknownTagsLeaveTheirText)
{
    const auto result = HtmlSanitizer::sanitize(
        QStringLiteral("<!DOCTYPE html><!-- <script>x</script> --><custom-tag>kept</custom-tag><font>text</font>"));
    EXPECT_EQ(result.html, QStringLiteral("kepttext"));
    EXPECT_EQ(HtmlSanitizer::sanitize(QString()).html, QString());
    // An unterminated script swallows the rest rather than letting it through.
    EXPECT_EQ(HtmlSanitizer::sanitize(QStringLiteral("<p>a</p><script>alert(1)")).html, QStringLiteral("<p>a</p>"));
}

TEST(HtmlSanitizerTest, PlainTextBecomesEscapedParagraphsWithLinks)
{
    EXPECT_EQ(HtmlSanitizer::fromPlainText(QStringLiteral("Hi <b>Olivia</b> & co\nline two\n\nTrack: "
                                                          "https://www.ups.com/track?tracknum=1Z")),
        QStringLiteral("<p>Hi &lt;b&gt;Olivia&lt;/b&gt; &amp; co<br>line two</p><p>Track: "
                       "<a href=\"https://www.ups.com/track?tracknum=1Z\" "
                       "title=\"https://www.ups.com/track?tracknum=1Z\">https://www.ups.com/track?tracknum=1Z"
                       "</a></p>"));
}

TEST(HtmlSanitizerTest, AngleBracketInsideQuotedAttributeDoesNotEndTheTag)
{
    const auto result = HtmlSanitizer::sanitize(
        QStringLiteral("<p title=\"a > b\" onclick='x>y'>Hello</p><a href=\"https://shop.example/?q=>\">shop</a>"));
    EXPECT_EQ(result.html.count(QStringLiteral("Hello")), 1);
    EXPECT_FALSE(result.html.contains(QStringLiteral("b\""))) << result.html.toStdString();
    EXPECT_FALSE(result.html.contains(QStringLiteral("onclick")));
    EXPECT_TRUE(result.html.startsWith(QStringLiteral("<p>Hello</p>"))) << result.html.toStdString();
}
