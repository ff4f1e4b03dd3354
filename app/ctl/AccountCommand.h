// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace waybill::ctl {

/// `waybillctl account add|list|remove`: see summary().
class AccountCommand final : public CtlCommand {
public:
    QString name() const override;
    QString summary() const override;
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;

private:
    int add(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const;
    int addShopify(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const;
    int addWooCommerce(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const;
    int addAmazon(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const;
    /// `account add ebay` (AccountEbay.cpp).
    int addEbay(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const;
    /// `account test ebay:…` (AccountEbay.cpp): engine::EbayAccountCheck with the keychain's secrets.
    int testEbay(const QCommandLineParser &parser, const QString &id, int timeoutSeconds, QTextStream &out,
        QTextStream &err) const;
    int addTwilio(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const;
    int addChat(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const;
    /// `account test ID`: Twilio and eBay accounts' "test connection".
    int test(const QCommandLineParser &parser, const QString &id, QTextStream &out, QTextStream &err) const;
    int addTracking(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const;
};

} // namespace waybill::ctl
