// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The proactive rules settings page: lists the rules, switches them, edits and adds them, and its dry run shows what
// would fire now and for whom without writing anything.
#include "FakeDialogService.h"
#include "Screenshot.h"
#include "TestWorkspace.h"
#include "domain/Order.h"
#include "domain/Shipment.h"
#include "storage/AccountRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/OrderRepository.h"
#include "storage/RuleRepository.h"
#include "storage/SqlQuery.h"
#include "ui/RulesDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>

#include <gtest/gtest.h>

using namespace waybill;

namespace {

constexpr qint64 Day = 24 * 3600;
constexpr qint64 Now = 1772000000 - 1772000000 % Day + 14 * 3600; // 14:00 UTC

class RulesDialogTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        domain::EmailAccount account;
        account.id = QStringLiteral("email:support@shop.example");
        account.name = QStringLiteral("Support");
        account.address = QStringLiteral("support@shop.example");
        storage::AccountRepository(db()).saveEmailAccount(account, Now);
        // Quiet hours as shipped would depend on this machine's time zone; these rules have none.
        db().execute(QStringLiteral("UPDATE rules SET quiet_start = -1, quiet_end = -1"));
        addOrder(QStringLiteral("Olivia Harper"), true, "#1001", domain::TrackingStatus::InTransit, Now - Day, 0);
        addOrder(QStringLiteral("佐藤 花子"), false, "#1002", domain::TrackingStatus::InTransit, Now - 2 * Day, 0);
        addOrder(QStringLiteral("Lucas Smith"), true, "#1003", domain::TrackingStatus::Delivered, 0, Now - 6 * Day);
        addOrder(QStringLiteral("Ruby Evans"), true, "#1004", domain::TrackingStatus::InTransit, Now + Day, 0);
    }

    const storage::Database &db() { return workspace.db(); }

    void addOrder(const QString &name, bool email, const char *number, domain::TrackingStatus status, qint64 lateAfter,
        qint64 deliveredAt)
    {
        domain::Customer customer { 0, name, name.section(u' ', 0, 0), Now, {} };
        if (email) {
            customer.identities.append(
                { 0, QStringLiteral("email"), name.section(u' ', 0, 0).toLower() + QStringLiteral("@example.com") });
        }
        const qint64 customerId = storage::CustomerRepository(db()).insert(customer);
        const storage::OrderRepository orders(db());
        const qint64 orderId = orders.insert({ 0, QStringLiteral("shopify"), QString::fromLatin1(number), customerId,
            Now - 10 * Day, QStringLiteral("USD"), 5000, 1000, 0, 6000, QStringLiteral("paid"), {} });
        domain::Shipment shipment;
        shipment.orderId = orderId;
        shipment.carrier = QStringLiteral("ups");
        shipment.trackingNumber = QStringLiteral("1Z999AA101234567") + QString::fromLatin1(number).right(2);
        shipment.status = status;
        shipment.shippedAt = Now - 8 * Day;
        shipment.expectedAt = lateAfter;
        shipment.lateAfter = lateAfter;
        shipment.deliveredAt = deliveredAt;
        orders.insertShipment(shipment);
    }

    std::unique_ptr<ui::RulesDialog> makeDialog()
    {
        auto dialog = std::make_unique<ui::RulesDialog>(db(), dialogs, [] { return Now; });
        dialog->resize(1240, 860);
        return dialog;
    }

    template <typename T> T *child(ui::RulesDialog &dialog, const char *name)
    {
        T *found = dialog.findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    QListWidgetItem *itemNamed(ui::RulesDialog &dialog, const QString &name)
    {
        const auto list = child<QListWidget>(dialog, "ruleList");
        const auto items = list->findItems(name, Qt::MatchExactly);
        return items.isEmpty() ? nullptr : items.first();
    }

    qint64 count(const QString &sql)
    {
        storage::SqlQuery q(db(), sql);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }

    // On disk: the dry run reads through a connection of its own, on a worker thread.
    waybill::testing::TestWorkspace workspace { waybill::testing::TestWorkspace::Kind::OnDisk };
    waybill::testing::FakeDialogService dialogs;
};

} // namespace

TEST_F(RulesDialogTest, ListsTheRulesWithTheirSwitch)
{
    const auto dialog = makeDialog();
    const auto list = child<QListWidget>(*dialog, "ruleList");
    ASSERT_EQ(list->count(), 3);
    for (int i = 0; i < list->count(); ++i) {
        EXPECT_EQ(list->item(i)->checkState(), Qt::Unchecked); // the examples come switched off
    }
    EXPECT_EQ(child<QLineEdit>(*dialog, "nameEdit")->text(), list->item(0)->text());
}

TEST_F(RulesDialogTest, TickingARuleSwitchesItOn)
{
    const auto dialog = makeDialog();
    QSignalSpy changed(dialog.get(), &ui::RulesDialog::rulesChanged);
    QListWidgetItem *late = itemNamed(*dialog, QStringLiteral("Late parcel: tell the customer"));
    ASSERT_NE(late, nullptr);
    late->setCheckState(Qt::Checked);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT enabled FROM rules WHERE name = 'Late parcel: tell the customer'")), 1);
}

