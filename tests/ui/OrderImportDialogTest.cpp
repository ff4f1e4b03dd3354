// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The order import dialog: presets, the column mapping of "Other" with the file's first rows, the import on its
// worker thread and the rows it left out. WAYBILL_UI_SCREENSHOTS=DIR saves order-import.png there.
#include "Screenshot.h"
#include "TestWorkspace.h"
#include "storage/OrderRepository.h"
#include "storage/SqlQuery.h"
#include "ui/OrderImportDialog.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace waybill;

namespace {

QString sample(const char *name)
{
    return QStringLiteral(WAYBILL_TEST_DATA_DIR "/orders/") + QString::fromLatin1(name);
}

class OrderImportDialogTest : public ::testing::Test {
protected:
    qint64 count(const QString &sql)
    {
        storage::SqlQuery q(workspace.db(), sql);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }
    template <typename T> T *child(ui::OrderImportDialog &dialog, const char *name)
    {
        T *widget = dialog.findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }
    bool runImport(ui::OrderImportDialog &dialog)
    {
        child<QPushButton>(dialog, "importButton")->click();
        return waitUntilIdle(dialog);
    }
    static bool waitUntilIdle(ui::OrderImportDialog &dialog)
    {
        return waybill::testing::waitUntil([&] { return !dialog.isImporting(); }, 20000);
    }

    waybill::testing::TestWorkspace workspace { waybill::testing::TestWorkspace::Kind::OnDisk };
};

} // namespace

TEST_F(OrderImportDialogTest, ShopifyPresetImportsAndReportsTheSummary)
{
    QString chosen = sample("shopify_orders_export.csv");
    ui::OrderImportDialog dialog(workspace.db().path(), [&] { return chosen; });
    EXPECT_FALSE(child<QPushButton>(dialog, "importButton")->isEnabled()) << "no file yet";
    child<QPushButton>(dialog, "browseButton")->click();
    EXPECT_EQ(child<QLineEdit>(dialog, "fileEdit")->text(), chosen);
    EXPECT_FALSE(child<QWidget>(dialog, "mappingLabel")->isVisibleTo(&dialog)) << "presets need no mapping";
    auto *preview = child<QTableWidget>(dialog, "previewTable");
    ASSERT_EQ(preview->columnCount(), 56);
    EXPECT_EQ(preview->horizontalHeaderItem(0)->text(), QStringLiteral("Name"));
    EXPECT_EQ(preview->rowCount(), 1 + ui::OrderImportDialog::PreviewRows) << "the fields, then the first rows";
    EXPECT_EQ(preview->item(1, 0)->text(), QStringLiteral("#1001"));
    // The preset's fields are shown above its columns, not to be changed.
    ASSERT_NE(dialog.fieldChooser(0), nullptr);
    EXPECT_FALSE(dialog.fieldChooser(0)->isEnabled());
    EXPECT_EQ(dialog.fieldChooser(0)->currentData().toString(), QStringLiteral("number"));
    EXPECT_EQ(dialog.fieldChooser(15)->currentData().toString(), QStringLiteral("placed_at")) << "Created at";
    EXPECT_EQ(dialog.fieldChooser(2)->currentData().toString(), QStringLiteral("status"));
    EXPECT_EQ(dialog.fieldChooser(5)->currentIndex(), 0) << "Fulfilled at is not imported";

    QSignalSpy imported(&dialog, &ui::OrderImportDialog::imported);
    ASSERT_TRUE(runImport(dialog));
    ASSERT_EQ(imported.count(), 1);
    EXPECT_EQ(imported.at(0).at(0).toInt(), 4);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM orders WHERE source = 'shopify'")), 4);
    EXPECT_EQ(child<QLabel>(dialog, "resultLabel")->text(),
        QStringLiteral("Imported 4 orders: 4 new, 0 updated. New customers: 3; shipments added: 0."));
    EXPECT_FALSE(child<QPlainTextEdit>(dialog, "problemsView")->isVisibleTo(&dialog));
    EXPECT_TRUE(child<QPushButton>(dialog, "importButton")->isEnabled()) << "ready to import again";
}

