// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TrackingUpdate.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace waybill::commerce {

/// The outcome of parsing one provider payload: the parcels it describes, or an error sentence for people that
/// names the provider and what was wrong ("FedEx: tracking number 123456789013 was not found: …"). A batch reply
/// in which some parcels failed keeps the good ones in `updates` and names the others in `itemErrors`.
struct TrackingParseResult {
    QString provider; ///< display name of the provider or carrier that sent the payload ("EasyPost")
    QList<TrackingUpdate> updates;
    QString error; ///< empty when at least one parcel was read
    QStringList itemErrors;

    bool ok() const { return error.isEmpty() && !updates.isEmpty(); }

    static TrackingParseResult failure(const QString &provider, const QString &error)
    {
        TrackingParseResult result;
        result.provider = provider;
        result.error = error;
        return result;
    }
};

} // namespace waybill::commerce
