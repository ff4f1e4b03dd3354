// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PreparedMessage.h"

#include "channels/email/Threader.h"
#include "storage/AttachmentStore.h"
#include "storage/SearchText.h"

namespace waybill::engine {

namespace {

QString previewOf(const QString &body)
{
    constexpr qsizetype PreviewChars = 200;
    // Simplifying a prefix gives the same first 200 characters when it yields more than 200 of them; long bodies
    // need not be simplified whole.
    if (body.size() > 4 * PreviewChars) {
        const QString head = QStringView(body).left(4 * PreviewChars).toString().simplified();
        if (head.size() > PreviewChars) {
            return head.left(PreviewChars);
        }
    }
    return body.simplified().left(PreviewChars);
}

} // namespace

PreparedMessage PreparedMessage::prepare(domain::IncomingMessage message, const storage::AttachmentStore &store)
{
    PreparedMessage prepared;
    prepared.externalId = message.account + u'|' + message.externalId;
    prepared.preview = previewOf(message.bodyText);
    prepared.searchText = storage::SearchText::forMessage(message.bodyText).toUtf8();
    prepared.threadSubject = channels::email::Threader::normalizeSubject(message.subject);
    prepared.numbers = OrderLinker::Candidates::in(message.subject, message.bodyText);
    // Content-addressed files are harmless if the message is never stored.
    try {
        for (domain::IncomingAttachment &attachment : message.attachments) {
            prepared.attachments.append({ 0, attachment.filename, attachment.mimeType, attachment.content.size(),
                store.put(attachment.content) });
            attachment.content.clear();
        }
    } catch (const storage::StorageError &error) {
        prepared.failure = error;
    }
    prepared.message = std::move(message);
    return prepared;
}

} // namespace waybill::engine
