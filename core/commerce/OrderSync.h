// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/TaskPtr.h"

#include <QObject>
#include <QString>

namespace waybill::commerce {

class HttpJsonTask;

/// One store account's incremental order sync (Shopify, WooCommerce, Amazon), as the engine runs it: a pass
/// stores every changed order page by page and then moves the account's cursor. After start() a pass emits
/// exactly one of finished() or failed(), never from inside start(); abort() (or destroying it) ends it without
/// either; start() may be called again after either. Owned by the engine, one per account, on the engine's thread.
class OrderSync : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderSync)

public:
    explicit OrderSync(QObject *parent = nullptr);
    ~OrderSync() override;

    virtual void start() = 0;
    /// Ends the pass under way without a signal; the request under way is aborted now, so that its reply and its
    /// timer never outlive the pass.
    virtual void abort();
    /// The store account's id ("shopify:…", "woocommerce:…", "amazon:…").
    virtual QString accountId() const = 0;

Q_SIGNALS:
    /// The pass stored every page; `orders` orders were added or updated.
    void finished(int orders);
    /// A message for people that names the account and what was wrong.
    void failed(const QString &message);
    /// The store is slow or busy and the pass is waiting to retry (for status lines).
    void retrying(const QString &message);

protected:
    /// "Shopify my-shop": names the account in messages for people.
    virtual QString label() const = 0;
    /// Ends the pass: finished(m_stored) when `error` is empty, failed(error) otherwise.
    virtual void finish(const QString &error);
    /// Ends the pass with label() and `message` from the event loop (start() itself never emits).
    void failSoon(const QString &message);

    /// The request under way; replacing it from inside its own signals is safe (TaskPtr deletes it later).
    channels::TaskPtr<HttpJsonTask> m_task;
    int m_stored = 0; ///< orders stored in this pass
};

} // namespace waybill::commerce
