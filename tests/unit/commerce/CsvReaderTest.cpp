// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The streaming CSV reader on the edges of RFC 4180 and on broken input.
#include "commerce/CsvReader.h"

#include <QBuffer>

#include <gtest/gtest.h>

using waybill::commerce::CsvReader;

namespace {

QList<CsvReader::Record> readAll(const QByteArray &bytes, char delimiter = ',', qint64 maxBytes = 1 << 20)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer, delimiter, maxBytes);
    QList<CsvReader::Record> records;
    CsvReader::Record record;
    while (reader.next(record)) {
        records.append(record);
    }
    return records;
}

QStringList fields(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts) {
        list << QString::fromUtf8(text);
    }
    return list;
}

} // namespace

TEST(CsvReaderTest, ReadsPlainRecordsWithLineNumbers)
{
    const auto records = readAll("a,b,c\n1,2,3\n");
    ASSERT_EQ(records.size(), 2);
    EXPECT_EQ(records.at(0).fields(), fields({ "a", "b", "c" }));
    EXPECT_EQ(records.at(1).fields(), fields({ "1", "2", "3" }));
    EXPECT_EQ(records.at(0).line, 1);
    EXPECT_EQ(records.at(1).line, 2);
}

TEST(CsvReaderTest, QuotedFieldsHoldDelimitersQuotesAndLineBreaks)
{
    const auto records = readAll("name,note\n\"Lee, Jr.\",\"say \"\"hi\"\"\nand bye\"\nnext,row\n");
    ASSERT_EQ(records.size(), 3);
    EXPECT_EQ(records.at(1).fields(), fields({ "Lee, Jr.", "say \"hi\"\nand bye" }));
    EXPECT_TRUE(records.at(1).error.isEmpty());
    EXPECT_EQ(records.at(2).fields(), fields({ "next", "row" }));
    EXPECT_EQ(records.at(2).line, 4) << "the quoted line break counts as a line";
}

TEST(CsvReaderTest, CrLfAndLfAndNoFinalNewline)
{
    const auto records = readAll("a,b\r\n1,2\n3,4");
    ASSERT_EQ(records.size(), 3);
    EXPECT_EQ(records.at(0).fields(), fields({ "a", "b" }));
    EXPECT_EQ(records.at(1).fields(), fields({ "1", "2" }));
    EXPECT_EQ(records.at(2).fields(), fields({ "3", "4" }));
    EXPECT_EQ(records.at(2).line, 3);
}

TEST(CsvReaderTest, CrLfInsideQuotesIsKept)
{
    const auto records = readAll("\"one\r\ntwo\",x\r\n");
    ASSERT_EQ(records.size(), 1);
    EXPECT_EQ(records.at(0).fields(), QStringList({ QStringLiteral("one\r\ntwo"), QStringLiteral("x") }));
}

TEST(CsvReaderTest, DropsUtf8ByteOrderMark)
{
    const auto records = readAll("\xEF\xBB\xBFName,Email\n#1001,\xE6\x9D\x91\xE4\xB8\x8A@example.jp\n");
    ASSERT_EQ(records.size(), 2);
    EXPECT_EQ(records.at(0).fields().at(0), QStringLiteral("Name"));
    EXPECT_EQ(records.at(1).fields().at(1), QString::fromUtf8("村上@example.jp"));
}

TEST(CsvReaderTest, FieldsThatAreNotUtf8AreReadAsLatin1)
{
    const auto records = readAll("name,city\nM\xFCller,K\xF6ln\nM\xC3\xBCller,K\xC3\xB6ln\n");
    ASSERT_EQ(records.size(), 3);
    EXPECT_EQ(records.at(1).fields(), QStringList({ QString::fromUtf8("Müller"), QString::fromUtf8("Köln") }));
    EXPECT_EQ(records.at(2).fields(), QStringList({ QString::fromUtf8("Müller"), QString::fromUtf8("Köln") }));
}

TEST(CsvReaderTest, EmptyFieldsAndEmptyLines)
{
    const auto records = readAll("a,,c\n\n,\n");
    ASSERT_EQ(records.size(), 3);
    EXPECT_EQ(records.at(0).fields(), fields({ "a", "", "c" }));
    EXPECT_TRUE(records.at(1).isBlank());
    EXPECT_EQ(records.at(2).fields(), fields({ "", "" }));
    EXPECT_TRUE(records.at(2).isBlank());
}

TEST(CsvReaderTest, TabSeparated)
{
    const auto records = readAll("amazon-order-id\tsku\n113-1234567-1234567\tA, B\n", '\t');
    ASSERT_EQ(records.size(), 2);
    EXPECT_EQ(records.at(1).fields(), fields({ "113-1234567-1234567", "A, B" }));
}

TEST(CsvReaderTest, OverlongLineIsReportedAndReadingGoesOn)
{
    const QByteArray longField(5000, 'x');
    const auto records = readAll("a,b\n" + longField + ",1\nc,d\n", ',', 1000);
    ASSERT_EQ(records.size(), 3);
    EXPECT_FALSE(records.at(1).error.isEmpty());
    EXPECT_EQ(records.at(1).line, 2);
    EXPECT_TRUE(records.at(1).error.contains(QStringLiteral("1000"))) << records.at(1).error.toStdString();
    EXPECT_EQ(records.at(2).fields(), fields({ "c", "d" }));
    EXPECT_EQ(records.at(2).line, 3);
}

TEST(CsvReaderTest, UnterminatedQuoteAtEndOfFile)
{
    const auto records = readAll("a,b\n1,\"open\nstill open");
    ASSERT_EQ(records.size(), 2);
    EXPECT_TRUE(records.at(0).error.isEmpty());
    EXPECT_EQ(records.at(1).line, 2);
    EXPECT_EQ(records.at(1).error, QStringLiteral("a quoted field is not closed"));
}

TEST(CsvReaderTest, StrayQuoteInsideUnquotedFieldIsText)
{
    const auto records = readAll("12\" ruler,3\n");
    ASSERT_EQ(records.size(), 1);
    EXPECT_EQ(records.at(0).fields(), fields({ "12\" ruler", "3" }));
}

TEST(CsvReaderTest, RecordsAcrossChunkBoundaries)
{
    // Records larger than the reader's 256 KiB chunks, with quotes and CRLF split across reads.
    QByteArray bytes;
    const QByteArray big(300 * 1024, 'y');
    for (int i = 0; i < 3; ++i) {
        bytes += "\"" + big + "\"\"q\"\"\r\n\",";
        bytes += QByteArray::number(i) + "\r\n";
    }
    const auto records = readAll(bytes, ',', 1 << 20);
    ASSERT_EQ(records.size(), 3);
    for (int i = 0; i < 3; ++i) {
        EXPECT_TRUE(records.at(i).error.isEmpty());
        ASSERT_EQ(records.at(i).fields().size(), 2);
        EXPECT_EQ(records.at(i).fields().at(0).size(), big.size() + 5);
        EXPECT_TRUE(records.at(i).fields().at(0).endsWith(QStringLiteral("\"q\"\r\n")));
        EXPECT_EQ(records.at(i).fields().at(1), QString::number(i));
        EXPECT_EQ(records.at(i).line, 1 + i * 2);
    }
}

TEST(CsvReaderTest, EmptyInputHasNoRecords)
{
    EXPECT_TRUE(readAll("").isEmpty());
    EXPECT_TRUE(readAll("\xEF\xBB\xBF").isEmpty());
}
