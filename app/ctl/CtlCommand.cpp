// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CtlCommand.h"

#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace waybill::ctl {

storage::Workspace CtlCommand::workspace(const QCommandLineParser &parser)
{
    const QString dir = parser.value(QStringLiteral("workspace"));
    return storage::Workspace(dir.isEmpty() ? storage::Workspace::defaultDirectory() : dir);
}

std::unique_ptr<storage::Database> CtlCommand::openExisting(const QCommandLineParser &parser)
{
    const QString dir = parser.value(QStringLiteral("workspace"));
    const QString path
        = (dir.isEmpty() ? storage::Workspace::defaultDirectory() : dir) + QStringLiteral("/waybill.sqlite");
    if (!QFileInfo::exists(path)) {
        throw storage::StorageError(storage::StorageError::Kind::NotFound,
            QCoreApplication::translate("waybillctl",
                "There is no workspace at %1. Create one with "
                "'waybillctl demo --workspace DIR'.")
                .arg(QFileInfo(path).absolutePath()));
    }
    return workspace(parser).openDatabase(QStringLiteral("ctl"));
}

int CtlCommand::positiveInt(const QCommandLineParser &parser, const QString &option, int fallback, QTextStream &err)
{
    if (!parser.isSet(option)) {
        return fallback;
    }
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value <= 0) {
        err << QCoreApplication::translate("waybillctl", "waybillctl: --%1 needs a positive whole number, not '%2'")
                   .arg(option, parser.value(option))
            << Qt::endl;
        return -1;
    }
    return value;
}

} // namespace waybill::ctl
