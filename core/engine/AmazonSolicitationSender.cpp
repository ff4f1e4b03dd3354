// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmazonSolicitationSender.h"

#include "channels/marketplace/AmazonReviewWindow.h"
#include "channels/marketplace/AmazonSolicitationsClient.h"
#include "channels/marketplace/SpApiOrderActionTask.h"
#include "security/OAuthTokenSource.h"
#include "storage/AuditLogRepository.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimeZone>
#include <QTimer>

namespace waybill::engine {

namespace {

Q_LOGGING_CATEGORY(lcSolicitations, "waybill.amazon.solicitations")

using channels::marketplace::SpApiOrderActionTask;
using Repository = storage::AmazonSolicitationRepository;

QString state(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

AmazonSolicitationSender::AmazonSolicitationSender(storage::Database &database, QNetworkAccessManager &network,
    const commerce::HttpJsonClient::Config &config, std::unique_ptr<security::OAuthTokenSource> tokens,
    domain::AmazonAccount account, Clock now, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_tokens(std::move(tokens))
    , m_account(std::move(account))
    , m_now(std::move(now))
{
    m_client = std::make_unique<channels::marketplace::AmazonSolicitationsClient>(
        network, config, *m_tokens, m_account.marketplaceIds.value(0));
}

AmazonSolicitationSender::~AmazonSolicitationSender()
{
    abort();
}

void AmazonSolicitationSender::start()
{
    if (m_running) {
        return;
    }
    m_running = true;
    m_sent = 0;
    m_refused = 0;
    m_problems.clear();
    m_index = -1;
    try {
        m_rows = Repository(m_database).pending(m_account.id, BatchSize);
    } catch (const storage::StorageError &error) {
        m_rows.clear();
        m_problems << error.userMessage();
    }
    QTimer::singleShot(0, this, [this] {
        if (m_running) {
            next();
        }
    }); // never from inside start()
}

void AmazonSolicitationSender::abort()
{
    m_running = false;
    if (m_task) {
        m_task->abort(); // now, while the client and the token source it uses still exist
    }
    m_task.reset();
}

void AmazonSolicitationSender::next()
{
    while (++m_index < m_rows.size()) {
        const storage::AmazonSolicitation &row = m_rows.at(m_index);
        const qint64 now = m_now();
        using channels::marketplace::AmazonReviewWindow;
        if (row.deliveredAt <= 0 || AmazonReviewWindow::hasClosed(row.deliveredAt, now)) {
            const QString detail = row.deliveredAt <= 0
                ? QStringLiteral("no delivery is known for the order")
                : QStringLiteral("Amazon's review window closed on %1")
                      .arg(QDateTime::fromSecsSinceEpoch(
                          row.deliveredAt + AmazonReviewWindow::ClosesAfterSeconds, QTimeZone::utc())
                               .toString(QStringLiteral("yyyy-MM-dd")));
            if (!record(state(Repository::Expired), detail)) {
                return;
            }
            continue;
        }
        if (!AmazonReviewWindow::isOpen(row.deliveredAt, now)) {
            continue; // too early yet: stays pending
        }
        if (row.amazonOrderId.isEmpty()) {
            if (!record(state(Repository::Failed), QStringLiteral("the order has no Amazon order id"))) {
                return;
            }
            continue;
        }
        std::unique_ptr<SpApiOrderActionTask> task = m_client->requestReview(row.amazonOrderId);
        connect(task.get(), &SpApiOrderActionTask::finished, this,
            [this](SpApiOrderActionTask::Outcome outcome, const QString &reason) {
                const bool sent = outcome == SpApiOrderActionTask::Outcome::Done;
                ++(sent ? m_sent : m_refused);
                if (record(state(sent ? Repository::Sent : Repository::Refused), reason)) {
                    next();
                }
            });
        connect(task.get(), &SpApiOrderActionTask::failed, this, [this](const commerce::HttpJsonError &error) {
            using Kind = commerce::HttpJsonError::Kind;
            const QString message = QStringLiteral("%1: %2").arg(m_account.label(), error.message);
            qCInfo(lcSolicitations) << message;
            if (error.kind == Kind::Refused || error.kind == Kind::Http) {
                ++m_refused; // not eligible, or Amazon rejected the request: recorded, never tried again
                if (record(state(Repository::Refused), error.message)) {
                    next();
                }
                return;
            }
            m_problems << message;
            if (!record(QString(), error.message, true)) {
                return;
            }
            if (error.kind == Kind::RateLimited) {
                endPass(); // Amazon wants fewer requests: the rest waits for the next pass
                return;
            }
            next();
        });
        m_task.reset(task.release()); // replacing the task from inside its own signal is safe: deleted later
        m_task->start();
        return;
    }
    endPass();
}

bool AmazonSolicitationSender::record(const QString &newState, const QString &detail, bool retry)
{
    const storage::AmazonSolicitation &row = m_rows.at(m_index);
    try {
        const Repository repository(m_database);
        if (retry && row.attempts + 1 >= MaxAttempts) { // this was the last attempt
            repository.finish(row.orderId, state(Repository::Failed),
                QStringLiteral("gave up after %1 attempts: %2").arg(MaxAttempts).arg(detail), m_now());
        } else if (retry) {
            repository.recordAttempt(row.orderId, detail, m_now());
        } else {
            repository.finish(row.orderId, newState, detail, m_now());
        }
        if (!retry || row.attempts + 1 >= MaxAttempts) {
            audit(row, retry ? state(Repository::Failed) : newState, detail);
        }
    } catch (const storage::StorageError &error) {
        endPass(QStringLiteral("%1: %2").arg(m_account.label(), error.userMessage()));
        return false;
    }
    return true;
}

void AmazonSolicitationSender::audit(
    const storage::AmazonSolicitation &row, const QString &finalState, const QString &detail) const
{
    storage::SqlQuery q(m_database,
        QStringLiteral("SELECT id FROM conversations WHERE order_id = ? ORDER BY last_activity DESC, id DESC LIMIT 1"));
    q.bind(row.orderId).exec();
    const qint64 conversationId = q.next() ? q.int64(0) : 0;
    QString what;
    if (finalState == QLatin1String(Repository::Sent)) {
        what = QStringLiteral("Amazon sent its review request for order %1 (Solicitations API)").arg(row.orderNumber);
    } else if (finalState == QLatin1String(Repository::Refused)) {
        what = QStringLiteral("Amazon did not take a review request for order %1: %2").arg(row.orderNumber, detail);
    } else if (finalState == QLatin1String(Repository::Expired)) {
        what = QStringLiteral("No review request for order %1: %2").arg(row.orderNumber, detail);
    } else {
        what = QStringLiteral("The review request for order %1 was given up: %2").arg(row.orderNumber, detail);
    }
    storage::AuditLogRepository(m_database).record({ 0, m_now(), 0, {}, conversationId, QStringLiteral("rule"), what });
}

void AmazonSolicitationSender::endPass(const QString &problem)
{
    if (!problem.isEmpty()) {
        m_problems << problem;
    }
    m_running = false;
    Q_EMIT passEnded(m_sent, m_refused, m_problems.join(QLatin1Char('\n')));
}

} // namespace waybill::engine
