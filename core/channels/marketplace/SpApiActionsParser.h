// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

#include <optional>

namespace waybill::channels::marketplace {

/// Reads the answers of the Selling Partner API's getMessagingActionsForOrder and getSolicitationActionsForOrder,
/// which share one HAL shape: `{"_links": {"actions": [{"href": …, "name": …}, …], "self": {"href": …}}}`
/// (`_embedded` and other members Amazon may add are ignored). Also reads the `{"errors": [{"code", "message",
/// "details"}]}` body of a refused request. Pure functions; safe on any thread.
class SpApiActionsParser final {
public:
    /// The names of the actions Amazon offers for the order, in its order; std::nullopt with `problem` set (for
    /// people: which member is missing or of the wrong type) when the document is not that shape.
    static std::optional<QStringList> actionNames(const QJsonDocument &document, QString *problem);
    /// "InvalidInput: Invalid Input" for every error of an SP-API error body, joined by "; "; empty when the body
    /// is not one.
    static QString errorSummary(const QByteArray &body);
};

} // namespace waybill::channels::marketplace
