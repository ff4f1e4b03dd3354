// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QString>
#include <QStringList>

#include <memory>

class QListWidgetItem;

namespace Ui {
class AmazonMessageDialog;
}

namespace waybill::ui {

/// Writes a proactive message to the buyer of an Amazon order, sent through the Selling Partner API Messaging. It
/// opens busy, while the owner asks Amazon (through the engine) which message types it allows for the order now;
/// showTypes() lists them by name, the ones Waybill can send as text selectable and the others (they need
/// attachments or other details) disabled with the reason; showProblem() says why Amazon could not be asked and
/// offers to ask again (typesRequested()). The text box holds the chosen type's length limit and runs
/// AmazonMessagePolicy: a blocking finding (an external link) disables Send, the others are shown as warnings.
/// Send emits sendRequested(); the owner queues the message and closes the dialog, or leaves it open (the text kept)
/// when that failed. Lives on the UI thread; owned by its parent window.
class AmazonMessageDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AmazonMessageDialog)

public:
    /// `orderNumber` and `buyerName` for the title; the dialog starts busy.
    AmazonMessageDialog(
        qint64 conversationId, const QString &orderNumber, const QString &buyerName, QWidget *parent = nullptr);
    ~AmazonMessageDialog() override;

    qint64 conversationId() const { return m_conversationId; }
    /// Busy again: the owner is asking Amazon (the first time, or after "Ask again").
    void showBusy();
    /// The message types Amazon allows for the order now (Amazon's names, in its order).
    void showTypes(const QStringList &offered);
    /// Amazon could not be asked (unreachable, the account missing or refused): `message` for people.
    void showProblem(const QString &message);
    /// Queuing the message failed (the owner has shown why): Send works again.
    void sendFailed();

    /// The chosen Amazon message type; empty when none is.
    QString messageType() const;
    QString text() const;
    /// Chooses `type` when it is listed and selectable (tests, keyboard users); false otherwise.
    bool chooseType(const QString &type);

    /// Amazon's message type for people ("confirmDeliveryDetails" → "Confirm delivery details"); the name itself
    /// when Waybill does not know it.
    static QString typeName(const QString &type);
    /// When an agent would use `type`, for people; empty when Waybill does not know it.
    static QString typePurpose(const QString &type);
    /// Why `type` cannot be written here (it needs attachments, dates, …); empty for the text types.
    static QString whyNotHere(const QString &type);

Q_SIGNALS:
    /// Ask Amazon again which types it allows (after a problem).
    void typesRequested(qint64 conversationId);
    /// The agent pressed Send with a selectable type and a text that passes the checks.
    void sendRequested(qint64 conversationId, const QString &type, const QString &text);

private:
    void update();
    void send();

    std::unique_ptr<Ui::AmazonMessageDialog> m_ui;
    qint64 m_conversationId;
    QString m_orderNumber;
    QPushButton *m_sendButton = nullptr; ///< in the button box
    bool m_loaded = false; ///< Amazon's types are shown
    bool m_sending = false;
    bool m_formShown = true; ///< the types and the text box are shown (the size follows)
};

} // namespace waybill::ui
