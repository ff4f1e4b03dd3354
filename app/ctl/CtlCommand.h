// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace waybill::storage {
class Database;
class Workspace;
} // namespace waybill::storage

namespace waybill::ctl {

/// One `waybillctl` sub-command. run() returns the process exit code: 0 on success, 1 when the work failed
/// (with a one-line message on stderr), 2 for bad arguments.
class CtlCommand {
public:
    virtual ~CtlCommand() = default;

    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    /// Adds the command's own options and positional arguments; --workspace and --help are added by the runner.
    virtual void configure(QCommandLineParser &parser) const = 0;
    virtual int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const = 0;

protected:
    /// The workspace named by --workspace (or the default); throws storage::StorageError.
    static storage::Workspace workspace(const QCommandLineParser &parser);
    /// Opens an existing workspace's database; fails with a clear message if there is none.
    static std::unique_ptr<storage::Database> openExisting(const QCommandLineParser &parser);
    /// Parses a positive integer option; prints an error and returns -1 when it is not one.
    static int positiveInt(const QCommandLineParser &parser, const QString &option, int fallback, QTextStream &err);
};

} // namespace waybill::ctl
