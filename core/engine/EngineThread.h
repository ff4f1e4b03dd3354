// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QThread>

#include <memory>

namespace waybill::security {
class CredentialStore;
}

namespace waybill::engine {

class Engine;

/// Runs an Engine on its own thread (the desktop's embedded mode): the UI thread never waits on the network,
/// on parsing or on the engine's writes. Owned by the UI; engine() is for connecting signals (queued) and for
/// QMetaObject::invokeMethod on its slots — never call it directly. The destructor stops the engine on its own
/// thread and joins it.
class EngineThread final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineThread)

public:
    EngineThread(const QString &workspaceDirectory, std::unique_ptr<security::CredentialStore> credentials,
        QObject *parent = nullptr);
    ~EngineThread() override;

    Engine *engine() const { return m_engine; }
    /// Starts the thread and then the engine on it.
    void start();

private:
    QThread m_thread;
    Engine *m_engine; ///< lives on m_thread; deleted there when the thread finishes
};

} // namespace waybill::engine
