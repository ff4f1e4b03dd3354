// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmazonMessageDialog.h"

#include "ui_AmazonMessageDialog.h"

#include "channels/marketplace/AmazonMessagePolicy.h"
#include "channels/marketplace/AmazonMessagingClient.h"

#include <QLayout>
#include <QPushButton>

namespace waybill::ui {

namespace {

using channels::marketplace::AmazonMessagePolicy;
using channels::marketplace::AmazonMessagingClient;

constexpr int TypeRole = Qt::UserRole + 1;
/// The dialog's height once the form shows.
constexpr int FormHeight = 560;

/// Amazon's Messaging actions that are not messages at all (getAttributes reads the buyer's locale).
bool isMessage(const QString &type)
{
    return type != QLatin1String("attributes");
}

} // namespace

AmazonMessageDialog::AmazonMessageDialog(
    qint64 conversationId, const QString &orderNumber, const QString &buyerName, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AmazonMessageDialog>())
    , m_conversationId(conversationId)
    , m_orderNumber(orderNumber)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("amazonMessageDialog"));
    setWindowTitle(tr("Message through Amazon — order %1").arg(orderNumber));
    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_ui->titleLabel->setFont(titleFont);
    m_ui->titleLabel->setText(buyerName.isEmpty()
            ? tr("Write to the buyer of Amazon order %1").arg(orderNumber)
            : tr("Write to %1 about Amazon order %2").arg(buyerName, orderNumber));
    m_ui->problemLabel->setStyleSheet(QStringLiteral("color:#a12622"));
    m_ui->purposeLabel->setStyleSheet(QStringLiteral("color:#55595f"));
    m_ui->countLabel->setStyleSheet(QStringLiteral("color:#55595f"));
    m_ui->typeList->setFixedHeight(m_ui->typeList->fontMetrics().height() * 3);
    m_ui->textEdit->setPlaceholderText(tr("Choose a message type first"));
    m_sendButton = m_ui->buttonBox->addButton(tr("Send through Amazon"), QDialogButtonBox::AcceptRole);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setDefault(true);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AmazonMessageDialog::send);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->retryButton, &QPushButton::clicked, this, [this] {
        showBusy();
        Q_EMIT typesRequested(m_conversationId);
    });
    connect(m_ui->typeList, &QListWidget::currentItemChanged, this, &AmazonMessageDialog::update);
    connect(m_ui->textEdit, &QPlainTextEdit::textChanged, this, &AmazonMessageDialog::update);
    showBusy();
}

AmazonMessageDialog::~AmazonMessageDialog() = default;

QString AmazonMessageDialog::typeName(const QString &type)
{
    static const QHash<QString, const char *> names {
        { QStringLiteral("confirmCustomizationDetails"), QT_TR_NOOP("Confirm customization details") },
        { QStringLiteral("confirmDeliveryDetails"), QT_TR_NOOP("Confirm delivery details") },
        { QStringLiteral("confirmOrderDetails"), QT_TR_NOOP("Confirm order details") },
        { QStringLiteral("confirmServiceDetails"), QT_TR_NOOP("Confirm service details") },
        { QStringLiteral("digitalAccessKey"), QT_TR_NOOP("Digital access key") },
        { QStringLiteral("unexpectedProblem"), QT_TR_NOOP("Unexpected problem") },
        { QStringLiteral("legalDisclosure"), QT_TR_NOOP("Legal disclosure") },
        { QStringLiteral("negativeFeedbackRemoval"), QT_TR_NOOP("Negative feedback removal request") },
        { QStringLiteral("amazonMotors"), QT_TR_NOOP("Amazon Motors") },
        { QStringLiteral("warranty"), QT_TR_NOOP("Warranty") },
        { QStringLiteral("invoice"), QT_TR_NOOP("Invoice") },
    };
    const auto found = names.constFind(type);
    return found == names.cend() ? type : tr(*found);
}

