// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Importing order exports into a workspace: upserts, customers by e-mail, shipments, bad rows, batches.
#include "TestWorkspace.h"
#include "commerce/OrderImporter.h"
#include "domain/Customer.h"
#include "storage/CustomerRepository.h"
#include "storage/OrderRepository.h"
#include "storage/SearchIndex.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace waybill;
using commerce::OrderColumnMapping;
using commerce::OrderImporter;

namespace {

constexpr qint64 Now = 1'795'000'000;

QString sample(const char *name)
{
    return QStringLiteral(WAYBILL_TEST_DATA_DIR "/orders/") + QString::fromLatin1(name);
}

class OrderImporterTest : public ::testing::Test {
protected:
    qint64 count(const QString &sql)
    {
        storage::SqlQuery q(ws.db(), sql);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }
    OrderImporter::Stats import(const QString &path, const OrderColumnMapping &mapping, int batchSize = 5000,
        const OrderImporter::Progress &progress = {})
    {
        OrderImporter importer(ws.db(), [] { return Now; });
        return importer.importFile(path, mapping, progress, batchSize);
    }

    waybill::testing::TestWorkspace ws;
};

} // namespace

TEST_F(OrderImporterTest, ShopifyOrdersAreStoredWithTheirCustomers)
{
    const auto stats = import(sample("shopify_orders_export.csv"), OrderColumnMapping::shopify());
    EXPECT_EQ(stats.created, 4);
    EXPECT_EQ(stats.updated, 0);
    EXPECT_EQ(stats.rows, 5);
    EXPECT_EQ(stats.customersCreated, 3) << "Ada's two orders share one customer";
    EXPECT_EQ(stats.badRows, 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM orders WHERE source = 'shopify'")), 4);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM order_lines")), 5);

    const storage::OrderRepository orders(ws.db());
    const auto found = orders.lookup(QStringLiteral("1001"), 5);
    ASSERT_EQ(found.size(), 1);
    const auto order = orders.find(found.at(0).id);
    ASSERT_TRUE(order.has_value());
    EXPECT_EQ(order->totalCents, 5629);
    ASSERT_EQ(order->lines.size(), 2);
    const auto customer = storage::CustomerRepository(ws.db()).find(order->customerId);
    ASSERT_TRUE(customer.has_value());
    EXPECT_EQ(customer->name, QStringLiteral("Ada Lovelace"));
    EXPECT_EQ(customer->firstName, QStringLiteral("Ada"));
    EXPECT_EQ(customer->createdAt, Now);
    EXPECT_EQ(orders.forCustomer(order->customerId).size(), 2);
    // New customers are searchable like those that came by mail.
    EXPECT_EQ(orders.lookup(QStringLiteral("Lovelace"), 10).size(), 2);
}

TEST_F(OrderImporterTest, OrdersLinkToTheCustomerWhoOwnsTheEmailAddress)
{
    domain::Customer grace;
    grace.name = QStringLiteral("Grace B. Hopper");
    grace.createdAt = 1;
    grace.identities.append({ 0, QStringLiteral("email"), QStringLiteral("grace.hopper@example.com") });
    const qint64 graceId = storage::CustomerRepository(ws.db()).insert(grace);

    const auto stats = import(sample("ebay_orders_report.csv"), OrderColumnMapping::ebay());
    EXPECT_EQ(stats.created, 2);
    EXPECT_EQ(stats.customersLinked, 1);
    EXPECT_EQ(stats.customersCreated, 1);
    const storage::OrderRepository orders(ws.db());
    const auto mine = orders.forCustomer(graceId);
    ASSERT_EQ(mine.size(), 1);
    EXPECT_EQ(mine.at(0).number, QStringLiteral("21-10482-11111"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM customers")), 2);
    const auto shipments = orders.shipments(mine.at(0).id);
    ASSERT_EQ(shipments.size(), 1);
    EXPECT_EQ(shipments.at(0).carrier, QStringLiteral("usps"));
    EXPECT_EQ(shipments.at(0).trackingNumber, QStringLiteral("9400111899223344556677"));
    // Both buyers are known by their eBay user id too, as eBay's messages name them.
    const storage::CustomerRepository customers(ws.db());
    EXPECT_EQ(customers.findByIdentity(QStringLiteral("ebay"), QStringLiteral("grace_h"))->customerId, graceId);
    EXPECT_TRUE(customers.findByIdentity(QStringLiteral("ebay"), QStringLiteral("vintage_fan42")).has_value());
}

TEST_F(OrderImporterTest, ImportingAgainUpdatesAndNeverDuplicates)
{
    import(sample("ebay_orders_report.csv"), OrderColumnMapping::ebay());
    import(sample("shopify_orders_export.csv"), OrderColumnMapping::shopify());
    const auto again = import(sample("shopify_orders_export.csv"), OrderColumnMapping::shopify());
    EXPECT_EQ(again.created, 0);
    EXPECT_EQ(again.updated, 4);
    EXPECT_EQ(again.customersCreated, 0);
    const auto ebayAgain = import(sample("ebay_orders_report.csv"), OrderColumnMapping::ebay());
    EXPECT_EQ(ebayAgain.updated, 2);
    EXPECT_EQ(ebayAgain.shipments, 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM orders")), 6);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM order_lines")), 5 + 3);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM shipments")), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM customers")), 4);
    // Four e-mail addresses, and the eBay buyers' user ids once each however often they are imported.
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM identities")), 4 + 2);

    // A changed export updates the stored order: a refund lowers the total, a line goes away.
    QTemporaryDir dir;
    QFile original(sample("shopify_orders_export.csv"));
    ASSERT_TRUE(original.open(QIODevice::ReadOnly));
    QByteArray bytes = original.readAll();
    bytes.replace("\"56.29\"", "\"50.00\"");
    bytes.replace("56.29", "50.00");
    const qsizetype second = bytes.indexOf("#1001,ada.lovelace@example.com,,");
    ASSERT_GT(second, 0);
    bytes.remove(second, bytes.indexOf('\n', second) - second + 1);
    QFile changed(dir.filePath(QStringLiteral("orders_export.csv")));
    ASSERT_TRUE(changed.open(QIODevice::WriteOnly));
    changed.write(bytes);
    changed.close();
    const auto updated = import(changed.fileName(), OrderColumnMapping::shopify());
    EXPECT_EQ(updated.updated, 4);
    const storage::OrderRepository orders(ws.db());
    const auto order = orders.find(orders.idOf(QStringLiteral("shopify"), QStringLiteral("#1001")));
    ASSERT_TRUE(order.has_value());
    EXPECT_EQ(order->totalCents, 5000);
    EXPECT_EQ(order->lines.size(), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM orders")), 6);
}

