// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The chat protocol's codec on good, truncated, oversized, wrongly typed and hostile frames.
#include "channels/chat/ChatFrame.h"

#include <QList>

#include <gtest/gtest.h>

using waybill::channels::chat::ChatFrame;

namespace {

TEST(ChatFrameTest, ReadsAHello)
{
    const ChatFrame frame = ChatFrame::parse(
        R"({"type":"hello","session":"abcdefghijklmnop_-12","lastSeen":42,"page":"https://shop.example/p/1"})");
    ASSERT_EQ(frame.type, ChatFrame::Type::Hello) << frame.errorMessage.toStdString();
    EXPECT_EQ(frame.session, QStringLiteral("abcdefghijklmnop_-12"));
    EXPECT_EQ(frame.lastSeen, 42);
    EXPECT_EQ(frame.page, QStringLiteral("https://shop.example/p/1"));
}

TEST(ChatFrameTest, ReadsAMessageWithTheVisitorsDetails)
{
    const ChatFrame frame = ChatFrame::parse(QStringLiteral(
        R"({"type":"message","id":"c1","text":"  Où est ma commande ? 注文  ","name":" Zoé  Martin ","email":"Zoe@Example.FR","phone":"+33 6 12 34 56 78","order":"#1001"})")
                                                 .toUtf8());
    ASSERT_EQ(frame.type, ChatFrame::Type::Message) << frame.errorMessage.toStdString();
    EXPECT_EQ(frame.clientId, QStringLiteral("c1"));
    EXPECT_EQ(frame.text, QStringLiteral("Où est ma commande ? 注文"));
    EXPECT_EQ(frame.name, QStringLiteral("Zoé Martin"));
    EXPECT_EQ(frame.email, QStringLiteral("zoe@example.fr"));
    EXPECT_EQ(frame.phone, QStringLiteral("+33 6 12 34 56 78"));
    EXPECT_EQ(frame.orderNumber, QStringLiteral("#1001"));
}

TEST(ChatFrameTest, ReadsTypingAndSeen)
{
    EXPECT_TRUE(ChatFrame::parse(R"({"type":"typing","on":true})").typing);
    const ChatFrame seen = ChatFrame::parse(R"({"type":"seen","id":17})");
    EXPECT_EQ(seen.type, ChatFrame::Type::Seen);
    EXPECT_EQ(seen.lastSeen, 17);
}

TEST(ChatFrameTest, RefusesWhatIsNotJson)
{
    for (const QByteArray &bad : { QByteArray(R"({"type":"message","id":"c1","text":)"), QByteArray("not json"),
             QByteArray(""), QByteArray("\xff\xfe{}") }) {
        const ChatFrame frame = ChatFrame::parse(bad);
        EXPECT_EQ(frame.type, ChatFrame::Type::Invalid) << bad.constData();
        EXPECT_EQ(frame.error, ChatFrame::Error::BadJson) << bad.constData();
        EXPECT_FALSE(frame.errorMessage.isEmpty());
    }
}

TEST(ChatFrameTest, RefusesWrongShapesWithAReason)
{
    const QList<QByteArray> bad {
        R"([1,2,3])",
        R"({"type":"launch"})",
        R"({"type":"hello","session":"short"})",
        R"({"type":"hello","session":"has spaces in it ok?"})",
        R"({"type":"message","id":"c1"})",
        R"({"type":"message","id":"","text":"hi"})",
        R"({"type":"message","id":"c1","text":"   "})",
        R"({"type":"message","id":"c1","text":"hi","email":"not-an-address"})",
        R"({"type":"message","id":"c1","text":"hi","name":7})",
        R"({"type":"message","id":"c1","text":{"a":{"b":{"c":1}}}})",
    };
    for (const QByteArray &frame : bad) {
        const ChatFrame parsed = ChatFrame::parse(frame);
        EXPECT_EQ(parsed.type, ChatFrame::Type::Invalid) << frame.constData();
        EXPECT_EQ(parsed.error, ChatFrame::Error::BadFrame) << frame.constData();
        EXPECT_FALSE(parsed.errorMessage.isEmpty()) << frame.constData();
    }
}

TEST(ChatFrameTest, RefusesTextsAndFieldsOverTheirLimits)
{
    const QByteArray longText
        = R"({"type":"message","id":"c1","text":")" + QByteArray(ChatFrame::MaxTextLength + 1, 'x') + R"("})";
    EXPECT_EQ(ChatFrame::parse(longText).error, ChatFrame::Error::TooLong);
    EXPECT_EQ(ChatFrame::parse(longText).clientId, QStringLiteral("c1")); // named in the refusal
    const QByteArray justRight
        = R"({"type":"message","id":"c1","text":")" + QByteArray(ChatFrame::MaxTextLength, 'x') + R"("})";
    EXPECT_EQ(ChatFrame::parse(justRight).type, ChatFrame::Type::Message);
    const QByteArray longName = R"({"type":"message","id":"c1","text":"hi","name":")"
        + QByteArray(ChatFrame::MaxFieldLength + 1, 'n') + R"("})";
    EXPECT_EQ(ChatFrame::parse(longName).error, ChatFrame::Error::BadFrame);
    EXPECT_EQ(ChatFrame::errorCode(ChatFrame::Error::TooLong), QStringLiteral("too_long"));
}

TEST(ChatFrameTest, RefusesDeepNestingBeforeBuildingIt)
{
    const QByteArray deep = QByteArray(10000, '[') + QByteArray(10000, ']');
    const ChatFrame frame = ChatFrame::parse(deep);
    EXPECT_EQ(frame.error, ChatFrame::Error::BadFrame);
}

} // namespace
