// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CtlRunner.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Waybill"));
    QCoreApplication::setOrganizationName(QStringLiteral("Waybill"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WAYBILL_VERSION));
    return waybill::ctl::CtlRunner().run(QCoreApplication::arguments());
}
