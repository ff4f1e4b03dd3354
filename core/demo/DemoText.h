// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <utility>

namespace waybill::demo {

/// What a demo conversation is about; decides the shipment's history, the return or claim, and the words.
enum class Scenario {
    WhereIsMyOrder,
    Delayed,
    CarrierException,
    FailedAttempt,
    ReturnedToSender,
    PickupWaiting,
    Damaged,
    Lost,
    ReturnRequest,
    DeliveredThanks,
    AddressChange,
};

enum class Language {
    English,
    Japanese,
    Chinese,
};

/// A scripted thread: the customer speaks first, then turns alternate customer / agent.
/// Texts hold %NAME%, %ORDER%, %CARRIER%, %TRACKING% and %AGENT%, replaced by the generator.
struct ThreadScript {
    QString subject;
    QStringList turns;
    QString note; ///< an internal note, may be empty
};

/// The demo's words: thread scripts per scenario and language, and pools of names and products.
namespace DemoText {
ThreadScript script(Scenario scenario, Language language, int variant);
inline constexpr int ScenarioCount = 11;
QStringList givenNames(Language language);
QStringList familyNames(Language language);
/// familyNames() in lower-case Latin letters, index for index (for e-mail addresses and user names).
QStringList romanizedFamilyNames(Language language);
QStringList products();
/// A customer's chaser and the agent's answer, for long threads.
std::pair<QString, QString> followUp(Language language);
/// The shape of a name in this language: "Given Family" in English, "Family Given" in Japanese and Chinese.
QString fullName(Language language, const QString &given, const QString &family);
} // namespace DemoText

} // namespace waybill::demo
