// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Message.h"

#include <QString>

class QWidget;

namespace waybill::ui {

class DialogService;

/// Saves a message's attachment to a file the agent chooses: the bytes come from the workspace's attachment store
/// (storage::AttachmentStore, by SHA-256). Files that run code when opened (.exe, .js, .sh, …) are saved only
/// after the agent confirms a warning. Every question and failure goes through the DialogService. A plain helper
/// for the UI thread; the DialogService must outlive it.
class AttachmentSaver final {
public:
    AttachmentSaver(DialogService &dialogs, QString attachmentsDirectory);

    /// Asks where to save and copies the file; true when it was saved.
    bool save(QWidget *parent, const domain::Attachment &attachment) const;

    /// True for names a system may run when opened (by extension, case-insensitive).
    static bool isExecutable(const QString &filename);

private:
    DialogService &m_dialogs;
    QString m_directory;
};

} // namespace waybill::ui
