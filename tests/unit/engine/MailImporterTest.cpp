// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestWorkspace.h"
#include "channels/email/MailArchiveReader.h"
#include "engine/Ingest.h"
#include "engine/MailImporter.h"
#include "engine/SlaClock.h"
#include "storage/AttachmentStore.h"
#include "storage/MessageRepository.h"
#include "storage/OrderRepository.h"
#include "storage/QuarantineRepository.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace waybill;
using channels::email::MailArchiveReader;
using engine::MailImporter;

namespace {

constexpr qint64 Now = 1795000000;

QByteArray message(int n, const QByteArray &body)
{
    return "From: Customer " + QByteArray::number(n) + " <c" + QByteArray::number(n)
        + "@example.net>\r\nTo: support@shop.example\r\nSubject: Question " + QByteArray::number(n)
        + "\r\nMessage-ID: <m" + QByteArray::number(n)
        + "@example.net>\r\nDate: Tue, 17 Nov 2026 10:00:00 +0000\r\n"
          "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        + body + "\r\n";
}

class MailImporterTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::make_unique<storage::AttachmentStore>(dir.filePath(QStringLiteral("attachments")));
        ingest = std::make_unique<engine::Ingest>(ws.db(), *store, sla, [] { return Now; });
    }

    QString writeMbox(const QList<QByteArray> &messages)
    {
        const QString path = dir.filePath(QStringLiteral("archive.mbox"));
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        for (const QByteArray &m : messages) {
            file.write("From MAILER-DAEMON Tue Nov 17 10:00:00 2026\n" + m + "\n");
        }
        return path;
    }

    qint64 count(const QString &sql)
    {
        storage::SqlQuery q(ws.db(), sql);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }

    waybill::testing::TestWorkspace ws;
    QTemporaryDir dir;
    engine::SlaClock sla;
    std::unique_ptr<storage::AttachmentStore> store;
    std::unique_ptr<engine::Ingest> ingest;
};

TEST_F(MailImporterTest, MboxImportsEveryMessageAndUnquotesFromLines)
{
    const QString path
        = writeMbox({ message(1, "First"), message(2, ">From the depths of the warehouse"), message(3, "Third") });
    MailArchiveReader reader(MailArchiveReader::Format::Mbox, path);
    ASSERT_TRUE(reader.error().isEmpty());
    const auto stats
        = MailImporter(ws.db(), *ingest, reader, QStringLiteral("mbox:") + path, QStringLiteral("email:import")).run();
    EXPECT_EQ(stats.stored, 3);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM conversations")), 3);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM messages WHERE body_text LIKE 'From the depths%'")), 1);
}

TEST_F(MailImporterTest, InterruptedImportResumesAndRepeatedImportStoresNothingTwice)
{
    QList<QByteArray> messages;
    for (int i = 1; i <= 7; ++i) {
        messages << message(i, "Body " + QByteArray::number(i));
    }
    const QString path = writeMbox(messages);
    const QString key = QStringLiteral("mbox:") + path;
    {
        MailArchiveReader reader(MailArchiveReader::Format::Mbox, path);
        // Stop after the first batch of three, as if the process had been killed.
        const auto stats = MailImporter(ws.db(), *ingest, reader, key, QStringLiteral("email:import"))
                               .run([](qint64, qint64) { return false; }, 3);
        EXPECT_EQ(stats.stored, 3);
    }
    {
        MailArchiveReader reader(MailArchiveReader::Format::Mbox, path);
        const auto stats = MailImporter(ws.db(), *ingest, reader, key, QStringLiteral("email:import")).run({}, 3);
        EXPECT_TRUE(stats.resumed);
        EXPECT_EQ(stats.stored, 4);
        EXPECT_EQ(stats.duplicates, 0);
    }
    // The same messages again from another file: all skipped.
    const QString copy = dir.filePath(QStringLiteral("copy.mbox"));
    ASSERT_TRUE(QFile::copy(path, copy));
    MailArchiveReader reader(MailArchiveReader::Format::Mbox, copy);
    const auto stats
        = MailImporter(ws.db(), *ingest, reader, QStringLiteral("mbox:") + copy, QStringLiteral("email:import")).run();
    EXPECT_EQ(stats.stored, 0);
    EXPECT_EQ(stats.duplicates, 7);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM messages")), 7);
}

