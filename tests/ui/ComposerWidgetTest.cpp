// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ComposerWidget.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace waybill;
using ui::ComposerWidget;

namespace {

domain::ConversationDetail detailOn(domain::Channel channel)
{
    domain::ConversationDetail detail;
    detail.conversation.id = 5;
    detail.conversation.channel = channel;
    domain::Customer customer;
    customer.name = QStringLiteral("Ana Lima");
    customer.firstName = QStringLiteral("Ana");
    detail.customer = customer;
    domain::Order order;
    order.number = QStringLiteral("#1001");
    detail.order = order;
    return detail;
}

template <typename T> T *child(const ComposerWidget &composer, const char *name)
{
    return composer.findChild<T *>(QString::fromLatin1(name));
}

TEST(ComposerWidgetTest, SmsShowsSegmentsAndEncoding)
{
    ComposerWidget composer;
    composer.setConversation(detailOn(domain::Channel::Sms), QStringLiteral("Mia"));
    composer.setText(QStringLiteral("Hello"));
    const QString hints = child<QLabel>(composer, "composerHints")->text();
    EXPECT_TRUE(hints.contains(QStringLiteral("GSM-7"))) << qPrintable(hints);
    EXPECT_TRUE(hints.contains(QStringLiteral("1 segment"))) << qPrintable(hints);
    composer.setText(QStringLiteral("こんにちは"));
    EXPECT_TRUE(child<QLabel>(composer, "composerHints")->text().contains(QStringLiteral("UCS-2")));
}

TEST(ComposerWidgetTest, AmazonWarnsAboutExternalLinks)
{
    ComposerWidget composer;
    composer.setConversation(detailOn(domain::Channel::Amazon), QStringLiteral("Mia"));
    composer.setText(QStringLiteral("See https://example.com/track for details"));
    EXPECT_FALSE(child<QLabel>(composer, "composerWarnings")->text().isEmpty());
    EXPECT_FALSE(child<QLabel>(composer, "composerWarnings")->isHidden());
}

TEST(ComposerWidgetTest, AnExternalLinkKeepsAnAmazonReplyFromBeingSent)
{
    ComposerWidget composer;
    composer.setConversation(detailOn(domain::Channel::Amazon), QStringLiteral("Mia"));
    QSignalSpy submitted(&composer, &ComposerWidget::submitted);
    auto *send = child<QPushButton>(composer, "sendButton");
    auto *warnings = child<QLabel>(composer, "composerWarnings");

    composer.setText(QStringLiteral("Track it at https://tracking.example/1Z999AA10123456784"));
    EXPECT_FALSE(send->isEnabled());
    EXPECT_TRUE(warnings->text().startsWith(QStringLiteral("Cannot send:"))) << warnings->text().toStdString();
    const QList<QShortcut *> shortcuts = composer.findChildren<QShortcut *>();
    ASSERT_FALSE(shortcuts.isEmpty());
    Q_EMIT shortcuts.first()->activated(); // Ctrl+Enter
    EXPECT_EQ(submitted.count(), 0) << "the keyboard does not get past the check either";

    // Plain allowed text (an Amazon link is fine) goes.
    composer.setText(
        QStringLiteral("It is on its way; see Your Orders at https://www.amazon.com/gp/css/order-history"));
    EXPECT_TRUE(send->isEnabled());
    EXPECT_TRUE(warnings->isHidden());
    Q_EMIT shortcuts.first()->activated();
    EXPECT_EQ(submitted.count(), 1);
    send->click();
    EXPECT_EQ(submitted.count(), 2);
}

TEST(ComposerWidgetTest, ContactDetailsAndForbiddenWordingWarnButTheAgentMaySend)
{
    ComposerWidget composer;
    composer.setConversation(detailOn(domain::Channel::Amazon), QStringLiteral("Mia"));
    QSignalSpy submitted(&composer, &ComposerWidget::submitted);
    composer.setText(QStringLiteral("Sorry! Call us on +1 (555) 012-3456, and a 5-star review would mean a lot."));
    const QString warnings = child<QLabel>(composer, "composerWarnings")->text();
    EXPECT_TRUE(warnings.contains(QStringLiteral("phone numbers"))) << warnings.toStdString();
    EXPECT_TRUE(warnings.contains(QStringLiteral("positive reviews"))) << warnings.toStdString();
    EXPECT_FALSE(warnings.contains(QStringLiteral("Cannot send"))) << warnings.toStdString();
    auto *send = child<QPushButton>(composer, "sendButton");
    EXPECT_TRUE(send->isEnabled());
    send->click();
    EXPECT_EQ(submitted.count(), 1);

    // Other channels are not held to Amazon's rules, and neither are internal notes.
    composer.setMode(ComposerWidget::Mode::Note);
    composer.setText(QStringLiteral("Customer asked us to call +1 (555) 012-3456; see https://crm.example/x"));
    EXPECT_TRUE(child<QLabel>(composer, "composerWarnings")->isHidden());
    EXPECT_TRUE(send->isEnabled());
    ComposerWidget email;
    email.setConversation(detailOn(domain::Channel::Email), QStringLiteral("Mia"));
    email.setText(QStringLiteral("See https://myshop.example/track"));
    EXPECT_TRUE(child<QLabel>(email, "composerWarnings")->isHidden());
}

TEST(ComposerWidgetTest, TemplateFillsValuesAndWarnsAboutMissingOnes)
{
    ComposerWidget composer;
    composer.setConversation(detailOn(domain::Channel::Email), QStringLiteral("Mia"));
    composer.setTemplates({ { 1, QStringLiteral("Where is my order"),
        QStringLiteral("Hi {{customer.first_name}}, order {{order.number}} arrives "
                       "{{shipment.eta}}.") } });
    auto *combo = child<QComboBox>(composer, "templateCombo");
    ASSERT_EQ(combo->count(), 2);
    combo->setCurrentIndex(1);
    Q_EMIT combo->activated(1);
    EXPECT_TRUE(composer.text().startsWith(QStringLiteral("Hi Ana, order #1001 arrives")))
        << qPrintable(composer.text());
    EXPECT_TRUE(composer.missingPlaceholders().contains(QStringLiteral("shipment.eta")));
    auto *warning = child<QLabel>(composer, "composerWarnings");
    EXPECT_TRUE(warning->text().contains(QStringLiteral("{{shipment.eta}}")));

    composer.setText(QStringLiteral("Hi Ana, order #1001 arrives Friday."));
    EXPECT_TRUE(warning->isHidden()) << "the warning goes once the placeholder is replaced";
}

TEST(ComposerWidgetTest, SendEmitsTheModeAndText)
{
    ComposerWidget composer;
    QSignalSpy submitted(&composer, &ComposerWidget::submitted);
    auto *send = child<QPushButton>(composer, "sendButton");
    EXPECT_FALSE(send->isEnabled()) << "nothing to answer yet";
    composer.setConversation(detailOn(domain::Channel::Email), QStringLiteral("Mia"));
    EXPECT_FALSE(send->isEnabled()) << "empty text";
    composer.startWriting(ComposerWidget::Mode::Note);
    composer.setText(QStringLiteral("Checked with the warehouse"));
    QTest::mouseClick(send, Qt::LeftButton);
    ASSERT_EQ(submitted.count(), 1);
    EXPECT_EQ(submitted.at(0).at(0).value<ComposerWidget::Mode>(), ComposerWidget::Mode::Note);
    EXPECT_EQ(submitted.at(0).at(1).toString(), QStringLiteral("Checked with the warehouse"));
}

} // namespace
