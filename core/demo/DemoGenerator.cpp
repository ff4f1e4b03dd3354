// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoGenerator.h"

#include "DemoText.h"
#include "commerce/CarrierDirectory.h"
#include "domain/WorkflowStates.h"
#include "engine/SlaClock.h"
#include "storage/AgentRepository.h"
#include "storage/AttachmentStore.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/Database.h"
#include "storage/MessageRepository.h"
#include "storage/OrderRepository.h"
#include "storage/SqlQuery.h"
#include "storage/TagRepository.h"
#include "storage/TransactionGuard.h"
#include "storage/WorkflowRepository.h"

#include <QDateTime>

#include <random>

namespace waybill::demo {

using namespace domain;

namespace {

constexpr int BatchSize = 5000;
constexpr qint64 Hour = 3600;
constexpr qint64 Day = 24 * Hour;

struct Carrier {
    const char *key;
    const char *service;
    int transitDays;
};

constexpr Carrier WesternCarriers[] = { { "ups", "Ground", 4 }, { "usps", "Priority Mail", 3 },
    { "fedex", "Home Delivery", 4 }, { "dhl", "Express Worldwide", 3 } };
constexpr Carrier JapaneseCarriers[] = { { "japan_post", "EMS", 5 }, { "yamato", "TA-Q-BIN", 2 } };
// Destination regions for delivery estimates (DeliveryEstimator learns transit times per region).
constexpr const char *WesternRegions[] = { "US East", "US Central", "US West", "Western Europe" };
constexpr const char *JapaneseRegions[] = { "Kanto", "Kansai", "Hokkaido", "Kyushu" };

/// Deterministic random numbers for one conversation.
class Dice {
public:
    explicit Dice(quint64 seed)
        : m_engine(seed)
    {
    }
    int below(int n) { return int(m_engine() % quint64(n)); }
    bool chance(int percent) { return below(100) < percent; }
    qint64 between(qint64 low, qint64 high) { return low + qint64(m_engine() % quint64(high - low + 1)); }
    template <typename T> const T &pick(const QList<T> &list) { return list.at(below(int(list.size()))); }

private:
    std::mt19937_64 m_engine;
};

QString digits(quint64 value, int width)
{
    return QStringLiteral("%1").arg(value, width, 10, QLatin1Char('0'));
}

/// A bijection on [0, 10^width): distinct indexes give distinct, random-looking numbers.
quint64 scramble(quint64 index, quint64 modulus)
{
    constexpr quint64 Multiplier = 6364136223846793ULL; // odd and not a multiple of 5: invertible mod 10^k
    return (index * Multiplier + 1442695040888963ULL) % modulus;
}

QString upsNumber(Dice &dice)
{
    static const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKLMNPRSTUVWXYZ");
    QString number = QStringLiteral("1Z");
    for (int i = 0; i < 6; ++i) {
        number += alphabet.at(dice.below(int(alphabet.size())));
    }
    return number + digits(quint64(dice.between(1, 99)), 2) + digits(quint64(dice.between(0, 99999999)), 8);
}

/// UPU S10 numbers (Japan Post): two letters, eight digits, a check digit, the country.
QString s10Number(Dice &dice, const QString &prefix, const QString &country)
{
    constexpr int Weights[] = { 8, 6, 4, 2, 3, 5, 9, 7 };
    const QString serial = digits(quint64(dice.between(0, 99999999)), 8);
    int sum = 0;
    for (int i = 0; i < 8; ++i) {
        sum += serial.at(i).digitValue() * Weights[i];
    }
    int check = 11 - sum % 11;
    check = check == 10 ? 0 : (check == 11 ? 5 : check);
    return prefix + serial + QString::number(check) + country;
}

QString trackingNumber(const QString &carrier, Dice &dice)
{
    if (carrier == QLatin1String("ups")) {
        return upsNumber(dice);
    }
    if (carrier == QLatin1String("usps")) {
        return QStringLiteral("9400") + digits(quint64(dice.between(0, 999999999)), 9)
            + digits(quint64(dice.between(0, 999999999)), 9);
    }
    if (carrier == QLatin1String("fedex")) {
        return digits(quint64(dice.between(100000000000LL, 999999999999LL)), 12);
    }
    if (carrier == QLatin1String("dhl")) {
        return digits(quint64(dice.between(1000000000LL, 9999999999LL)), 10);
    }
    if (carrier == QLatin1String("japan_post")) {
        return s10Number(dice, QStringLiteral("EJ"), QStringLiteral("JP"));
    }
    // Yamato: eleven digits and a check digit, their value modulo 7.
    const qint64 body = dice.between(10000000000LL, 99999999999LL);
    return QString::number(body) + QString::number(body % 7);
}

/// The tracking status a scenario ends in, and whether the parcel is late.
TrackingStatus finalStatus(Scenario scenario, Dice &dice)
{
    switch (scenario) {
    case Scenario::WhereIsMyOrder:
    case Scenario::AddressChange: {
        constexpr TrackingStatus Moving[] = { TrackingStatus::PreTransit, TrackingStatus::InTransit,
            TrackingStatus::InTransit, TrackingStatus::OutForDelivery, TrackingStatus::Unknown };
        return Moving[dice.below(5)];
    }
    case Scenario::Delayed:
        return TrackingStatus::InTransit;
    case Scenario::CarrierException:
        return TrackingStatus::Exception;
    case Scenario::FailedAttempt:
        return TrackingStatus::FailedAttempt;
    case Scenario::ReturnedToSender:
        return TrackingStatus::ReturnToSender;
    case Scenario::PickupWaiting:
        return TrackingStatus::AvailableForPickup;
    case Scenario::Damaged:
    case Scenario::Lost:
    case Scenario::ReturnRequest:
    case Scenario::DeliveredThanks:
        return TrackingStatus::Delivered;
    }
    return TrackingStatus::Unknown;
}

QList<TrackingEvent> trackingHistory(TrackingStatus last, qint64 shippedAt, qint64 now, bool japanese, Dice &dice)
{
    const QStringList places = japanese
        ? QStringList { QStringLiteral("Tokyo, JP"), QStringLiteral("Osaka, JP"), QStringLiteral("Saitama, JP"),
              QStringLiteral("Nagoya, JP") }
        : QStringList { QStringLiteral("Louisville, KY, US"), QStringLiteral("Memphis, TN, US"),
              QStringLiteral("Chicago, IL, US"), QStringLiteral("Leipzig, DE"), QStringLiteral("Columbus, OH, US") };
    QList<TrackingEvent> events;
    qint64 at = shippedAt;
    auto add = [&](TrackingStatus status, const QString &message) {
        events.append({ 0, std::min(at, now - Hour), status, dice.pick(places), message });
        at += dice.between(6 * Hour, 30 * Hour);
    };
    add(TrackingStatus::PreTransit, QStringLiteral("Shipping label created"));
    if (last == TrackingStatus::PreTransit || last == TrackingStatus::Unknown) {
        return events;
    }
    add(TrackingStatus::InTransit, QStringLiteral("Picked up by carrier"));
    add(TrackingStatus::InTransit, QStringLiteral("Arrived at sort facility"));
    switch (last) {
    case TrackingStatus::InTransit:
        add(TrackingStatus::InTransit, QStringLiteral("Departed facility"));
        break;
    case TrackingStatus::OutForDelivery:
        add(TrackingStatus::OutForDelivery, QStringLiteral("Out for delivery"));
        break;
    case TrackingStatus::AvailableForPickup:
        add(TrackingStatus::AvailableForPickup, QStringLiteral("Held at access point for pickup"));
        break;
    case TrackingStatus::Delivered:
        add(TrackingStatus::OutForDelivery, QStringLiteral("Out for delivery"));
        add(TrackingStatus::Delivered, QStringLiteral("Delivered, front door"));
        break;
    case TrackingStatus::FailedAttempt:
        add(TrackingStatus::OutForDelivery, QStringLiteral("Out for delivery"));
        add(TrackingStatus::FailedAttempt, QStringLiteral("Delivery attempted - no one available"));
        break;
    case TrackingStatus::Exception:
        add(TrackingStatus::Exception, QStringLiteral("Exception: address could not be verified"));
        break;
    case TrackingStatus::ReturnToSender:
        add(TrackingStatus::FailedAttempt, QStringLiteral("Delivery attempted - business closed"));
        add(TrackingStatus::ReturnToSender, QStringLiteral("Returned to sender"));
        break;
    default:
        break;
    }
    return events;
}

} // namespace

DemoGenerator::DemoGenerator(const storage::Database &database, Options options)
    : m_database(database)
    , m_options(options)
{
    if (m_options.now == 0) {
        m_options.now = QDateTime::currentSecsSinceEpoch();
    }
}

QString DemoGenerator::defaultAgentEmail()
{
    return QStringLiteral("mia.chen@example.com");
}

void DemoGenerator::run(const Progress &progress)
{
    const qint64 now = m_options.now;
    const engine::SlaClock sla;
    const storage::AgentRepository agentRepository(m_database);
    const storage::ConversationRepository conversations(m_database);
    const storage::CustomerRepository customers(m_database);
    const storage::MessageRepository messages(m_database);
    const storage::OrderRepository orders(m_database);
    const storage::TagRepository tags(m_database);
    const storage::WorkflowRepository workflows(m_database);

    QList<Agent> agents;
    QList<qint64> teamIds;
    {
        storage::TransactionGuard transaction(m_database);
        for (const QString &team :
            { QStringLiteral("Tier 1"), QStringLiteral("Returns & Claims"), QStringLiteral("Marketplaces") }) {
            teamIds << agentRepository.insertTeam(team);
        }
        const std::pair<const char *, const char *> people[]
            = { { "Mia Chen", "mia.chen@example.com" }, { "Jonas Weber", "jonas.weber@example.com" },
                  { "Aiko Tanaka", "aiko.tanaka@example.com" }, { "Carlos Ruiz", "carlos.ruiz@example.com" },
                  { "Priya Nair", "priya.nair@example.com" }, { "Tom O'Neill", "tom.oneill@example.com" },
                  { "Li Wei", "li.wei@example.com" }, { "Sara Lind", "sara.lind@example.com" } };
        int index = 0;
        for (const auto &[name, email] : people) {
            Agent agent { 0, QString::fromUtf8(name), QString::fromLatin1(email), teamIds.at(index % 3) };
            agent.id = agentRepository.insertAgent(agent);
            agents << agent;
            ++index;
        }
        const std::pair<const char *, const char *> templates[] = {
            { "Where is my order",
                "Hi {{customer.first_name}},\n\nYour order {{order.number}} is with "
                "{{shipment.carrier}} and is currently {{shipment.status}}. You can follow it here: "
                "{{shipment.tracking_url}}\nExpected delivery: {{shipment.eta}}.\n\nBest,\n{{agent.name}}" },
            { "Delay apology",
                "Hi {{customer.first_name}},\n\nI'm sorry your order {{order.number}} is taking longer "
                "than expected. {{shipment.carrier}} now expects to deliver it on {{shipment.eta}}.\n\n"
                "{{agent.name}}" },
            { "Return update",
                "Hi {{customer.first_name}},\n\nAn update on the return for order {{order.number}}: "
                "{{return.status}}.\n\n{{agent.name}}" },
            { "Damaged item",
                "Hi {{customer.first_name}},\n\nI'm very sorry the item from order {{order.number}} "
                "arrived damaged. We've opened a claim with {{shipment.carrier}} and a replacement is on "
                "its way.\n\n{{agent.name}}" },
            { "Thanks",
                "Thank you {{customer.first_name}}! Let us know if there's anything else we can do.\n\n"
                "{{agent.name}}" },
        };
        for (const auto &[name, body] : templates) {
            tags.insertTemplate({ 0, QString::fromUtf8(name), QString::fromUtf8(body) });
        }
        transaction.commit();
    }

    const QStringList products = DemoText::products();
    const QStringList tagPool = { QStringLiteral("vip"), QStringLiteral("wismo"), QStringLiteral("refund"),
        QStringLiteral("reship"), QStringLiteral("wholesale"), QStringLiteral("escalated"), QStringLiteral("fragile") };
    // A small PNG stands in for a customer's photo of a damaged parcel; stored once, by content hash.
    static const unsigned char Png[] = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49,
        0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15,
        0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05,
        0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 };
    const QByteArray photo(reinterpret_cast<const char *>(Png), sizeof(Png));
    const QString photoSha = m_options.attachmentsDirectory.isEmpty()
        ? QString()
        : storage::AttachmentStore(m_options.attachmentsDirectory).put(photo);

