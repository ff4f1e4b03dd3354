// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpApiActionsParser.h"

#include <QJsonArray>
#include <QJsonObject>

namespace waybill::channels::marketplace {

std::optional<QStringList> SpApiActionsParser::actionNames(const QJsonDocument &document, QString *problem)
{
    const auto refuse = [problem](const QString &why) -> std::optional<QStringList> {
        if (problem) {
            *problem = why;
        }
        return std::nullopt;
    };
    if (!document.isObject()) {
        return refuse(QStringLiteral("the answer is not a JSON object"));
    }
    const QJsonValue links = document.object().value(QStringLiteral("_links"));
    if (!links.isObject()) {
        return refuse(QStringLiteral("_links is missing or not an object"));
    }
    const QJsonValue self = links.toObject().value(QStringLiteral("self"));
    if (!self.isObject() || !self.toObject().value(QStringLiteral("href")).isString()) {
        return refuse(QStringLiteral("_links.self.href is missing or not a string"));
    }
    const QJsonValue actions = links.toObject().value(QStringLiteral("actions"));
    if (!actions.isArray()) {
        return refuse(QStringLiteral("_links.actions is missing or not an array"));
    }
    QStringList names;
    const QJsonArray list = actions.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject action = list.at(i).toObject();
        const QJsonValue name = action.value(QStringLiteral("name"));
        if (!list.at(i).isObject() || !name.isString() || name.toString().isEmpty()
            || !action.value(QStringLiteral("href")).isString()) {
            return refuse(QStringLiteral("_links.actions[%1] has no name and href strings").arg(i));
        }
        names.append(name.toString());
    }
    return names;
}

QString SpApiActionsParser::errorSummary(const QByteArray &body)
{
    const QJsonValue errors = QJsonDocument::fromJson(body).object().value(QStringLiteral("errors"));
    QStringList parts;
    for (const QJsonValue &error : errors.toArray()) {
        const QJsonObject e = error.toObject();
        QString part = e.value(QStringLiteral("code")).toString();
        const QString message = e.value(QStringLiteral("message")).toString();
        if (!message.isEmpty()) {
            part += (part.isEmpty() ? QString() : QStringLiteral(": ")) + message;
        }
        const QString details = e.value(QStringLiteral("details")).toString();
        if (!details.isEmpty()) {
            part += QStringLiteral(" (") + details + u')';
        }
        if (!part.isEmpty()) {
            parts << part;
        }
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace waybill::channels::marketplace
