// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StoreAccountDraft.h"

#include <QList>
#include <QWidget>

#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace waybill::ui {

/// The fields of one account in Settings → Stores, tracking and SMS: a kind (Shopify, WooCommerce, Amazon, a tracking
/// provider, a Twilio SMS number, a live chat, an eBay seller) and, per kind, the same fields as `waybillctl account
/// add shopify|woocommerce|amazon|tracking|twilio|chat|ebay`, with the secrets in password fields. It only reads and
/// checks what was typed (draft()); the dialog stores it. While an existing account is edited the kind and the field
/// its id comes from (shop, site, marketplaces, provider, number, chat name, eBay user id) are locked, and empty secret
/// fields mean "keep the stored one". Lives on the UI thread in its dialog.
class StoreAccountForm final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreAccountForm)

public:
    explicit StoreAccountForm(QWidget *parent = nullptr);
    ~StoreAccountForm() override;

    /// Empties the form for a new account of `kind`, today's defaults filled in.
    void startNew(StoreAccountDraft::Kind kind);
    /// Shows a stored account for editing (secret fields empty: the stored secrets stay unless replaced).
    void showAccount(const StoreAccountDraft &account);
    StoreAccountDraft::Kind kind() const;
    bool isEditing() const { return m_editing; }
    /// The account as typed, or std::nullopt with `problem` naming the field to fix (a sentence for people).
    std::optional<StoreAccountDraft> draft(QString *problem) const;
    /// Empties the secret fields (after they went to the keychain).
    void clearSecrets();
    /// The e-mail accounts a live chat may fall back to (ids), offered on the chat page.
    void setEmailAccounts(const QStringList &accountIds);

Q_SIGNALS:
    void kindChanged(waybill::ui::StoreAccountDraft::Kind kind);

private:
    QWidget *buildShopifyPage();
    QWidget *buildWooCommercePage();
    QWidget *buildAmazonPage();
    QWidget *buildTrackingPage();
    QWidget *buildTwilioPage();
    QWidget *buildChatPage();
    QWidget *buildEbayPage();
    QLineEdit *addLine(QWidget *page, const char *objectName, const QString &placeholder, bool secret = false);
    std::optional<StoreAccountDraft> shopifyDraft(QString *problem) const;
    std::optional<StoreAccountDraft> wooCommerceDraft(QString *problem) const;
    std::optional<StoreAccountDraft> amazonDraft(QString *problem) const;
    std::optional<StoreAccountDraft> trackingDraft(QString *problem) const;
    std::optional<StoreAccountDraft> twilioDraft(QString *problem) const;
    std::optional<StoreAccountDraft> chatDraft(QString *problem) const;
    std::optional<StoreAccountDraft> ebayDraft(QString *problem) const;
    void setEditing(bool editing);
    void showPage(int index);

    QComboBox *m_kind;
    QList<QWidget *> m_pages; ///< Shopify, WooCommerce, Amazon, tracking, Twilio, chat, eBay: the one of the kind shown
    QLineEdit *m_name;
    QLineEdit *m_shop;
    QLineEdit *m_shopifyToken;
    QLineEdit *m_apiVersion;
    QLineEdit *m_shopifyBaseUrl;
    QLineEdit *m_wooUrl;
    QLineEdit *m_wooKey;
    QLineEdit *m_wooSecret;
    QComboBox *m_amazonRegion;
    QLineEdit *m_lwaUrl;
    QLineEdit *m_clientId;
    QLineEdit *m_marketplaces;
    QDateEdit *m_since;
    QLineEdit *m_refreshToken;
    QLineEdit *m_clientSecret;
    QComboBox *m_trackingProvider;
    QLineEdit *m_trackingKey;
    QLineEdit *m_trackingBaseUrl;
    QLineEdit *m_twilioNumber;
    QLineEdit *m_accountSid;
    QLineEdit *m_authToken;
    QLineEdit *m_helpReply;
    QLineEdit *m_twilioBaseUrl;
    QLineEdit *m_origins;
    QLineEdit *m_listen;
    QLineEdit *m_chatPublicUrl;
    QLineEdit *m_certificateFile;
    QLineEdit *m_keyFile;
    QComboBox *m_fallbackAccount;
    QSpinBox *m_fallbackAfter;
    QLineEdit *m_ebayUser;
    QLineEdit *m_ebayAppId;
    QLineEdit *m_ebayCertId;
    QLineEdit *m_ebayRefreshToken;
    QComboBox *m_ebaySite;
    QLineEdit *m_ebayTradingUrl;
    QLineEdit *m_ebayTokenUrl;
    QDateEdit *m_ebaySince;
    QLabel *m_secretNote;
    bool m_editing = false;
    QString m_editingId;
};

} // namespace waybill::ui
