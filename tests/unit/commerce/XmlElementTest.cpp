// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// XmlElement: text simplified by default (carrier replies), kept as sent on request (message bodies), and the
// refusals with where the reader stopped.
#include "QtPrinters.h"
#include "commerce/XmlElement.h"

#include <gtest/gtest.h>

using waybill::commerce::XmlElement;

namespace {

const QByteArray Reply
    = QByteArrayLiteral("<?xml version=\"1.0\"?>\n<Reply xmlns=\"urn:example\">\n"
                        "  <Note kind=\"body\">  Dear buyer,\r\n\n  it left &amp; arrives\tsoon. </Note>\n"
                        "</Reply>\n");

TEST(XmlElementTest, SimplifiesTextByDefault)
{
    QString error;
    const std::optional<XmlElement> root = XmlElement::parse(Reply, &error);
    ASSERT_TRUE(root) << error.toStdString();
    EXPECT_EQ(root->name(), QStringLiteral("Reply"));
    EXPECT_EQ(root->textAt(QStringLiteral("Note")), QStringLiteral("Dear buyer, it left & arrives soon."));
    EXPECT_EQ(root->child(QStringLiteral("Note"))->attribute(QStringLiteral("kind")), QStringLiteral("body"));
}

TEST(XmlElementTest, KeepsTextAsSentWhenAsked)
{
    QString error;
    const std::optional<XmlElement> root = XmlElement::parse(Reply, &error, XmlElement::Whitespace::Keep);
    ASSERT_TRUE(root) << error.toStdString();
    // XML itself turns CR LF into LF; everything else stays.
    EXPECT_EQ(root->textAt(QStringLiteral("Note")), QStringLiteral("  Dear buyer,\n\n  it left & arrives\tsoon. "));
}

TEST(XmlElementTest, SaysWhereTheXmlBroke)
{
    QString error;
    EXPECT_FALSE(XmlElement::parse(QByteArrayLiteral("<a>\n<b>\n</a>"), &error));
    EXPECT_TRUE(error.startsWith(QStringLiteral("the XML is malformed ("))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("line 3"))) << error.toStdString();
    EXPECT_FALSE(XmlElement::parse(QByteArray(), &error));
    EXPECT_EQ(error, QStringLiteral("the reply is empty"));
}

} // namespace
