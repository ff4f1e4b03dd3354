// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/TaskPtr.h"
#include "commerce/HttpJsonClient.h"
#include "domain/AmazonAccount.h"
#include "storage/AmazonSolicitationRepository.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace waybill::channels::marketplace {
class AmazonSolicitationsClient;
class SpApiOrderActionTask;
} // namespace waybill::channels::marketplace
namespace waybill::security {
class OAuthTokenSource;
}
namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// Sends one Amazon account's pending review requests (amazon_solicitations rows that the rules wrote) through the
/// Selling Partner API Solicitations, one order after another, and records each answer on its row: `sent`;
/// `refused` when Amazon does not list productReviewAndSellerFeedback for the order, refuses the request (403 after
/// a fresh token) or rejects it (4xx) — never tried again; `expired` when Amazon's window (5–30 days after delivery,
/// judged with the injected clock) closed first; and after a network error, a 5xx or a 429 left after the client's
/// retries, or an answer that is not what the API documents, the attempt is counted and the row stays pending for
/// the next pass until MaxAttempts (then `failed`). Each final answer is also written to the audit log on the
/// order's newest conversation. A 429 ends the pass. Nothing about other rows or accounts is
/// lost when one answer is bad.
///
/// Owned by the engine (one per Amazon account), on the engine's thread; uses the engine's write connection. After
/// start() it emits exactly one passEnded(); start() while a pass runs does nothing; abort() (or destroying it) ends
/// the pass without it.
class AmazonSolicitationSender final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AmazonSolicitationSender)

public:
    using Clock = std::function<qint64()>;

    static constexpr int MaxAttempts = 5;
    static constexpr int BatchSize = 50; ///< rows read per pass

    /// `tokens` reads the LWA refresh token under the account id; `network` must outlive this object.
    AmazonSolicitationSender(storage::Database &database, QNetworkAccessManager &network,
        const commerce::HttpJsonClient::Config &config, std::unique_ptr<security::OAuthTokenSource> tokens,
        domain::AmazonAccount account, Clock now, QObject *parent = nullptr);
    ~AmazonSolicitationSender() override;

    void start();
    void abort();
    bool isRunning() const { return m_running; }
    QString accountId() const { return m_account.id; }

Q_SIGNALS:
    /// The pass ended: requests sent and refused in it, and for people what went wrong (empty when nothing did).
    void passEnded(int sent, int refused, const QString &problem);

private:
    void next();
    /// Records the current row's final state, or (for `retry`) counts the attempt; false when that write failed
    /// (the pass then ends).
    bool record(const QString &state, const QString &detail, bool retry = false);
    void endPass(const QString &problem = {});
    /// Writes the row's final answer to the audit log, on the order's newest conversation (action "rule").
    void audit(const storage::AmazonSolicitation &row, const QString &finalState, const QString &detail) const;

    storage::Database &m_database;
    std::unique_ptr<security::OAuthTokenSource> m_tokens;
    std::unique_ptr<channels::marketplace::AmazonSolicitationsClient> m_client;
    domain::AmazonAccount m_account;
    Clock m_now;
    channels::TaskPtr<channels::marketplace::SpApiOrderActionTask> m_task;
    QList<storage::AmazonSolicitation> m_rows; ///< this pass's pending requests
    qsizetype m_index = -1; ///< the one being sent
    bool m_running = false;
    int m_sent = 0;
    int m_refused = 0;
    QStringList m_problems;
};

} // namespace waybill::engine
