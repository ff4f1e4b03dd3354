// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchCommand.h"

#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/SearchIndex.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace waybill::ctl {

QString SearchCommand::name() const
{
    return QStringLiteral("search");
}

QString SearchCommand::summary() const
{
    return QStringLiteral("Find conversations by words, order or tracking number, customer name, e-mail or phone.");
}

void SearchCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("query"), QStringLiteral("What to look for."));
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    parser.addOption(
        { QStringLiteral("limit"), QStringLiteral("At most N results (default 20)."), QStringLiteral("N") });
}

int SearchCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty()) {
        err << "waybillctl search: give something to search for, e.g. waybillctl search \"refund\"" << Qt::endl;
        return 2;
    }
    const int limit = positiveInt(parser, QStringLiteral("limit"), 20, err);
    if (limit < 0) {
        return 2;
    }
    const auto database = openExisting(parser);
    const QList<qint64> ids = storage::SearchIndex(*database).search(words.join(u' '), limit);
    const auto rows = storage::ConversationRepository(*database).findMany(ids);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const auto &c : rows) {
            array.append(QJsonObject { { QStringLiteral("id"), c.id },
                { QStringLiteral("channel"), domain::channelKey(c.channel) },
                { QStringLiteral("status"), domain::statusKey(c.status) },
                { QStringLiteral("customer"), c.customerName }, { QStringLiteral("subject"), c.subject },
                { QStringLiteral("preview"), c.preview }, { QStringLiteral("order"), c.orderNumber },
                { QStringLiteral("last_activity"),
                    QDateTime::fromSecsSinceEpoch(c.lastActivity, QTimeZone::utc()).toString(Qt::ISODate) } });
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return 0;
    }
    for (const auto &c : rows) {
        out << QStringLiteral("%1  %2  %3  %4  %5\n")
                   .arg(c.id, 8)
                   .arg(domain::channelKey(c.channel), -6)
                   .arg(c.orderNumber, -20)
                   .arg(c.customerName, -18)
                   .arg(c.subject.isEmpty() ? c.preview.left(60) : c.subject);
    }
    if (rows.isEmpty()) {
        out << "No conversations match." << Qt::endl;
    }
    return 0;
}

} // namespace waybill::ctl