TEST_F(MailImporterTest, UnparseableMessagesAreQuarantinedAndTheRestImported)
{
    // Nested deeper than the parser's limit: quarantined with its bytes, the import goes on.
    QByteArray deep
        = "From: a@example.net\r\nMessage-ID: <deep@example.net>\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n";
    for (int i = 0; i < 80; ++i) {
        deep += "--b" + QByteArray::number(i) + "\r\nContent-Type: multipart/mixed; boundary=b"
            + QByteArray::number(i + 1) + "\r\n\r\n";
    }
    const QString maildir = dir.filePath(QStringLiteral("Maildir"));
    ASSERT_TRUE(QDir().mkpath(maildir + QStringLiteral("/cur")));
    ASSERT_TRUE(QDir().mkpath(maildir + QStringLiteral("/new")));
    const QList<std::pair<QString, QByteArray>> files = { { QStringLiteral("/cur/1.host:2,S"), message(1, "ok") },
        { QStringLiteral("/cur/2.host:2,S"), deep }, { QStringLiteral("/new/3.host"), message(3, "new one") } };
    for (const auto &[name, bytes] : files) {
        QFile file(maildir + name);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    MailArchiveReader reader(MailArchiveReader::Format::Maildir, maildir);
    const auto stats
        = MailImporter(ws.db(), *ingest, reader, QStringLiteral("maildir:") + maildir, QStringLiteral("email:import"))
              .run();
    EXPECT_EQ(stats.stored, 2);
    EXPECT_EQ(stats.quarantined, 1);
    const auto quarantined = storage::QuarantineRepository(ws.db()).open();
    ASSERT_EQ(quarantined.size(), 1);
    EXPECT_TRUE(quarantined.first().reason.contains(QStringLiteral("2.host")))
        << quarantined.first().reason.toStdString();
    QFile raw(store->pathOf(quarantined.first().rawSha256));
    ASSERT_TRUE(raw.open(QIODevice::ReadOnly));
    EXPECT_EQ(raw.readAll(), deep);
}

TEST_F(MailImporterTest, AnAttachmentThatCannotBeSavedStopsTheImportWithoutLosingEarlierBatches)
{
    const QByteArray withAttachment
        = "From: c2@example.net\r\nSubject: Photo\r\nMessage-ID: <m2@example.net>\r\n"
          "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nSee the photo\r\n"
          "--x\r\nContent-Type: image/png; name=photo.png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
          "iVBORw0KGgo=\r\n--x--\r\n";
    const QString path = writeMbox({ message(1, "first"), withAttachment, message(3, "third") });
    const QString key = QStringLiteral("mbox:") + path;
    // A file where the attachment folder should be: the attachment cannot be written.
    const QString attachments = dir.filePath(QStringLiteral("attachments"));
    {
        QFile blocker(attachments);
        ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    }
    {
        MailArchiveReader reader(MailArchiveReader::Format::Mbox, path);
        try {
            MailImporter(ws.db(), *ingest, reader, key, QStringLiteral("email:import")).run({}, 1);
            FAIL() << "the failed attachment must stop the import";
        } catch (const storage::StorageError &error) {
            EXPECT_EQ(error.kind(), storage::StorageError::Kind::ReadOnly);
            EXPECT_TRUE(error.userMessage().contains(QStringLiteral("attachment")))
                << error.userMessage().toStdString();
        }
    }
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM messages")), 1);
    // Once the folder can be written, the import resumes at the message that failed.
    ASSERT_TRUE(QFile::remove(attachments));
    MailArchiveReader reader(MailArchiveReader::Format::Mbox, path);
    const auto stats = MailImporter(ws.db(), *ingest, reader, key, QStringLiteral("email:import")).run({}, 1);
    EXPECT_TRUE(stats.resumed);
    EXPECT_EQ(stats.stored, 2);
    EXPECT_EQ(stats.duplicates, 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM attachments WHERE filename = 'photo.png'")), 1);
}

TEST_F(MailImporterTest, AMessageTwiceInOneBatchIsStoredOnce)
{
    const QString path = writeMbox({ message(1, "first"), message(2, "second"), message(1, "first") });
    MailArchiveReader reader(MailArchiveReader::Format::Mbox, path);
    const auto stats
        = MailImporter(ws.db(), *ingest, reader, QStringLiteral("mbox:") + path, QStringLiteral("email:import")).run();
    EXPECT_EQ(stats.stored, 2);
    EXPECT_EQ(stats.duplicates, 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM messages")), 2);
}

TEST_F(MailImporterTest, MissingArchivesAreReportedClearly)
{
    EXPECT_TRUE(MailArchiveReader(MailArchiveReader::Format::Mbox, dir.filePath(QStringLiteral("nope.mbox")))
                    .error()
                    .contains(QStringLiteral("does not exist")));
    EXPECT_TRUE(
        MailArchiveReader(MailArchiveReader::Format::Maildir, dir.path()).error().contains(QStringLiteral("Maildir")));
}

} // namespace

TEST_F(MailImporterTest, LinksOrdersAndTrackingNumbersNamedInTheArchive)
{
    const storage::OrderRepository orders(ws.db());
    domain::Order shop;
    shop.source = QStringLiteral("shopify");
    shop.number = QStringLiteral("#4817");
    shop.placedAt = Now - 10 * 86400;
    shop.currency = QStringLiteral("USD");
    shop.status = QStringLiteral("paid");
    const qint64 shopOrder = orders.insert(shop);
    domain::Order amazon = shop;
    amazon.source = QStringLiteral("amazon");
    amazon.number = QStringLiteral("113-4567890-1234567");
    const qint64 amazonOrder = orders.insert(amazon);
    domain::Shipment shipment;
    shipment.orderId = amazonOrder;
    shipment.carrier = QStringLiteral("ups");
    shipment.trackingNumber = QStringLiteral("1Z999AA10123456784");
    shipment.shippedAt = Now - 86400;
    orders.insertShipment(shipment);

    // Numbers that name no order (a phone number, an unknown order) sit beside the ones that do; a batch of two
    // messages makes the importer read several batches.
    const QString path = writeMbox({ message(1, "Where is order #4817? Call me on 5550123456."),
        message(2, "Order 113-4567890-1234567 has not arrived."), message(3, "The parcel 1Z999AA10123456784 is late."),
        message(4, "About order #9999, which is not ours."), message(5, "No number at all.") });
    MailArchiveReader reader(MailArchiveReader::Format::Mbox, path);
    const auto stats
        = MailImporter(ws.db(), *ingest, reader, QStringLiteral("mbox:") + path, QStringLiteral("email:import"))
              .run({}, 2);
    EXPECT_EQ(stats.stored, 5);
    const auto orderOf = [&](int n) {
        return count(QStringLiteral("SELECT coalesce(c.order_id, 0) FROM conversations c JOIN messages m ON "
                                    "m.conversation_id = c.id WHERE m.message_id = 'm%1@example.net'")
                         .arg(n));
    };
    EXPECT_EQ(orderOf(1), shopOrder);
    EXPECT_EQ(orderOf(2), amazonOrder);
    EXPECT_EQ(orderOf(3), amazonOrder);
    EXPECT_EQ(orderOf(4), 0);
    EXPECT_EQ(orderOf(5), 0);
}