QString AmazonMessageDialog::typePurpose(const QString &type)
{
    static const QHash<QString, const char *> purposes {
        { QStringLiteral("confirmCustomizationDetails"),
            QT_TR_NOOP("Ask for or confirm the details needed to customise the order (engraving, sizes).") },
        { QStringLiteral("confirmDeliveryDetails"),
            QT_TR_NOOP("Arrange the delivery: an appointment, or access details the carrier needs.") },
        { QStringLiteral("confirmOrderDetails"),
            QT_TR_NOOP("Ask the buyer to confirm a detail of the order before it ships.") },
        { QStringLiteral("confirmServiceDetails"),
            QT_TR_NOOP("Arrange a service bought with the order (installation, assembly).") },
        { QStringLiteral("digitalAccessKey"),
            QT_TR_NOOP("Send the key or code the buyer needs for digital content they bought.") },
        { QStringLiteral("unexpectedProblem"),
            QT_TR_NOOP("Tell the buyer about an unexpected problem with fulfilling the order (a delay, an item "
                       "out of stock).") },
    };
    const auto found = purposes.constFind(type);
    return found == purposes.cend() ? QString() : tr(*found);
}

QString AmazonMessageDialog::whyNotHere(const QString &type)
{
    if (AmazonMessagingClient::maxTextLength(type) > 0) {
        return {};
    }
    if (type == QLatin1String("negativeFeedbackRemoval")) {
        return tr("Amazon writes it; no text of yours");
    }
    if (type == QLatin1String("warranty")) {
        return tr("needs warranty dates and documents");
    }
    if (type == QLatin1String("legalDisclosure") || type == QLatin1String("invoice")
        || type == QLatin1String("amazonMotors")) {
        return tr("needs a document attached");
    }
    return tr("not a message Waybill can write");
}

void AmazonMessageDialog::showBusy()
{
    m_loaded = false;
    m_ui->busyLabel->setText(tr("Asking Amazon which messages it allows for order %1 now…").arg(m_orderNumber));
    m_ui->busyBox->show();
    m_ui->problemBox->hide();
    m_ui->typeList->clear();
    update();
}

void AmazonMessageDialog::showTypes(const QStringList &offered)
{
    m_ui->busyBox->hide();
    m_ui->problemBox->hide();
    m_ui->typeList->clear();
    // The types Waybill can write first, in Amazon's order; then the others, greyed, each with why.
    QList<QListWidgetItem *> writable;
    QList<QListWidgetItem *> elsewhere;
    for (const QString &type : offered) {
        if (!isMessage(type)) {
            continue;
        }
        const QString why = whyNotHere(type);
        auto *item = new QListWidgetItem(why.isEmpty() ? typeName(type) : tr("%1 — %2").arg(typeName(type), why));
        item->setData(TypeRole, type);
        item->setToolTip(why.isEmpty() ? typePurpose(type) : tr("Send it from Seller Central."));
        if (why.isEmpty()) {
            writable << item;
        } else {
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
            elsewhere << item;
        }
    }
    for (QListWidgetItem *item : std::as_const(writable) + elsewhere) {
        m_ui->typeList->addItem(item);
    }
    QListWidgetItem *first = writable.value(0);
    // Every type in view without scrolling (Amazon lists a dozen at most).
    const int rows = int(qMin(m_ui->typeList->count(), 12));
    m_ui->typeList->setFixedHeight(rows > 0
            ? m_ui->typeList->sizeHintForRow(0) * rows + 2 * m_ui->typeList->frameWidth() + 2
            : m_ui->typeList->fontMetrics().height() * 3);
    m_loaded = true;
    if (m_ui->typeList->count() == 0) {
        m_ui->problemLabel->setText(tr("Amazon allows no message about order %1 now. Answer the buyer's own "
                                       "message instead, or try again later.")
                                        .arg(m_orderNumber));
        m_ui->problemBox->show();
    } else if (!first) {
        m_ui->problemLabel->setText(tr("None of the messages Amazon allows for order %1 now can be written in "
                                       "Waybill.")
                                        .arg(m_orderNumber));
        m_ui->problemBox->show();
    }
    update();
}

