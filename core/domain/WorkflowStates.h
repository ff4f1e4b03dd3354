// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace waybill::domain {

/// The states of a return (RMA), in workflow order. Stored by key ("label_sent").
/// requested → approved | rejected → label_sent → in_transit → received → inspected
///           → refunded | exchanged | store_credit → closed
namespace ReturnState {
QStringList keys();
QString displayName(const QString &key);
/// A return still needs work: anything but rejected and closed.
bool isActive(const QString &key);
} // namespace ReturnState

/// The states of a delivery claim with the carrier, in workflow order.
/// opened → evidence → filed → approved | denied → paid → closed
namespace ClaimState {
QStringList keys();
QString displayName(const QString &key);
/// A claim still needs work: anything but denied, paid and closed.
bool isActive(const QString &key);
} // namespace ClaimState

} // namespace waybill::domain
