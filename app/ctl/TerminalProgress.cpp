// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerminalProgress.h"

#include <cstdio>
#include <unistd.h>

namespace waybill::ctl {

TerminalProgress::TerminalProgress(QTextStream &stream)
    : m_stream(stream)
    , m_terminal(isatty(fileno(stderr)) != 0)
{
    m_timer.start();
}

void TerminalProgress::update(qint64 done, qint64 total)
{
    if (!m_terminal || total <= 0) {
        return;
    }
    constexpr int Width = 40;
    const int filled = int(std::min(done, total) * Width / total);
    m_stream << "\r[" << QString(filled, u'#') << QString(Width - filled, u' ') << "] "
             << int(std::min(done, total) * 100 / total) << "%  " << m_timer.elapsed() / 1000 << " s";
    m_stream.flush();
    m_drawn = true;
}

void TerminalProgress::finish()
{
    if (m_drawn) {
        m_stream << Qt::endl;
    }
}

} // namespace waybill::ctl
