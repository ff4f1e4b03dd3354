// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderCsvGenerator.h"

#include <QByteArray>
#include <QFile>
#include <QTextStream>

#include <array>

namespace waybill::bench {

namespace {

constexpr int ColumnCount = 56;
const char *const Header
    = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,"
      "Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,"
      "Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,"
      "Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,"
      "Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,"
      "Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,"
      "Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,"
      "Refunded Amount,Vendor,Id,Tags,Risk Level,Source,Lineitem discount";

const std::array<const char *, 12> FirstNames { "Ada", "Grace", "Alan", "Haruki", "Mei", "Lena", "Omar", "Sofia",
    "Kenji", "Priya", "Lucas", "Zoë" };
const std::array<const char *, 12> LastNames { "Lovelace", "Hopper", "Turing", "Murakami", "Chen", "Novak", "Haddad",
    "García", "Sato", "Patel", "Silva", "Müller" };
const std::array<const char *, 8> Products { "Botanical Fern Print - A4", "Oak Frame, A4", "Walnut Desk Organiser",
    "Linen Notebook \"Dot Grid\"", "Brass Pen", "Ceramic Mug - Sage", "Washi Tape Set (5)", "Desk Lamp, Matte Black" };

QByteArray money(qint64 cents)
{
    return QByteArray::number(cents / 100) + '.' + QByteArray::number(cents % 100).rightJustified(2, '0');
}

QByteArray quoted(const QByteArray &text)
{
    if (!text.contains(',') && !text.contains('"') && !text.contains('\n')) {
        return text;
    }
    QByteArray copy = text;
    copy.replace("\"", "\"\"");
    return '"' + copy + '"';
}

} // namespace

OrderCsvGenerator::OrderCsvGenerator(quint64 seed)
    : m_random(seed)
{
}

bool OrderCsvGenerator::writeShopify(const QString &path, int count, Stats *stats)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        QTextStream(stderr) << "cannot write " << path << ": " << file.errorString() << Qt::endl;
        return false;
    }
    Stats local;
    QByteArray out = "\xEF\xBB\xBF" + QByteArray(Header) + "\r\n";
    const int customers = std::max(1, count * 2 / 3);
    qint64 placed = 1'767'225'600; // 2026-01-01
    for (int i = 0; i < count; ++i) {
        const int customer = int(m_random() % quint64(customers));
        const QByteArray first = FirstNames.at(customer % FirstNames.size());
        const QByteArray last = LastNames.at((customer / 12) % LastNames.size());
        const QByteArray email = first.toLower() + '.' + QByteArray::number(customer) + "@example.com";
        const QByteArray name = first + ' ' + last;
        placed += qint64(m_random() % 300);
        const QByteArray created = "2026-" + QByteArray::number(1 + (placed / 2'592'000) % 12).rightJustified(2, '0')
            + '-' + QByteArray::number(1 + (placed / 86'400) % 28).rightJustified(2, '0') + ' '
            + QByteArray::number((placed / 3600) % 24).rightJustified(2, '0') + ':'
            + QByteArray::number((placed / 60) % 60).rightJustified(2, '0') + ':'
            + QByteArray::number(placed % 60).rightJustified(2, '0') + " -0400";
        const int lines = 1 + int(m_random() % 3);
        std::array<qint64, 3> prices {};
        std::array<int, 3> quantities {};
        qint64 subtotal = 0;
        for (int l = 0; l < lines; ++l) {
            prices.at(l) = 500 + qint64(m_random() % 12000);
            quantities.at(l) = 1 + int(m_random() % 3);
            subtotal += prices.at(l) * quantities.at(l);
        }
        const qint64 shipping = subtotal > 5000 ? 0 : 600;
        const qint64 tax = subtotal * 7 / 100;
        const QByteArray number = '#' + QByteArray::number(1001 + i);
        for (int l = 0; l < lines; ++l) {
            std::array<QByteArray, ColumnCount> c;
            c.at(0) = number;
            c.at(1) = email;
            const int product = int(m_random() % Products.size());
            c.at(15) = created;
            c.at(16) = QByteArray::number(quantities.at(l));
            c.at(17) = quoted(Products.at(product));
            c.at(18) = money(prices.at(l));
            c.at(20) = "SKU-" + QByteArray::number(product) + '-' + QByteArray::number(prices.at(l) % 97);
            c.at(21) = "true";
            c.at(22) = "true";
            c.at(23) = "fulfilled";
            if (l == 0) {
                c.at(2) = "paid";
                c.at(3) = created;
                c.at(4) = "fulfilled";
                c.at(6) = "no";
                c.at(7) = "USD";
                c.at(8) = money(subtotal);
                c.at(9) = money(shipping);
                c.at(10) = money(tax);
                c.at(11) = money(subtotal + shipping + tax);
                c.at(13) = "0.00";
                c.at(14) = "Standard";
                c.at(24) = name;
                c.at(25) = quoted(QByteArray::number(10 + customer % 90) + " Market Street, Unit 4");
                c.at(29) = "Springfield";
                c.at(30) = "'0" + QByteArray::number(1000 + customer % 8999);
                c.at(32) = "US";
                c.at(34) = name;
                c.at(39) = "Springfield";
                c.at(42) = "US";
                if (i % 10 == 0) {
                    c.at(44) = quoted("Gift wrap, please.\nNo invoice in the box.");
                }
                c.at(47) = "Shopify Payments";
                c.at(51) = QByteArray::number(5'500'000'000'000LL + i);
                c.at(53) = "Low";
                c.at(54) = "web";
            }
            c.at(55) = "0.00";
            for (int k = 0; k < ColumnCount; ++k) {
                if (k > 0) {
                    out += ',';
                }
                out += c.at(k);
            }
            out += "\r\n";
            ++local.rows;
        }
        ++local.orders;
        if (out.size() > (1 << 20)) {
            local.bytes += file.write(out);
            out.clear();
        }
    }
    local.bytes += file.write(out);
    if (!file.flush()) {
        QTextStream(stderr) << "cannot write " << path << ": " << file.errorString() << Qt::endl;
        return false;
    }
    if (stats) {
        *stats = local;
    }
    return true;
}

} // namespace waybill::bench
