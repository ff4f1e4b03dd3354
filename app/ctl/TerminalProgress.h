// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

namespace waybill::ctl {

/// A progress bar on stderr when it is a terminal; silent otherwise (logs and pipes stay clean).
class TerminalProgress final {
public:
    explicit TerminalProgress(QTextStream &stream);

    void update(qint64 done, qint64 total);
    /// Ends the bar's line.
    void finish();

private:
    QTextStream &m_stream;
    bool m_terminal = false;
    bool m_drawn = false;
    QElapsedTimer m_timer;
};

} // namespace waybill::ctl
