// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LinkingCorpus.h"

#include "domain/Customer.h"
#include "domain/Order.h"
#include "domain/Shipment.h"
#include "storage/CustomerRepository.h"
#include "storage/OrderRepository.h"
#include "storage/TransactionGuard.h"

#include <QRandomGenerator>

namespace waybill::testing {

namespace {

constexpr qint64 Day = 24 * 3600;

struct PlacedOrder {
    qint64 id = 0;
    QString number;
    QString tracking; ///< empty when not shipped
    qint64 placedAt = 0;
};

struct Buyer {
    QString address;
    QString name;
    QList<PlacedOrder> orders;
};

class Dice {
public:
    explicit Dice(quint32 seed)
        : m_random(seed)
    {
    }
    int below(int n) { return int(m_random.bounded(quint32(n))); }
    bool chance(int percent) { return below(100) < percent; }
    QString digits(int count)
    {
        QString out;
        for (int i = 0; i < count; ++i) {
            out += QChar(u'0' + below(10));
        }
        return out;
    }
    template <typename T> const T &pick(const QList<T> &list) { return list.at(below(int(list.size()))); }

private:
    QRandomGenerator m_random;
};

/// Phone numbers, amounts, dates, postcodes, apartment and invoice numbers: digits that are not orders.
QString distractor(Dice &dice)
{
    switch (dice.below(7)) {
    case 0:
        return QStringLiteral("You can call me on +1 555 %1 %2.").arg(dice.digits(3), dice.digits(4));
    case 1:
        return QStringLiteral("I paid $%1.%2 for it.").arg(QString::number(10 + dice.below(900)), dice.digits(2));
    case 2:
        return QStringLiteral("It was supposed to arrive on 2026-0%1-1%2.")
            .arg(QString::number(1 + dice.below(9)), QString::number(dice.below(10)));
    case 3:
        return QStringLiteral("My address is apartment #%1, 12 Harbour Street, Leeds LS1 4AB.")
            .arg(QString::number(1000 + dice.below(400)));
    case 4:
        return QStringLiteral("The reference on my bank statement is %1.").arg(dice.digits(8));
    case 5:
        return QStringLiteral("Invoice 2026-%1 is attached.").arg(dice.digits(3));
    default:
        return QStringLiteral("My customer number is %1.").arg(dice.digits(6));
    }
}

QString padding(Dice &dice)
{
    static const QList<QString> lines = { QStringLiteral("Thank you for your help."),
        QStringLiteral("I have been a customer for years."), QStringLiteral("Please let me know what to do next."),
        QStringLiteral("The box was left outside in the rain."), QStringLiteral("Best regards,") };
    return dice.pick(lines);
}

} // namespace

QList<LinkingCorpus::Message> LinkingCorpus::generate(
    const storage::Database &database, int customers, int messages, quint32 seed)
{
    Dice dice(seed);
    QList<Buyer> buyers;
    {
        storage::TransactionGuard transaction(database);
        const storage::CustomerRepository customerRepository(database);
        const storage::OrderRepository orderRepository(database);
        int shopNumber = 1001;
        for (int c = 0; c < customers; ++c) {
            Buyer buyer;
            buyer.address = QStringLiteral("buyer%1@mail.example").arg(c);
            buyer.name = QStringLiteral("Buyer %1").arg(c);
            domain::Customer customer;
            customer.name = buyer.name;
            customer.createdAt = Now - 400 * Day;
            customer.identities.append({ 0, QStringLiteral("email"), buyer.address });
            const qint64 customerId = customerRepository.insert(customer);
            // A fifth of the customers bought only long ago; the rest one to three times recently.
            const bool lapsed = dice.chance(20);
            const int count = 1 + dice.below(3);
            for (int o = 0; o < count; ++o) {
                domain::Order order;
                switch (dice.below(3)) {
                case 0:
                    order.source = QStringLiteral("shopify");
                    order.number = u'#' + QString::number(shopNumber++);
                    break;
                case 1:
                    order.source = QStringLiteral("amazon");
                    order.number = QStringLiteral("1%1-%2-%3").arg(dice.digits(2), dice.digits(7), dice.digits(7));
                    break;
                default:
                    order.source = QStringLiteral("ebay");
                    order.number = QStringLiteral("%1-%2-%3").arg(dice.digits(2), dice.digits(5), dice.digits(5));
                    break;
                }
                order.customerId = customerId;
                order.placedAt = lapsed ? Now - (200 + dice.below(200)) * Day : Now - (1 + dice.below(50)) * Day;
                order.currency = QStringLiteral("USD");
                order.totalCents = 1000 + dice.below(20000);
                PlacedOrder placed { orderRepository.insert(order), order.number, {}, order.placedAt };
                if (dice.chance(70)) {
                    domain::Shipment shipment;
                    shipment.orderId = placed.id;
                    shipment.carrier = QStringLiteral("ups");
                    shipment.trackingNumber = QStringLiteral("1Z%1%2").arg(dice.digits(6), dice.digits(10));
                    shipment.shippedAt = order.placedAt + Day;
                    orderRepository.insertShipment(shipment);
                    placed.tracking = shipment.trackingNumber;
                }
                buyer.orders.append(placed);
            }
            buyers.append(buyer);
        }
        transaction.commit();
    }

    auto recentOrders = [](const Buyer &buyer) {
        QList<PlacedOrder> recent;
        for (const PlacedOrder &order : buyer.orders) {
            if (order.placedAt >= Now - 60 * Day) {
                recent.append(order);
            }
        }
        return recent;
    };

    QList<Message> out;
    int stranger = 0;
    while (out.size() < messages) {
        const Buyer &buyer = dice.pick(buyers);
        const PlacedOrder &order = dice.pick(buyer.orders);
        const QList<PlacedOrder> recent = recentOrders(buyer);
        Message m;
        m.fromAddress = buyer.address;
        const int roll = dice.below(100);
        if (roll < 22) {
            m.kind = QStringLiteral("number in subject");
            static const QList<QString> subjects
                = { QStringLiteral("Where is my order %1?"), QStringLiteral("Re: Your order %1 has shipped"),
                      QStringLiteral("Problem with order %1"), QStringLiteral("Return for %1"),
                      QString::fromUtf8("注文%1の配送について"), QStringLiteral("Bestellung %1 nicht angekommen") };
            m.subject = dice.pick(subjects).arg(order.number);
            m.body = distractor(dice) + u'\n' + padding(dice);
            m.expectedOrderId = order.id;
        } else if (roll < 44) {
            m.kind = QStringLiteral("number in body");
            static const QList<QString> bodies = { QStringLiteral("My order number is %1 and it has not arrived."),
                QStringLiteral("I ordered the tea set (order %1) three weeks ago."),
                QStringLiteral("Order no. %1 arrived damaged."),
                QString::fromUtf8("注文番号%1の商品がまだ届きません。"), QString::fromUtf8("我的订单%1还没有到。"),
                QStringLiteral("About %1: can I change the address?") };
            m.subject = dice.chance(50) ? QStringLiteral("Question") : QStringLiteral("Help please");
            m.body = distractor(dice) + u'\n' + dice.pick(bodies).arg(order.number) + u'\n' + distractor(dice);
            m.expectedOrderId = order.id;
        } else if (roll < 54 && !order.tracking.isEmpty()) {
            m.kind = QStringLiteral("tracking number");
            m.subject = QStringLiteral("Parcel stuck");
            m.body = QStringLiteral("The tracking for %1 has not moved for a week.\n").arg(order.tracking)
                + distractor(dice);
            m.expectedOrderId = order.id;
        } else if (roll < 66 && recent.size() == 1) {
            m.kind = QStringLiteral("only recent order");
            m.subject = QStringLiteral("Where is my parcel?");
            m.body = QStringLiteral("Hello, my parcel has not arrived yet.\n") + distractor(dice);
            m.expectedOrderId = recent.first().id;
        } else if (roll < 74 && recent.size() > 1) {
            m.kind = QStringLiteral("several recent orders");
            m.subject = QStringLiteral("Where is my parcel?");
            m.body = QStringLiteral("One of my parcels is missing.\n") + distractor(dice);
        } else if (roll < 86) {
            m.kind = QStringLiteral("stranger");
            m.fromAddress = QStringLiteral("stranger%1@elsewhere.example").arg(stranger++);
            m.subject = dice.chance(50) ? QStringLiteral("Do you ship to Canada?") : QStringLiteral("Wholesale");
            m.body = distractor(dice) + u'\n' + distractor(dice) + u'\n' + padding(dice);
        } else if (roll < 92 && order.number.contains(u'-')) {
            const Buyer &other = dice.pick(buyers);
            const PlacedOrder &theirs = dice.pick(other.orders);
            if (!theirs.number.contains(u'-') || &other == &buyer) {
                continue;
            }
            m.kind = QStringLiteral("someone else's order");
            m.subject = QStringLiteral("Gift order");
            m.body = QStringLiteral("I am writing for my sister about her order %1.\n").arg(theirs.number)
                + distractor(dice);
            m.expectedOrderId = theirs.id;
        } else if (recent.isEmpty()) {
            m.kind = QStringLiteral("no recent order");
            m.subject = QStringLiteral("Question about sizes");
            m.body = QStringLiteral("Does the jacket run small?\n") + distractor(dice);
        } else {
            continue;
        }
        out.append(m);
    }
    return out;
}

} // namespace waybill::testing
