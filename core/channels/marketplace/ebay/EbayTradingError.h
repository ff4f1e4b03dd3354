// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace waybill::channels::marketplace {

/// One `<Errors>` entry of an eBay Trading API answer, as eBay wrote it (entities decoded, white space trimmed).
/// A plain value.
struct EbayTradingError {
    QString code; ///< ErrorCode ("37", "931"); empty when eBay sent none
    QString shortMessage;
    QString longMessage;
    /// SeverityCode: "Error" or "Warning". An entry without one counts as an error (eBay leaves it out of some
    /// Failure answers).
    QString severity;
    QString classification; ///< ErrorClassification: "RequestError", "SystemError"
    QStringList parameters; ///< the ErrorParameters values, in order

    bool isWarning() const { return severity == QLatin1String("Warning"); }
};

} // namespace waybill::channels::marketplace