void AmazonMessageDialog::showProblem(const QString &message)
{
    m_loaded = false;
    m_ui->busyBox->hide();
    m_ui->typeList->clear();
    m_ui->problemLabel->setText(tr("Amazon could not be asked which messages it allows: %1 Nothing was sent.")
                                    .arg(message.endsWith(u'.') ? message : message + u'.'));
    m_ui->problemBox->show();
    update();
}

void AmazonMessageDialog::sendFailed()
{
    m_sending = false;
    update();
}

QString AmazonMessageDialog::messageType() const
{
    const QListWidgetItem *item = m_ui->typeList->currentItem();
    return item && (item->flags() & Qt::ItemIsEnabled) ? item->data(TypeRole).toString() : QString();
}

QString AmazonMessageDialog::text() const
{
    return m_ui->textEdit->toPlainText();
}

bool AmazonMessageDialog::chooseType(const QString &type)
{
    for (int row = 0; row < m_ui->typeList->count(); ++row) {
        QListWidgetItem *item = m_ui->typeList->item(row);
        if (item->data(TypeRole).toString() == type && (item->flags() & Qt::ItemIsEnabled)) {
            m_ui->typeList->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void AmazonMessageDialog::update()
{
    const QString type = messageType();
    const qsizetype limit = AmazonMessagingClient::maxTextLength(type);
    const QString body = text();
    // The form shows once Amazon has listed something: nothing to choose from while waiting or after a problem.
    const bool form = m_loaded && m_ui->typeList->count() > 0;
    for (QWidget *part : { static_cast<QWidget *>(m_ui->typeLabel), static_cast<QWidget *>(m_ui->typeList),
             static_cast<QWidget *>(m_ui->textLabel), static_cast<QWidget *>(m_ui->textEdit),
             static_cast<QWidget *>(m_ui->countLabel) }) {
        part->setVisible(form);
    }
    if (form != m_formShown) {
        // Compact while there is only a line to read; room to write once there is a form.
        m_formShown = form;
        layout()->activate();
        const int compact
            = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : sizeHint().height();
        resize(width(), form ? qMax(height(), FormHeight) : compact);
    }
    m_ui->typeLabel->setEnabled(m_loaded);
    m_ui->typeList->setEnabled(m_loaded);
    m_ui->textEdit->setEnabled(m_loaded && !type.isEmpty());
    m_ui->textLabel->setEnabled(m_ui->textEdit->isEnabled());
    m_ui->textEdit->setPlaceholderText(
        type.isEmpty() ? tr("Choose a message type first") : tr("Write to the buyer (plain text, no links)"));
    m_ui->purposeLabel->setText(typePurpose(type));
    m_ui->purposeLabel->setVisible(!type.isEmpty());

    QStringList warnings;
    bool blocked = false;
    if (!type.isEmpty()) {
        m_ui->countLabel->setText(tr("%1 / %2 characters").arg(body.size()).arg(limit));
        if (body.size() > limit) {
            blocked = true;
            warnings << tr("Cannot send: Amazon accepts at most %1 characters in this message.").arg(limit);
        }
        for (const AmazonMessagePolicy::Finding &finding : AmazonMessagePolicy::check(body)) {
            if (AmazonMessagePolicy::blocksSending(finding.kind)) {
                blocked = true;
                warnings << tr("Cannot send: %1").arg(finding.message);
            } else {
                warnings << tr("Check before sending: %1").arg(finding.message);
            }
        }
    } else {
        m_ui->countLabel->clear();
    }
    m_ui->warningLabel->setText(warnings.join(u'\n'));
    m_ui->warningLabel->setStyleSheet(blocked ? QStringLiteral("color:#a12622") : QStringLiteral("color:#8a4b00"));
    m_ui->warningLabel->setVisible(!warnings.isEmpty());
    m_sendButton->setEnabled(m_loaded && !m_sending && !type.isEmpty() && !body.trimmed().isEmpty() && !blocked);
    m_sendButton->setToolTip(blocked ? tr("Change what the warning names to send") : QString());
}

void AmazonMessageDialog::send()
{
    if (!m_sendButton->isEnabled()) {
        return;
    }
    m_sending = true;
    update();
    Q_EMIT sendRequested(m_conversationId, messageType(), text());
}

} // namespace waybill::ui