TEST_F(OrderImportDialogTest, OtherMapsColumnsAndListsTheRowsLeftOut)
{
    ui::OrderImportDialog dialog(workspace.db().path(), [] { return QString(); });
    dialog.resize(900, 640);
    // The file under the name a person would give it (the screenshot shows its path).
    QTemporaryDir downloads;
    const QString file = downloads.filePath(QStringLiteral("wholesale-orders-march.csv"));
    ASSERT_TRUE(QFile::copy(sample("broken_orders.csv"), file));
    dialog.setFile(file);
    child<QComboBox>(dialog, "presetCombo")->setCurrentIndex(ui::OrderImportDialog::OtherIndex);
    EXPECT_TRUE(child<QWidget>(dialog, "mappingLabel")->isVisibleTo(&dialog));
    const QStringList header { QStringLiteral("order_id"), QStringLiteral("date"), QStringLiteral("email"),
        QStringLiteral("name"), QStringLiteral("total"), QStringLiteral("currency"), QStringLiteral("sku"),
        QStringLiteral("title"), QStringLiteral("qty"), QStringLiteral("price"), QStringLiteral("tracking"),
        QStringLiteral("carrier") };
    auto chooser = [&](const char *column) {
        QComboBox *combo = dialog.fieldChooser(int(header.indexOf(QString::fromLatin1(column))));
        EXPECT_EQ(combo->objectName(), QStringLiteral("fieldFor:") + QString::fromLatin1(column));
        return combo;
    };
    auto choose = [&](const char *column, const char *field) {
        QComboBox *combo = chooser(column);
        ASSERT_NE(combo, nullptr) << column;
        EXPECT_TRUE(combo->isEnabled());
        combo->setCurrentIndex(combo->findData(QString::fromLatin1(field)));
    };
    // Guessed from the header: email, name, total, currency, sku, title, price, tracking, carrier.
    EXPECT_EQ(chooser("email")->currentData().toString(), QStringLiteral("email"));
    EXPECT_EQ(chooser("tracking")->currentData().toString(), QStringLiteral("tracking"));
    EXPECT_EQ(chooser("order_id")->currentIndex(), 0);
    EXPECT_FALSE(child<QPushButton>(dialog, "importButton")->isEnabled()) << "no order number column yet";
    choose("order_id", "number");
    EXPECT_FALSE(child<QPushButton>(dialog, "importButton")->isEnabled()) << "no date column yet";
    choose("date", "placed_at");
    choose("qty", "quantity");
    child<QLineEdit>(dialog, "sourceEdit")->setText(QStringLiteral("wholesale"));
    EXPECT_TRUE(child<QPushButton>(dialog, "importButton")->isEnabled());
    const auto mapping = dialog.mapping();
    EXPECT_EQ(mapping.columns(commerce::OrderField::Number), QStringList { QStringLiteral("order_id") });
    EXPECT_EQ(mapping.source(), QStringLiteral("wholesale"));

    ASSERT_TRUE(runImport(dialog));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM orders WHERE source = 'wholesale'")), 2);
    EXPECT_EQ(dialog.lastStats().badRows, 4);
    auto *problems = child<QPlainTextEdit>(dialog, "problemsView");
    EXPECT_TRUE(problems->isVisibleTo(&dialog));
    EXPECT_EQ(problems->toPlainText(),
        QStringLiteral("line 3: the row has 8 fields where the header has 12\n"
                       "line 4: the date \"the day after tomorrow\" is not a date\n"
                       "line 5: \"thirty\" in column \"total\" is not an amount\n"
                       "line 7: a quoted field is not closed"));
    EXPECT_TRUE(child<QLabel>(dialog, "resultLabel")->text().contains(QStringLiteral("4 rows could not be read")));
    dialog.show();
    waybill::testing::saveScreenshot(&dialog, QStringLiteral("order-import"));
}

TEST_F(OrderImportDialogTest, MissingFileIsSaidAndCannotBeImported)
{
    ui::OrderImportDialog dialog(workspace.db().path(), [] { return QString(); });
    dialog.setFile(QStringLiteral("/nonexistent/orders.csv"));
    EXPECT_EQ(
        child<QLabel>(dialog, "resultLabel")->text(), QStringLiteral("There is no file /nonexistent/orders.csv."));
    EXPECT_FALSE(child<QPushButton>(dialog, "importButton")->isEnabled());
}

TEST_F(OrderImportDialogTest, WrongPresetShowsTheReasonAndStoresNothing)
{
    ui::OrderImportDialog dialog(workspace.db().path(), [] { return QString(); });
    dialog.setFile(sample("amazon_all_orders.txt"));
    child<QComboBox>(dialog, "presetCombo")->setCurrentIndex(2); // eBay
    ASSERT_TRUE(runImport(dialog));
    EXPECT_TRUE(child<QLabel>(dialog, "resultLabel")->text().contains(QStringLiteral("\"Order Number\"")))
        << child<QLabel>(dialog, "resultLabel")->text().toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM orders")), 0);
}
