// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The quarantine dialog lists unreadable messages, saves their raw bytes and dismisses them.
#include "FakeDialogService.h"
#include "Screenshot.h"
#include "TestWorkspace.h"
#include "storage/AttachmentStore.h"
#include "storage/QuarantineRepository.h"
#include "ui/QuarantineDialog.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace waybill;

namespace {

constexpr qint64 Now = 1772000000;
const QByteArray Raw = "From: broken@example.com\r\nContent-Type: multipart/mixed; boundary=\"\r\n\r\n\x01\x02";

class QuarantineDialogTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        const storage::AttachmentStore store(attachments.path());
        const storage::QuarantineRepository quarantine(workspace.db());
        first = quarantine.insert({ 0, QStringLiteral("email:support@shop.example"), Now - 3600,
            QStringLiteral("MIME structure is broken: unterminated boundary"), store.put(Raw), Raw.size() });
        second = quarantine.insert({ 0, QStringLiteral("email:orders@shop.example"), Now,
            QStringLiteral("message is larger than 50 MB"), store.put("x"), 1 });
    }

    QTreeWidget *tree(ui::QuarantineDialog &dialog)
    {
        return dialog.findChild<QTreeWidget *>(QStringLiteral("messageTree"));
    }

    waybill::testing::TestWorkspace workspace;
    QTemporaryDir attachments;
    waybill::testing::FakeDialogService dialogs;
    qint64 first = 0;
    qint64 second = 0;
};

} // namespace

TEST_F(QuarantineDialogTest, ListsAccountTimeSizeAndReasonNewestFirst)
{
    ui::QuarantineDialog dialog(workspace.db(), attachments.path(), dialogs);
    ASSERT_EQ(tree(dialog)->topLevelItemCount(), 2);
    const QTreeWidgetItem *newest = tree(dialog)->topLevelItem(0);
    EXPECT_EQ(newest->text(0), QStringLiteral("orders@shop.example"));
    EXPECT_EQ(newest->text(3), QStringLiteral("message is larger than 50 MB"));
    EXPECT_TRUE(tree(dialog)->topLevelItem(1)->text(3).contains(QStringLiteral("unterminated boundary")));
    EXPECT_FALSE(tree(dialog)->topLevelItem(1)->text(2).isEmpty());
    dialog.show();
    waybill::testing::saveScreenshot(&dialog, QStringLiteral("quarantine-dialog"));
}

TEST_F(QuarantineDialogTest, SavesTheRawBytes)
{
    ui::QuarantineDialog dialog(workspace.db(), attachments.path(), dialogs);
    tree(dialog)->setCurrentItem(tree(dialog)->topLevelItem(1));
    QTemporaryDir target;
    dialogs.nextSavePath = target.filePath(QStringLiteral("broken.eml"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QFile saved(target.filePath(QStringLiteral("broken.eml")));
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    EXPECT_EQ(saved.readAll(), Raw);
    EXPECT_TRUE(dialogs.lastSuggestedName.endsWith(QStringLiteral(".eml")));
    EXPECT_TRUE(dialogs.errors.isEmpty()) << qPrintable(dialogs.errors.join(u'\n'));
}

TEST_F(QuarantineDialogTest, DismissResolvesTheSelectedEntries)
{
    ui::QuarantineDialog dialog(workspace.db(), attachments.path(), dialogs);
    QSignalSpy changed(&dialog, &ui::QuarantineDialog::changed);
    tree(dialog)->setCurrentItem(tree(dialog)->topLevelItem(0));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("dismissButton")), Qt::LeftButton);
    EXPECT_EQ(changed.count(), 1);
    const auto open = storage::QuarantineRepository(workspace.db()).open();
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open.constFirst().id, first);
    EXPECT_EQ(tree(dialog)->topLevelItemCount(), 1);
}
