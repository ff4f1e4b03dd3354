// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EbayRecorded.h"

#include <QFile>

#include <gtest/gtest.h>

namespace waybill::testing {

QByteArray EbayRecorded::file(const QString &path)
{
    QFile recorded(QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/codyfauser-ebay/") + path);
    EXPECT_TRUE(recorded.open(QIODevice::ReadOnly)) << path.toStdString();
    return recorded.readAll();
}

ReplayHttpServer::Answer EbayRecorded::answer(const QByteArray &xml)
{
    return ReplayHttpServer::Answer { 200, xml, { { "Content-Type", "text/xml;charset=utf-8" } } };
}

ReplayHttpServer::Answer EbayRecorded::token(const QByteArray &accessToken)
{
    return ReplayHttpServer::json(
        R"({"access_token":")" + accessToken + R"(","expires_in":7200,"token_type":"User Access Token"})");
}

QByteArray EbayRecorded::asAnswerTo(const QString &path, const QByteArray &callName)
{
    QByteArray xml = file(path);
    const QByteArray response = callName + "Response";
    for (const QByteArray &root : { QByteArray("GeteBayOfficialTimeResponse"), QByteArray("VerifyAddItemResponse") }) {
        xml.replace(QByteArray("<" + root), QByteArray("<" + response));
        xml.replace(QByteArray("</" + root + ">"), QByteArray("</" + response + ">"));
    }
    return xml;
}

} // namespace waybill::testing
