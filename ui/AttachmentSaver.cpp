// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AttachmentSaver.h"

#include "DialogService.h"
#include "storage/AttachmentStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace waybill::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AttachmentSaver", text);
}

/// A name that cannot escape the chosen folder or hide its real extension behind trailing dots or spaces.
QString safeName(const QString &filename)
{
    QString name = QFileInfo(QString(filename).replace(u'\\', u'/')).fileName().trimmed();
    while (name.endsWith(u'.') || name.endsWith(u' ')) {
        name.chop(1);
    }
    return name.isEmpty() ? tr("attachment") : name;
}

} // namespace

AttachmentSaver::AttachmentSaver(DialogService &dialogs, QString attachmentsDirectory)
    : m_dialogs(dialogs)
    , m_directory(std::move(attachmentsDirectory))
{
}

bool AttachmentSaver::isExecutable(const QString &filename)
{
    static const QStringList extensions { QStringLiteral("exe"), QStringLiteral("bat"), QStringLiteral("cmd"),
        QStringLiteral("com"), QStringLiteral("scr"), QStringLiteral("pif"), QStringLiteral("cpl"),
        QStringLiteral("js"), QStringLiteral("jse"), QStringLiteral("vbs"), QStringLiteral("vbe"),
        QStringLiteral("wsf"), QStringLiteral("hta"), QStringLiteral("msi"), QStringLiteral("msp"),
        QStringLiteral("jar"), QStringLiteral("app"), QStringLiteral("sh"), QStringLiteral("command"),
        QStringLiteral("ps1"), QStringLiteral("psm1"), QStringLiteral("dmg"), QStringLiteral("pkg"),
        QStringLiteral("lnk"), QStringLiteral("reg"), QStringLiteral("appimage"), QStringLiteral("deb"),
        QStringLiteral("rpm"), QStringLiteral("apk"), QStringLiteral("docm"), QStringLiteral("xlsm"),
        QStringLiteral("pptm"), QStringLiteral("iso") };
    return extensions.contains(QFileInfo(safeName(filename)).suffix().toLower());
}

bool AttachmentSaver::save(QWidget *parent, const domain::Attachment &attachment) const
{
    const QString name = safeName(attachment.filename);
    const QString source = storage::AttachmentStore(m_directory).pathOf(attachment.sha256);
    if (source.isEmpty()) {
        m_dialogs.showError(parent, tr("Could not save the attachment"),
            tr("The file “%1” is not in this workspace's attachment folder any more.").arg(name));
        return false;
    }
    if (isExecutable(name)
        && !m_dialogs.confirm(parent, tr("Save a program?"),
            tr("“%1” is a program or script. Opening it can run code on this computer. Customers rarely need to "
               "send one; if you did not expect it, do not open it. Save it anyway?")
                .arg(name))) {
        return false;
    }
    const auto target = m_dialogs.askSaveFileName(parent, tr("Save attachment"), name);
    if (!target) {
        return false;
    }
    if (QFile::exists(*target)) {
        QFile::remove(*target);
    }
    if (!QFile::copy(source, *target)) {
        m_dialogs.showError(parent, tr("Could not save the attachment"), tr("Could not write %1.").arg(*target));
        return false;
    }
    return true;
}

} // namespace waybill::ui
