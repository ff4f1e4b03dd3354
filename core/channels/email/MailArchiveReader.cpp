// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailArchiveReader.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace waybill::channels::email {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("MailArchiveReader", text);
}

/// Messages larger than this are still read (the parser quarantines them); the limit only guards memory.
constexpr qint64 MaxMessageBytes = 256LL * 1024 * 1024;

bool isFromLine(const QByteArray &line)
{
    return line.startsWith("From ");
}

/// A separator line in its own right, even without the blank line before it that mboxo writers leave out
/// (Netscape's "From - ", and "From sender weekday month day time year").
bool isStrictSeparator(const QByteArray &line)
{
    static const QRegularExpression separator(QStringLiteral(
        "^From \\S+( +(Mon|Tue|Wed|Thu|Fri|Sat|Sun) +(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\\d{1,2} "
        "+\\d{1,2}:\\d{2}(:\\d{2})? +(\\S+ +)?\\d{4})? *\\r?\\n?$"));
    return line.startsWith("From ") && separator.match(QString::fromLatin1(line)).hasMatch();
}

} // namespace

MailArchiveReader::MailArchiveReader(Format format, const QString &path)
    : m_format(format)
    , m_path(path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        m_error = tr("%1 does not exist.").arg(path);
        return;
    }
    switch (format) {
    case Format::Mbox:
        m_mbox.setFileName(path);
        if (!info.isFile() || !m_mbox.open(QIODevice::ReadOnly)) {
            m_error = tr("%1 cannot be read as an mbox file.").arg(path);
        }
        break;
    case Format::Maildir: {
        if (!QFileInfo(path + QStringLiteral("/cur")).isDir() && !QFileInfo(path + QStringLiteral("/new")).isDir()) {
            m_error = tr("%1 is not a Maildir folder (it has no cur/ or new/).").arg(path);
            return;
        }
        for (const QString &sub : { QStringLiteral("cur"), QStringLiteral("new") }) {
            const QDir dir(path + u'/' + sub);
            for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
                m_files << dir.filePath(name);
            }
        }
        break;
    }
    case Format::Eml:
        if (info.isFile()) {
            m_files << path;
        } else {
            QDirIterator it(path, { QStringLiteral("*.eml") }, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                m_files << it.next();
            }
            m_files.sort();
        }
        break;
    }
}

std::optional<MailArchiveReader::Format> MailArchiveReader::formatFromName(const QString &name)
{
    if (name == QLatin1String("mbox")) {
        return Format::Mbox;
    }
    if (name == QLatin1String("maildir")) {
        return Format::Maildir;
    }
    if (name == QLatin1String("eml")) {
        return Format::Eml;
    }
    return std::nullopt;
}

void MailArchiveReader::seek(qint64 position)
{
    if (m_format == Format::Mbox) {
        m_pendingFromLine.clear();
        m_mbox.seek(position);
    } else {
        m_fileIndex = std::clamp<qint64>(position, 0, m_files.size());
    }
}

qint64 MailArchiveReader::done() const
{
    return m_format == Format::Mbox ? m_mbox.pos() : m_fileIndex;
}

qint64 MailArchiveReader::total() const
{
    return m_format == Format::Mbox ? m_mbox.size() : m_files.size();
}

std::optional<MailArchiveReader::Entry> MailArchiveReader::next()
{
    if (!m_error.isEmpty()) {
        return std::nullopt;
    }
    return m_format == Format::Mbox ? nextFromMbox() : nextFromFiles();
}

std::optional<MailArchiveReader::Entry> MailArchiveReader::nextFromFiles()
{
    while (m_fileIndex < m_files.size()) {
        const QString path = m_files.at(m_fileIndex++);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            continue; // vanished or unreadable: the next one
        }
        // Sized to the file: reading "up to the limit" would allocate the whole limit for every message.
        const qint64 size = file.size();
        QByteArray raw = size > 0 ? file.read(std::min(size, MaxMessageBytes)) : file.read(MaxMessageBytes);
        return Entry { std::move(raw), m_fileIndex, QFileInfo(path).fileName() };
    }
    return std::nullopt;
}

std::optional<MailArchiveReader::Entry> MailArchiveReader::nextFromMbox()
{
    static const QRegularExpression quotedFrom(QStringLiteral("^>+From "));
    // Skip to the first "From " line (the pending one, when the previous message ended on it).
    qint64 start = m_mbox.pos();
    if (m_pendingFromLine.isEmpty()) {
        while (!m_mbox.atEnd()) {
            start = m_mbox.pos();
            const QByteArray line = m_mbox.readLine();
            if (isFromLine(line)) {
                m_pendingFromLine = line;
                break;
            }
        }
        if (m_pendingFromLine.isEmpty()) {
            return std::nullopt;
        }
    } else {
        start -= m_pendingFromLine.size();
    }
    m_pendingFromLine.clear();
    QByteArray raw;
    bool previousBlank = true;
    while (!m_mbox.atEnd()) {
        const QByteArray line = m_mbox.readLine();
        // A "From " line after a blank line starts the next message, and so does a strict separator line.
        if ((previousBlank && isFromLine(line)) || isStrictSeparator(line)) {
            m_pendingFromLine = line;
            break;
        }
        previousBlank = line == "\n" || line == "\r\n";
        if (raw.size() < MaxMessageBytes) {
            if (line.startsWith('>') && QString::fromLatin1(line.left(64)).contains(quotedFrom)) {
                raw += line.mid(1); // mboxrd: one level of ">From " quoting
            } else {
                raw += line;
            }
        }
    }
    // The blank line before the separator belongs to the mbox format, not to the message.
    if (!m_pendingFromLine.isEmpty() && raw.endsWith('\n')) {
        raw.chop(raw.endsWith("\r\n\r\n") ? 2 : (raw.endsWith("\n\n") ? 1 : 0));
    }
    const qint64 position = m_pendingFromLine.isEmpty() ? m_mbox.pos() : m_mbox.pos() - m_pendingFromLine.size();
    return Entry { raw, position, QFileInfo(m_path).fileName() + QStringLiteral(" @ ") + QString::number(start) };
}

} // namespace waybill::channels::email
