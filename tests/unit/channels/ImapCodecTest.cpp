// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "channels/email/ImapCodec.h"
#include "channels/email/ImapFetchData.h"

#include <gtest/gtest.h>

using namespace waybill::channels::email;

namespace {

/// Feeds `bytes` in chunks of `chunk` and collects every response.
QList<ImapResponse> parseAll(ImapCodec &codec, QByteArrayView bytes, qsizetype chunk, int *errors = nullptr)
{
    QList<ImapResponse> out;
    for (qsizetype i = 0; i < bytes.size(); i += chunk) {
        codec.feed(bytes.sliced(i, std::min(chunk, bytes.size() - i)));
        for (;;) {
            ImapResponse response;
            const auto status = codec.next(response);
            if (status == ImapCodec::Status::NeedMoreData) {
                break;
            }
            if (status == ImapCodec::Status::Error) {
                if (errors) {
                    ++*errors;
                }
                if (codec.isBroken()) {
                    return out;
                }
                continue;
            }
            out.append(response);
        }
    }
    return out;
}

} // namespace

TEST(ImapCodecTest, ParsesGreetingWithCapabilityCode)
{
    ImapCodec codec;
    const auto responses
        = parseAll(codec, "* OK [CAPABILITY IMAP4rev1 SASL-IR IDLE AUTH=PLAIN] Dovecot ready.\r\n", 1000);
    ASSERT_EQ(responses.size(), 1);
    EXPECT_EQ(responses[0].kind, ImapResponse::Kind::Untagged);
    EXPECT_EQ(responses[0].status, ImapResponse::Status::Ok);
    EXPECT_EQ(responses[0].code, "CAPABILITY");
    ASSERT_EQ(responses[0].codeArgs.size(), 4);
    EXPECT_EQ(responses[0].codeArgs[3].bytes, "AUTH=PLAIN");
    EXPECT_EQ(responses[0].text, "Dovecot ready.");
}

TEST(ImapCodecTest, PartialLinesWaitForTheirEnd)
{
    ImapCodec codec;
    const QByteArray wire = "* 23 EXISTS\r\nA1 OK [READ-WRITE] SELECT completed\r\n+ idling\r\n";
    for (qsizetype chunk : { 1, 2, 3, 7 }) {
        codec.reset();
        const auto responses = parseAll(codec, wire, chunk);
        ASSERT_EQ(responses.size(), 3) << "chunk " << chunk;
        EXPECT_EQ(responses[0].number, 23u);
        EXPECT_EQ(responses[0].name, "EXISTS");
        EXPECT_EQ(responses[1].tag, "A1");
        EXPECT_EQ(responses[1].code, "READ-WRITE");
        EXPECT_EQ(responses[2].kind, ImapResponse::Kind::Continuation);
        EXPECT_EQ(responses[2].text, "idling");
    }
}

TEST(ImapCodecTest, FetchWithLiteralSplitAcrossReads)
{
    const QByteArray body = "Subject: hi\r\n\r\nline one\r\n) \"tricky\" {5}\r\n";
    const QByteArray wire = "* 3 FETCH (UID 42 FLAGS (\\Seen \\Answered) RFC822.SIZE " + QByteArray::number(body.size())
        + " INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" BODY[] {" + QByteArray::number(body.size()) + "}\r\n" + body
        + ")\r\nA4 OK done\r\n";
    for (qsizetype chunk : { 1, 5, 64, 4096 }) {
        ImapCodec codec;
        const auto responses = parseAll(codec, wire, chunk);
        ASSERT_EQ(responses.size(), 2) << "chunk " << chunk;
        const auto data = ImapFetchData::fromResponse(responses[0]);
        ASSERT_TRUE(data.has_value());
        EXPECT_EQ(data->sequenceNumber, 3u);
        EXPECT_EQ(data->uid, 42u);
        ASSERT_TRUE(data->flags.has_value());
        EXPECT_EQ(*data->flags, (QByteArrayList { "\\Seen", "\\Answered" }));
        EXPECT_EQ(data->size, body.size());
        ASSERT_TRUE(data->body.has_value());
        EXPECT_EQ(*data->body, body);
        EXPECT_EQ(data->internalDate, QDateTime(QDate(1996, 7, 17), QTime(9, 44, 25), Qt::UTC));
    }
}