TEST_F(OrderImporterTest, BrokenRowsAreReportedAndTheRestIsImported)
{
    OrderColumnMapping mapping;
    for (const char *assignment :
        { "number=order_id", "placed_at=date", "email=email", "name=name", "total=total", "currency=currency",
            "sku=sku", "title=title", "quantity=qty", "price=price", "tracking=tracking", "carrier=carrier" }) {
        ASSERT_TRUE(mapping.applyAssignment(QString::fromLatin1(assignment)).isEmpty());
    }
    mapping.setSource(QStringLiteral("wholesale"));
    const auto stats = import(sample("broken_orders.csv"), mapping);
    EXPECT_EQ(stats.created, 2);
    EXPECT_EQ(stats.badRows, 4);
    ASSERT_EQ(stats.problems.size(), 4);
    EXPECT_EQ(stats.problems.at(0).line, 3);
    EXPECT_EQ(stats.problems.at(3).line, 7);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM orders WHERE source = 'wholesale'")), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM shipments WHERE carrier = 'dhl'")), 1);
}

TEST_F(OrderImporterTest, StoppedImportKeepsFinishedBatchesAndResumesWhenRunAgain)
{
    // Work on a copy: resuming is keyed by the file, and only an unchanged file is resumed.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("orders_export.csv"));
    ASSERT_TRUE(QFile::copy(sample("shopify_orders_export.csv"), path));
    int batches = 0;
    const auto first = import(path, OrderColumnMapping::shopify(), 1, [&](qint64 done, qint64 total) {
        EXPECT_LE(done, total);
        return ++batches < 2;
    });
    EXPECT_TRUE(first.stopped);
    EXPECT_FALSE(first.resumed);
    EXPECT_EQ(first.created, 2);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM orders")), 2);

    const auto second = import(path, OrderColumnMapping::shopify(), 1);
    EXPECT_FALSE(second.stopped);
    EXPECT_TRUE(second.resumed);
    EXPECT_EQ(second.created, 2) << "#1003 and #1004, after where the first run stopped";
    EXPECT_EQ(second.updated, 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM orders")), 4);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM order_lines")), 5);

    // Finished: importing it again reads it all again, and updates.
    const auto third = import(path, OrderColumnMapping::shopify());
    EXPECT_FALSE(third.resumed);
    EXPECT_EQ(third.updated, 4);
}

TEST_F(OrderImporterTest, ResumingStartsOverWhenTheFileChanged)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("orders_export.csv"));
    ASSERT_TRUE(QFile::copy(sample("shopify_orders_export.csv"), path));
    const auto first = import(path, OrderColumnMapping::shopify(), 1, [](qint64, qint64) { return false; });
    EXPECT_TRUE(first.stopped);
    EXPECT_EQ(first.created, 1);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::Append));
    file.write("#1005,new@example.com,paid,,,,,USD,1.00,0.00,0.00,1.00,,,,2026-03-20 10:00:00 -0400,1,Pen,1.00,,PEN,"
               "true,true,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n");
    file.close();
    const auto second = import(path, OrderColumnMapping::shopify());
    EXPECT_FALSE(second.resumed);
    EXPECT_EQ(second.updated, 1);
    EXPECT_EQ(second.created, 4);
    EXPECT_EQ(second.badRows, 0) << (second.problems.isEmpty() ? std::string()
                                                               : second.problems.at(0).reason.toStdString());
}

TEST_F(OrderImporterTest, MissingFileOrWrongFormatIsAClearErrorAndWritesNothing)
{
    try {
        import(QStringLiteral("/nonexistent/orders.csv"), OrderColumnMapping::shopify());
        FAIL() << "no error";
    } catch (const storage::StorageError &error) {
        EXPECT_EQ(error.kind(), storage::StorageError::Kind::NotFound);
        EXPECT_EQ(error.userMessage(), QStringLiteral("There is no file /nonexistent/orders.csv."));
    }
    try {
        import(sample("amazon_all_orders.txt"), OrderColumnMapping::ebay());
        FAIL() << "no error";
    } catch (const storage::StorageError &error) {
        EXPECT_EQ(error.kind(), storage::StorageError::Kind::Invalid);
        EXPECT_TRUE(error.userMessage().contains(QStringLiteral("\"Order Number\"")))
            << error.userMessage().toStdString();
    }
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM orders")), 0);
}
