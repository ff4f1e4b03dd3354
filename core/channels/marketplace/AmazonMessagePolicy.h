// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace waybill::channels::marketplace {

/// The check run on a message before it goes to an Amazon buyer (a reply on an Amazon conversation, a proactive
/// message). It follows Amazon's buyer-seller messaging rules as Seller Central's "Buyer-Seller Messaging
/// Guidelines" (Communication guidelines) state them, and as the Selling Partner API Messaging model repeats for
/// each message text ("Do not include HTML or email addresses"; only links needed for the order): no links to
/// sites outside Amazon, no e-mail addresses or phone numbers that take the buyer off Amazon, no asking for a
/// positive review or for a review to be changed or removed, and no incentives (refunds, discounts, gifts) in
/// return for a review.
///
/// Decision: an external link blocks sending (blocksSending()): it is unambiguous (the host is not Amazon's) and
/// Amazon withholds such messages. Contact details and wording only warn, because their detection is a heuristic
/// (a product code may look like a phone number, a buyer's words may be quoted): the agent reads the warning and
/// may still send. Automatic messages (rules) are held back on any finding, as no one reads the warning there.
/// Pure functions; safe on any thread.
class AmazonMessagePolicy final {
public:
    struct Finding {
        enum class Kind {
            ExternalLink,
            ContactDetails, ///< an e-mail address or a phone number
            ReviewManipulation, ///< asks for a positive review, or for one to be changed or removed
            ReviewIncentive, ///< offers something in return for a review or feedback
        };

        Kind kind = Kind::ExternalLink;
        QString excerpt; ///< the text found ("https://shop.example/x", "help@shop.example")
        QString message; ///< one sentence for people
    };

    /// Everything the text breaks, at most one finding per kind, in Kind order; empty when it is fine.
    static QList<Finding> check(const QString &body);
    /// Whether findings of this kind keep the composer from sending.
    static bool blocksSending(Finding::Kind kind);
    /// Whether any of the findings blocks sending.
    static bool blocksSending(const QList<Finding> &findings);
    /// The findings' messages (for a warning line or a rule's audit entry).
    static QStringList messages(const QList<Finding> &findings);
};

} // namespace waybill::channels::marketplace