TEST(ImapCodecTest, UntaggedDataInAnyOrderAroundTaggedReplies)
{
    ImapCodec codec;
    const auto responses = parseAll(codec,
        "* 2 FETCH (FLAGS (\\Seen) UID 9)\r\n"
        "* SEARCH 4 9 12\r\n"
        "A7 OK search done\r\n"
        "* 4 EXPUNGE\r\n"
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded)\r\n"
        "* OK [UIDVALIDITY 3857529045] UIDs valid\r\n"
        "* OK [PERMANENTFLAGS (\\Seen \\*)] Limited\r\n"
        "* BYE shutting down\r\n",
        17);
    ASSERT_EQ(responses.size(), 8);
    EXPECT_EQ(ImapFetchData::fromResponse(responses[0])->uid, 9u);
    EXPECT_EQ(responses[1].name, "SEARCH");
    EXPECT_EQ(responses[1].values.size(), 3);
    EXPECT_EQ(responses[1].values[2].number, 12u);
    EXPECT_EQ(responses[2].tag, "A7");
    EXPECT_EQ(responses[3].name, "EXPUNGE");
    EXPECT_EQ(responses[4].values[0].list.size(), 6);
    EXPECT_EQ(responses[5].codeNumber(), 3857529045u);
    EXPECT_EQ(responses[6].codeArgs[0].list[1].bytes, "\\*");
    EXPECT_EQ(responses[7].status, ImapResponse::Status::Bye);
}

TEST(ImapCodecTest, SectionAtomsKeepTheirBrackets)
{
    ImapCodec codec;
    const auto responses = parseAll(codec, "* 1 FETCH (BODY[HEADER.FIELDS (SUBJECT FROM)] {4}\r\nab\r\n UID 5)\r\n", 9);
    ASSERT_EQ(responses.size(), 1);
    const auto &items = responses[0].values[0].list;
    ASSERT_EQ(items.size(), 4);
    EXPECT_EQ(items[0].bytes, "BODY[HEADER.FIELDS (SUBJECT FROM)]");
    EXPECT_EQ(items[1].bytes, "ab\r\n");
}

TEST(ImapCodecTest, MalformedLinesGiveErrorsAndParsingGoesOn)
{
    ImapCodec codec;
    int errors = 0;
    const auto responses = parseAll(codec,
        "\r\n"
        "* 1 FETCH (UID 5\r\n"
        "* 2 FETCH (UID 6))\r\n"
        "A1\r\n"
        "A2 FROBNICATE\r\n"
        "* OK [UIDVALIDITY 12\r\n"
        "* \"unterminated\r\n"
        "A3 OK still here\r\n",
        5, &errors);
    EXPECT_EQ(errors, 7);
    ASSERT_EQ(responses.size(), 1);
    EXPECT_EQ(responses[0].tag, "A3");
    EXPECT_FALSE(codec.isBroken());
}

TEST(ImapCodecTest, OversizedLinesAndLiteralsBreakTheStream)
{
    ImapCodec small(ImapCodec::Limits { 64, 1024 });
    int errors = 0;
    parseAll(small, QByteArray(100, 'x'), 10, &errors);
    EXPECT_TRUE(small.isBroken());
    EXPECT_EQ(errors, 1);

    ImapCodec literal(ImapCodec::Limits { 64, 1024 });
    errors = 0;
    parseAll(literal, "* 1 FETCH (BODY[] {99999999}\r\n", 100, &errors);
    EXPECT_TRUE(literal.isBroken());
    EXPECT_FALSE(literal.errorString().isEmpty());

    ImapCodec nonsense;
    errors = 0;
    parseAll(nonsense, "* 1 FETCH (BODY[] {12x}\r\n", 100, &errors);
    EXPECT_TRUE(nonsense.isBroken());
}

