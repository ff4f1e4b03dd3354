// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EngineThread.h"

#include "Engine.h"
#include "security/CredentialStore.h"

namespace waybill::engine {

EngineThread::EngineThread(
    const QString &workspaceDirectory, std::unique_ptr<security::CredentialStore> credentials, QObject *parent)
    : QObject(parent)
    , m_engine(new Engine(workspaceDirectory, std::move(credentials)))
{
    m_thread.setObjectName(QStringLiteral("waybill-engine"));
    m_engine->setHostChat(true); // embedded mode: the desktop hosts its chat accounts' gateways

    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
}

EngineThread::~EngineThread()
{
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(m_engine, &Engine::stop, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    } else {
        delete m_engine;
    }
}

void EngineThread::start()
{
    m_thread.start();
    QMetaObject::invokeMethod(m_engine, &Engine::start, Qt::QueuedConnection);
}

} // namespace waybill::engine