    const int total = m_options.conversations;
    int customerCount = 0;
    qint64 currentCustomer = 0;
    Language currentLanguage = Language::English;
    QString currentName, currentFirst, currentEmail;
    Channel currentHomeChannel = Channel::Email;
    int shopifyNumber = 1000;

    for (int start = 0; start < total; start += BatchSize) {
        storage::TransactionGuard transaction(m_database);
        const int end = std::min(total, start + BatchSize);
        for (int i = start; i < end; ++i) {
            Dice dice(m_options.seed * 1000003ULL + quint64(i));
            // About 1.6 conversations per customer: a new customer unless this one writes again.
            if (currentCustomer == 0 || dice.chance(62)) {
                const int languageRoll = dice.below(100);
                currentLanguage = languageRoll < 70 ? Language::English
                                                    : (languageRoll < 85 ? Language::Japanese : Language::Chinese);
                currentFirst = dice.pick(DemoText::givenNames(currentLanguage));
                const QStringList families = DemoText::familyNames(currentLanguage);
                const int familyIndex = dice.below(int(families.size()));
                const QString family = families.at(familyIndex);
                currentName = DemoText::fullName(currentLanguage, currentFirst, family);
                const QString latinFamily = DemoText::romanizedFamilyNames(currentLanguage).at(familyIndex);
                currentEmail = QStringLiteral("customer%1.%2@example.net").arg(customerCount + 1).arg(latinFamily);
                Customer customer { 0, currentName, currentFirst, now - dice.between(30 * Day, 700 * Day), {} };
                customer.identities.append({ 0, QStringLiteral("email"), currentEmail });
                if (dice.chance(55)) {
                    const QString country = currentLanguage == Language::Japanese ? QStringLiteral("+8190")
                        : currentLanguage == Language::Chinese                    ? QStringLiteral("+86138")
                                                                                  : QStringLiteral("+1555");
                    customer.identities.append({ 0, QStringLiteral("phone"),
                        country + digits(scramble(quint64(customerCount), 10000000), 7) });
                }
                const int home = dice.below(100);
                currentHomeChannel = home < 45 ? Channel::Email
                    : home < 60                ? Channel::Sms
                    : home < 72                ? Channel::Chat
                    : home < 90                ? Channel::Amazon
                                               : Channel::Ebay;
                if (currentHomeChannel == Channel::Amazon) {
                    customer.identities.append({ 0, QStringLiteral("amazon"),
                        QStringLiteral("A") + digits(scramble(quint64(customerCount), 10000000000000ULL), 13) });
                } else if (currentHomeChannel == Channel::Ebay) {
                    customer.identities.append({ 0, QStringLiteral("ebay"),
                        latinFamily + QStringLiteral("_") + digits(quint64(customerCount), 6) });
                } else if (currentHomeChannel == Channel::Chat) {
                    customer.identities.append({ 0, QStringLiteral("chat"),
                        QStringLiteral("visitor-") + digits(scramble(quint64(customerCount), 100000000), 8) });
                }
                currentCustomer = customers.insert(customer);
                ++customerCount;
            }
            const Channel channel = dice.chance(80)
                ? currentHomeChannel
                : (currentHomeChannel == Channel::Sms ? Channel::Email : Channel::Sms);
            const auto scenario = Scenario(dice.below(DemoText::ScenarioCount));
            const int statusRoll = dice.below(100);
            const ConversationStatus status = statusRoll < 24 ? ConversationStatus::Open
                : statusRoll < 36                             ? ConversationStatus::Waiting
                : statusRoll < 40                             ? ConversationStatus::Snoozed
                                                              : ConversationStatus::Closed;
            const bool recent = status != ConversationStatus::Closed;
            // Open work is mostly from today; some has waited for days (those deadlines are overdue).
            const qint64 lastActivity = !recent ? now - dice.between(3 * Day, 180 * Day)
                : dice.chance(70)               ? now - dice.between(5 * 60, 6 * Hour)
                                                : now - dice.between(6 * Hour, 3 * Day);

            // The order, from the store or marketplace the conversation belongs to.
            Order order;
            order.customerId = currentCustomer;
            order.placedAt = lastActivity - dice.between(3 * Day, 12 * Day);
            order.currency = currentLanguage == Language::Japanese ? QStringLiteral("JPY") : QStringLiteral("USD");
            if (channel == Channel::Amazon) {
                order.source = QStringLiteral("amazon");
                const QString n = digits(scramble(quint64(i), 100000000000000ULL), 14);
                order.number = QString::number(dice.between(111, 499)) + u'-' + n.left(7) + u'-' + n.mid(7);
            } else if (channel == Channel::Ebay) {
                order.source = QStringLiteral("ebay");
                const QString n = digits(scramble(quint64(i), 10000000000ULL), 10);
                order.number = QString::number(dice.between(10, 27)) + u'-' + n.left(5) + u'-' + n.mid(5);
            } else {
                order.source = QStringLiteral("shopify");
                order.number = u'#' + QString::number(++shopifyNumber);
            }
            const int lineCount = 1 + dice.below(3);
            const qint64 unitScale = order.currency == QLatin1String("JPY") ? 100 : 1;
            for (int l = 0; l < lineCount; ++l) {
                const int p = dice.below(int(products.size()));
                order.lines.append({ 0, QStringLiteral("WB-%1").arg(1000 + p), products.at(p), 1 + dice.below(2),
                    (1500 + qint64(p) * 350) * unitScale });
                order.subtotalCents += order.lines.constLast().unitPriceCents * order.lines.constLast().quantity;
            }
            order.shippingCents = 599 * unitScale;
            order.taxCents = order.subtotalCents * 8 / 100;
            order.totalCents = order.subtotalCents + order.shippingCents + order.taxCents;
            order.status = QStringLiteral("fulfilled");
            order.id = orders.insert(order);

            // The shipment and its tracking history.
            const bool japanese = currentLanguage == Language::Japanese;
            const Carrier &carrier = japanese ? JapaneseCarriers[dice.below(2)] : WesternCarriers[dice.below(4)];
            Shipment shipment;
            shipment.orderId = order.id;
            shipment.carrier = QString::fromLatin1(carrier.key);
            shipment.service = QString::fromLatin1(carrier.service);
            shipment.trackingNumber = trackingNumber(shipment.carrier, dice);
            shipment.shippedAt = order.placedAt + dice.between(4 * Hour, 2 * Day);
            shipment.status = finalStatus(scenario, dice);
            shipment.events = trackingHistory(shipment.status, shipment.shippedAt, now, japanese, dice);
            shipment.expectedAt = shipment.shippedAt + carrier.transitDays * Day;
            if (scenario == Scenario::Delayed) {
                shipment.expectedAt = std::min(shipment.expectedAt, now - dice.between(Day, 4 * Day));
            } else if (!isFinal(shipment.status) && shipment.expectedAt < now) {
                shipment.expectedAt = now + dice.between(Day, 3 * Day);
            }
            if (shipment.status == TrackingStatus::Delivered) {
                shipment.deliveredAt = shipment.events.constLast().occurredAt;
            }
            {
                // A dice of its own, so that adding regions left every other demo value as it was.
                Dice regionDice(quint64(order.id) * 7919u + 17u);
                shipment.destinationRegion = QString::fromLatin1(
                    japanese ? JapaneseRegions[regionDice.below(4)] : WesternRegions[regionDice.below(4)]);
            }
            shipment.id = orders.insertShipment(shipment);

            // Returns and claims walk their workflow to a state that depends on the conversation's index.
            QString returnState, claimState;
            if (scenario == Scenario::ReturnRequest) {
                const QStringList states = ReturnState::keys();
                const int reached = i % int(states.size());
                ReturnRequest request { 0, order.id, states.at(reached), QStringLiteral("Wrong size"),
                    order.lines.first().unitPriceCents, {}, lastActivity - 2 * Day, {}, 0, 0, {} };
                if (request.state == QLatin1String("refunded") || request.state == QLatin1String("store_credit")) {
                    request.refundCents = request.amountCents;
                }
                const QStringList path
                    = { QStringLiteral("requested"), QStringLiteral("approved"), QStringLiteral("label_sent"),
                          QStringLiteral("in_transit"), QStringLiteral("received"), QStringLiteral("inspected") };
                qint64 at = request.createdAt;
                for (const QString &step : path) {
                    if (states.indexOf(step) >= reached) {
                        break;
                    }
                    request.history.append({ at, step, {} });
                    at += 6 * Hour;
                }
                request.history.append({ at, request.state, {} });
                if (request.state == QLatin1String("in_transit")) {
                    request.returnTracking = trackingNumber(shipment.carrier, dice);
                }
                workflows.insertReturn(request);
                returnState = request.state;
            } else if (scenario == Scenario::Damaged || scenario == Scenario::Lost) {
                const QStringList states = ClaimState::keys();
                const QString state = states.at(i % int(states.size()));
                Claim claim { 0, order.id, shipment.id,
                    scenario == Scenario::Damaged ? QStringLiteral("damaged") : QStringLiteral("lost"), state, {},
                    order.totalCents, shipment.shippedAt + 60 * Day, lastActivity - Day, {}, {}, 0, {} };
                claim.history.append({ claim.createdAt, QStringLiteral("opened"), {} });
                if (state != QLatin1String("opened")) {
                    claim.history.append({ claim.createdAt + 4 * Hour, state, {} });
                }
                if (states.indexOf(state) >= states.indexOf(QStringLiteral("filed"))) {
                    claim.claimNumber = QStringLiteral("CLM-") + digits(scramble(quint64(i), 100000000), 8);
                }
                workflows.insertClaim(claim);
                claimState = claim.state;
            }

            // The conversation row, then its messages.
            const ThreadScript script = DemoText::script(scenario, currentLanguage, dice.below(6));
            const Agent &agent = agents.at(dice.below(int(agents.size())));
            auto fill = [&](QString text) {
                return text.replace(QLatin1String("%NAME%"), currentFirst)
                    .replace(QLatin1String("%ORDER%"), order.number)
                    .replace(QLatin1String("%CARRIER%"), commerce::CarrierDirectory::displayName(shipment.carrier))
                    .replace(QLatin1String("%TRACKING%"), shipment.trackingNumber)
                    .replace(QLatin1String("%AGENT%"), agent.name);
            };
            // Open conversations end with the customer waiting for us; others with our reply.
            QStringList turns = script.turns;
            if (i % 997 == 0) {
                // Now and then a long back-and-forth: 50 messages of chasing the carrier.
                const auto [ask, answer] = DemoText::followUp(currentLanguage);
                while (turns.size() < 50) {
                    turns << ask << answer;
                }
            }
            const bool awaitingUs = status == ConversationStatus::Open;
            if (awaitingUs && turns.size() % 2 == 0) {
                turns.removeLast();
            } else if (!awaitingUs && turns.size() % 2 == 1 && turns.size() > 1) {
                turns.removeLast();
            }
            const qint64 firstAt = lastActivity - qint64(turns.size() - 1) * dice.between(Hour, 9 * Hour);

            ConversationSummary c;
            c.channel = channel;
            c.subject = channel == Channel::Sms || channel == Channel::Chat ? QString() : fill(script.subject);
            c.preview = fill(turns.constLast()).left(200);
            c.customerId = currentCustomer;
            c.customerName = currentName;
            c.orderId = order.id;
            c.orderNumber = order.number;
            c.trackingStatus = trackingStatusKey(shipment.status);
            c.deliveryProblem = isDeliveryProblem(shipment.status) || shipment.isLate(now);
            c.returnState = returnState;
            c.claimState = claimState;
            c.status = status;
            c.snoozedUntil = status == ConversationStatus::Snoozed ? now + dice.between(Hour, 3 * Day) : 0;
            const bool assigned = status == ConversationStatus::Open ? dice.chance(55) : dice.chance(85);
            c.assigneeId = assigned ? agent.id : 0;
            c.teamId = assigned ? agent.teamId : (dice.chance(30) ? teamIds.at(dice.below(3)) : 0);
            c.unread = awaitingUs && dice.chance(60);
            c.createdAt = firstAt;
            c.lastActivity = lastActivity;
            if (awaitingUs) {
                c.marketDueAt = sla.marketDeadline(channel, lastActivity);
                c.slaDueAt = sla.slaDeadline(lastActivity);
            }
            c.linkReason = channel == Channel::Amazon || channel == Channel::Ebay
                ? QStringLiteral("marketplace order id in the message")
                : QStringLiteral("order number in the subject");
            const qint64 conversationId = conversations.insert(c);

            qint64 at = firstAt;
            const qint64 step = turns.size() > 1 ? (lastActivity - firstAt) / (turns.size() - 1) : 0;
            for (int t = 0; t < turns.size(); ++t) {
                Message m;
                m.conversationId = conversationId;
                const bool fromCustomer = t % 2 == 0;
                m.direction = fromCustomer ? Message::Direction::Inbound : Message::Direction::Outbound;
                m.author = fromCustomer ? currentName : agent.name;
                m.agentId = fromCustomer ? 0 : agent.id;
                m.bodyText = fill(turns.at(t));
                m.createdAt = t + 1 == turns.size() ? lastActivity : at;
                m.delivery = fromCustomer ? Message::Delivery::Received : Message::Delivery::Sent;
                if (fromCustomer && t == 0 && scenario == Scenario::Damaged && !photoSha.isEmpty()) {
                    m.attachments.append({ 0, QStringLiteral("damaged-parcel.png"), QStringLiteral("image/png"),
                        photo.size(), photoSha });
                }
                messages.insert(m);
                at += step;
                if (t == 0 && !script.note.isEmpty()) {
                    Message note;
                    note.conversationId = conversationId;
                    note.direction = Message::Direction::Note;
                    note.author = agent.name;
                    note.agentId = agent.id;
                    note.bodyText = fill(script.note);
                    note.createdAt = m.createdAt + 600;
                    messages.insert(note);
                }
            }
            if (dice.chance(35)) {
                tags.addTag(conversationId, dice.pick(tagPool));
            }
        }
        transaction.commit();
        if (progress && !progress(end, total)) {
            return;
        }
    }
}

} // namespace waybill::demo
