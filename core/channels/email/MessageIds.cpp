// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageIds.h"

#include "EncodedWordDecoder.h"

#include <QList>

namespace waybill::channels::email {

namespace {

constexpr qsizetype MaxIdLength = 998;

QString cleanId(const QByteArray &id)
{
    QByteArray out;
    for (const char c : id) {
        if (static_cast<unsigned char>(c) > 0x20 && c != '<' && c != '>') {
            out.append(c);
        }
    }
    if (out.isEmpty() || out.size() > MaxIdLength) {
        return {};
    }
    return QString::fromUtf8(out);
}

} // namespace

QStringList MessageIds::parseList(const QByteArray &rawValue)
{
    const QByteArray value = EncodedWordDecoder::unfold(rawValue);
    QStringList ids;
    const auto add = [&ids](const QByteArray &candidate) {
        const QString id = cleanId(candidate);
        if (!id.isEmpty() && !ids.contains(id)) {
            ids.append(id);
        }
    };
    qsizetype pos = 0;
    bool bracketed = false;
    while (true) {
        const qsizetype open = value.indexOf('<', pos);
        if (open < 0) {
            break;
        }
        const qsizetype close = value.indexOf('>', open + 1);
        if (close < 0) {
            break;
        }
        // "<a@b<c@d>": the inner '<' starts the real id.
        const qsizetype innerOpen = value.lastIndexOf('<', close);
        add(value.mid(innerOpen + 1, close - innerOpen - 1));
        bracketed = true;
        pos = close + 1;
    }
    if (!bracketed) {
        const QList<QByteArray> words = value.simplified().split(' ');
        for (const QByteArray &word : words) {
            if (word.contains('@') && !word.startsWith('(')) {
                add(word);
            }
        }
        if (ids.isEmpty() && !value.isEmpty() && !value.contains(' ')) {
            add(value);
        }
    }
    return ids;
}

QString MessageIds::parseOne(const QByteArray &rawValue)
{
    const QStringList ids = parseList(rawValue);
    return ids.isEmpty() ? QString() : ids.constFirst();
}

QString MessageIds::fromHeaderBlock(const QByteArray &headers)
{
    const QList<QByteArray> lines = headers.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.size() < 11 || qstrnicmp(line.constData(), "message-id:", 11) != 0) {
            continue;
        }
        QByteArray value = line.mid(11);
        for (qsizetype k = i + 1; k < lines.size(); ++k) {
            const QByteArray &next = lines.at(k);
            if (next.isEmpty() || (next.at(0) != ' ' && next.at(0) != '\t')) {
                break;
            }
            value.append(next);
        }
        return parseOne(value);
    }
    return {};
}

} // namespace waybill::channels::email