TEST_F(RulesDialogTest, EditingAndSavingARuleStoresIt)
{
    const auto dialog = makeDialog();
    auto *list = child<QListWidget>(*dialog, "ruleList");
    list->setCurrentItem(itemNamed(*dialog, QStringLiteral("Late parcel: tell the customer")));
    child<QLineEdit>(*dialog, "nameEdit")->setText(QStringLiteral("Late parcel, VIP only"));
    child<QCheckBox>(*dialog, "enabledCheck")->setChecked(true);
    child<QLineEdit>(*dialog, "tagsEdit")->setText(QStringLiteral("VIP, gift"));
    child<QCheckBox>(*dialog, "openCheck")->setChecked(true);
    child<QPushButton>(*dialog, "saveButton")->click();
    EXPECT_TRUE(dialogs.errors.isEmpty()) << dialogs.errors.join(u'\n').toStdString();

    const auto rules = storage::RuleRepository(db()).all();
    const auto it = std::find_if(rules.cbegin(), rules.cend(),
        [](const domain::Rule &r) { return r.name == QStringLiteral("Late parcel, VIP only"); });
    ASSERT_NE(it, rules.cend());
    EXPECT_TRUE(it->enabled);
    EXPECT_EQ(it->tags, (QStringList { QStringLiteral("vip"), QStringLiteral("gift") }));
    EXPECT_TRUE(it->openConversation);
    EXPECT_EQ(it->templateName, QStringLiteral("Delivery delayed")); // untouched fields keep their values
    EXPECT_EQ(list->currentItem()->text(), QStringLiteral("Late parcel, VIP only"));
}

TEST_F(RulesDialogTest, TheTriggerDecidesWhichFieldsShow)
{
    const auto dialog = makeDialog();
    dialog->show();
    auto *trigger = child<QComboBox>(*dialog, "triggerCombo");
    auto *state = child<QComboBox>(*dialog, "stateCombo");
    auto *amount = child<QSpinBox>(*dialog, "amountSpin");
    trigger->setCurrentIndex(trigger->findData(QStringLiteral("return_step")));
    EXPECT_TRUE(state->isVisible());
    EXPECT_NE(state->findData(QStringLiteral("received")), -1);
    EXPECT_FALSE(amount->isVisible());
    trigger->setCurrentIndex(trigger->findData(QStringLiteral("no_reply")));
    EXPECT_FALSE(state->isVisible());
    EXPECT_TRUE(amount->isVisible());
    EXPECT_TRUE(amount->suffix().contains(QStringLiteral("hours")));
}

TEST_F(RulesDialogTest, AddingARuleStartsSwitchedOffAndDeletingAsksFirst)
{
    const auto dialog = makeDialog();
    child<QPushButton>(*dialog, "addButton")->click();
    EXPECT_EQ(storage::RuleRepository(db()).all().size(), 4);
    EXPECT_EQ(child<QLineEdit>(*dialog, "nameEdit")->text(), QStringLiteral("New rule"));
    EXPECT_FALSE(child<QCheckBox>(*dialog, "enabledCheck")->isChecked());

    dialogs.confirmAnswer = false;
    child<QPushButton>(*dialog, "deleteButton")->click();
    EXPECT_EQ(storage::RuleRepository(db()).all().size(), 4);
    dialogs.confirmAnswer = true;
    child<QPushButton>(*dialog, "deleteButton")->click();
    EXPECT_EQ(storage::RuleRepository(db()).all().size(), 3);
    EXPECT_EQ(dialogs.questions.size(), 2);
}

TEST_F(RulesDialogTest, DryRunShowsWhatWouldFireAndForWhomWithoutWriting)
{
    db().execute(QStringLiteral("UPDATE rules SET enabled = 1"));
    const auto dialog = makeDialog();
    dialog->show();
    QSignalSpy finished(dialog.get(), &ui::RulesDialog::dryRunFinished);
    child<QPushButton>(*dialog, "dryRunButton")->click();
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_TRUE(child<QPushButton>(*dialog, "dryRunButton")->isEnabled());
    auto *table = child<QTableWidget>(*dialog, "dryRunTable");
    ASSERT_EQ(table->rowCount(), 3); // two late parcels, one delivered six days ago; #1004 is on time
    QStringList rows;
    for (int row = 0; row < table->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < table->columnCount(); ++column) {
            cells << table->item(row, column)->text();
        }
        rows << cells.join(QStringLiteral(" | "));
    }
    const QString all = rows.join(u'\n');
    EXPECT_TRUE(all.contains(QStringLiteral("#1001 | Olivia Harper"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("send “Delivery delayed” by Email"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("佐藤 花子"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("no “Delivery delayed” (no e-mail address)"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("#1003 | Lucas Smith"))) << all.toStdString();
    EXPECT_FALSE(all.contains(QStringLiteral("#1004")));
    EXPECT_EQ(child<QLabel>(*dialog, "dryRunStatus")->text(),
        QStringLiteral("The rules would act 3 times now (4 active shipments looked at)."));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM rule_firings")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox")), 0);
    waybill::testing::saveScreenshot(dialog.get(), QStringLiteral("screenshot-rules"));
}
