// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace waybill::ctl {

/// `waybillctl serve`: the engine headless (every account's sync and outbox, as `sync` runs them) with the
/// webhooks' HTTP listener (WebhookServer), logging to the workspace's logs/serve.log. SIGTERM or SIGINT stops it
/// cleanly: no new connections, the requests already open answered, then the engine stops and closes the database.
class ServeCommand final : public CtlCommand {
public:
    QString name() const override;
    QString summary() const override;
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace waybill::ctl
