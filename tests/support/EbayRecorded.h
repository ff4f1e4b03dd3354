// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ReplayHttpServer.h"

#include <QByteArray>
#include <QString>

namespace waybill::testing {

/// eBay's recorded answers (tests/data/third_party/codyfauser-ebay, see its SOURCE.md) and how ReplayHttpServer
/// serves them in place of eBay. Static functions only.
class EbayRecorded final {
public:
    /// The recorded file at `path` below the folder ("notifications/ask_seller_question.xml"); empty, with a test
    /// failure, when it cannot be read.
    static QByteArray file(const QString &path);
    static QByteArray file(const char *path) { return file(QString::fromLatin1(path)); }
    /// A 200 answer with `xml` as eBay sends it (text/xml).
    static ReplayHttpServer::Answer answer(const QByteArray &xml);
    /// eBay's token endpoint granting `accessToken` for two hours (OAuth's answer, with eBay's token type).
    static ReplayHttpServer::Answer token(const QByteArray &accessToken);
    /// eBay's answer to a call without fields of its own (AddMemberMessageRTQ, AddMemberMessageAAQToPartner: an
    /// AbstractResponseType, as eBay's schema documents): the recorded answer at `path` to another such call
    /// (GeteBayOfficialTime, or the usage-limit failure) under `callName`'s root element.
    static QByteArray asAnswerTo(const QString &path, const QByteArray &callName);
};

} // namespace waybill::testing