TEST(ImapCodecTest, TenMegabyteLiteralInSmallReads)
{
    QByteArray body(10 * 1024 * 1024, 'a');
    for (qsizetype i = 0; i < body.size(); i += 1000) {
        body[i] = '\n';
    }
    const QByteArray wire = "* 1 FETCH (UID 77 BODY[] {" + QByteArray::number(body.size()) + "}\r\n" + body
        + ")\r\n* 2 FETCH (UID 78 BODY[] {1}\r\nz)\r\nA9 OK done\r\n";
    ImapCodec codec;
    const auto responses = parseAll(codec, wire, 16 * 1024);
    ASSERT_EQ(responses.size(), 3);
    const auto first = ImapFetchData::fromResponse(responses[0]);
    ASSERT_TRUE(first && first->body);
    EXPECT_EQ(first->body->size(), body.size());
    EXPECT_TRUE(*first->body == body);
    EXPECT_EQ(ImapFetchData::fromResponse(responses[1])->body, QByteArray("z"));
    EXPECT_EQ(codec.bufferedBytes(), 0);
}

TEST(ImapCodecTest, FormatsCommandsWithQuotingAndLiterals)
{
    const auto simple = ImapCodec::formatCommand("A1",
        { ImapArgument::atom("LOGIN"), ImapArgument::string(QStringLiteral("agent")),
            ImapArgument::string(QStringLiteral("se\"cr\\et")) },
        false);
    EXPECT_EQ(simple, (QList<QByteArray> { "A1 LOGIN \"agent\" \"se\\\"cr\\\\et\"\r\n" }));

    const auto literal = ImapCodec::formatCommand("A2",
        { ImapArgument::atom("LOGIN"), ImapArgument::string(QStringLiteral("agent")),
            ImapArgument::string(QStringLiteral("p\u00e4ss")) },
        false);
    EXPECT_EQ(literal, (QList<QByteArray> { "A2 LOGIN \"agent\" {5}\r\n", "p\xc3\xa4ss\r\n" }));

    const auto plus = ImapCodec::formatCommand("A3",
        { ImapArgument::atom("LOGIN"), ImapArgument::string(QByteArray("a\r\nb")), ImapArgument::atom("X") }, true);
    EXPECT_EQ(plus, (QList<QByteArray> { "A3 LOGIN {4+}\r\na\r\nb X\r\n" }));
}

TEST(ImapCodecTest, SequenceSetsAndMailboxNames)
{
    EXPECT_EQ(ImapCodec::formatSequenceSet({ 9, 1, 2, 3, 5, 7, 8, 3 }), "1:3,5,7:9");
    EXPECT_EQ(ImapCodec::encodeMailboxName(QStringLiteral("INBOX")), "INBOX");
    EXPECT_EQ(ImapCodec::encodeMailboxName(QStringLiteral("Tom & Jerry")), "Tom &- Jerry");
    // RFC 3501 §5.1.3 example: 台北 → &U,BTFw-
    EXPECT_EQ(ImapCodec::encodeMailboxName(QStringLiteral("\u53f0\u5317")), "&U,BTFw-");
    EXPECT_EQ(ImapCodec::decodeMailboxName("&U,BTFw-/&ZeVnLIqe-"), QStringLiteral("\u53f0\u5317/\u65e5\u672c\u8a9e"));
    EXPECT_EQ(ImapCodec::decodeMailboxName(ImapCodec::encodeMailboxName(QStringLiteral("Support/お問い合わせ"))),
        QStringLiteral("Support/お問い合わせ"));
}
