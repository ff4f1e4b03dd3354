// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapAppendTask.h"

namespace waybill::channels::email {

ImapAppendTask::ImapAppendTask(
    ImapClient &client, QString mailbox, QByteArray message, QByteArrayList flags, QObject *parent)
    : ImapTask(client, parent)
    , m_mailbox(std::move(mailbox))
    , m_message(std::move(message))
    , m_flags(std::move(flags))
{
}

void ImapAppendTask::perform()
{
    sendAppend();
}

void ImapAppendTask::sendAppend()
{
    QList<ImapArgument> arguments { ImapArgument::atom("APPEND"), ImapArgument::mailbox(m_mailbox) };
    if (!m_flags.isEmpty()) {
        arguments.append(ImapArgument::atom('(' + m_flags.join(' ') + ')'));
    }
    // Always a literal, even for a message that would fit in a quoted string.
    QByteArray literal = m_message;
    if (!literal.contains('\n')) {
        literal.append("\r\n");
    }
    arguments.append(ImapArgument::string(std::move(literal)));
    send(arguments);
}

void ImapAppendTask::handleTagged(const ImapResponse &response)
{
    if (m_step == Step::Create) {
        // ALREADYEXISTS: someone created it meanwhile; either way, try the APPEND once more.
        if (response.status == ImapResponse::Status::Ok || response.code == "ALREADYEXISTS") {
            m_created = response.status == ImapResponse::Status::Ok;
            m_step = Step::AppendAfterCreate;
            sendAppend();
            return;
        }
        ImapTask::handleTagged(response);
        return;
    }
    if (response.status == ImapResponse::Status::No && response.code == "TRYCREATE" && m_step == Step::Append) {
        m_step = Step::Create;
        send({ ImapArgument::atom("CREATE"), ImapArgument::mailbox(m_mailbox) });
        return;
    }
    if (response.status == ImapResponse::Status::Ok && response.code == "APPENDUID" && response.codeArgs.size() >= 2
        && response.codeArgs.at(0).isNumber() && response.codeArgs.at(1).isNumber()) {
        m_uidValidity = static_cast<quint32>(response.codeArgs.at(0).number);
        m_uid = static_cast<quint32>(response.codeArgs.at(1).number);
    }
    ImapTask::handleTagged(response);
}

} // namespace waybill::channels::email
