// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The pure parts of the Twilio SMS channel: E.164 numbers, request signatures (Twilio's published test vectors),
// carrier keywords, error codes and the webhooks' form bodies, including hostile ones.
#include "QtPrinters.h"
#include "channels/sms/PhoneNumber.h"
#include "channels/sms/SmsKeyword.h"
#include "channels/sms/TwilioErrorCodes.h"
#include "channels/sms/TwilioSignature.h"
#include "channels/sms/TwilioWebhook.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace waybill::channels::sms;

namespace {

// Values as in Twilio's recorded Message resources (tests/data/third_party/twilio-oai).
const QString AccountSid = QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const QString MessageSid = QStringLiteral("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

TwilioSignature::Params inboundParams()
{
    return { { QStringLiteral("ToCountry"), QStringLiteral("US") }, { QStringLiteral("SmsMessageSid"), MessageSid },
        { QStringLiteral("NumMedia"), QStringLiteral("0") }, { QStringLiteral("MessageSid"), MessageSid },
        { QStringLiteral("AccountSid"), AccountSid }, { QStringLiteral("From"), QStringLiteral("+14155552345") },
        { QStringLiteral("To"), QStringLiteral("+15017122661") },
        { QStringLiteral("Body"), QStringLiteral("Where is my parcel? 👍") } };
}

} // namespace

TEST(PhoneNumberTest, NormalisesToE164)
{
    EXPECT_EQ(PhoneNumber::toE164(QStringLiteral("+1 (415) 555-2345")), QStringLiteral("+14155552345"));
    EXPECT_EQ(PhoneNumber::toE164(QStringLiteral("(415) 555-2345")), QStringLiteral("+14155552345"));
    EXPECT_EQ(PhoneNumber::toE164(QStringLiteral("1-415-555-2345")), QStringLiteral("+14155552345"));
    EXPECT_EQ(PhoneNumber::toE164(QStringLiteral("0044 20 7946 0958")), QStringLiteral("+442079460958"));
    EXPECT_EQ(
        PhoneNumber::toE164(QStringLiteral("020 7946 0958"), QStringLiteral("44")), QStringLiteral("+442079460958"));
    EXPECT_EQ(PhoneNumber::toE164(QStringLiteral("+49 30 901820")), QStringLiteral("+4930901820"));
    // Full-width digits (typed on a CJK keyboard) are digits.
    EXPECT_EQ(PhoneNumber::toE164(QStringLiteral("+８１ ３ １２３４ ５６７８")), QStringLiteral("+81312345678"));
}

TEST(PhoneNumberTest, RefusesWhatIsNoNumber)
{
    EXPECT_FALSE(PhoneNumber::toE164(QString()));
    EXPECT_FALSE(PhoneNumber::toE164(QStringLiteral("ava@example.net")));
    EXPECT_FALSE(PhoneNumber::toE164(QStringLiteral("555-2345"))); // too short for NANP
    EXPECT_FALSE(PhoneNumber::toE164(QStringLiteral("+1234567890123456"))); // 16 digits
    EXPECT_FALSE(PhoneNumber::toE164(QStringLiteral("+0123456789")));
    EXPECT_FALSE(PhoneNumber::toE164(QStringLiteral("+1 415 555 23x5")));
    EXPECT_TRUE(PhoneNumber::isE164(QStringLiteral("+14155552345")));
    EXPECT_FALSE(PhoneNumber::isE164(QStringLiteral("14155552345")));
}

TEST(TwilioSignatureTest, MatchesTwilioPublishedVectors)
{
    // The example of Twilio's webhook security documentation and of its helper libraries' tests.
    const QString url = QStringLiteral("https://mycompany.com/myapp.php?foo=1&bar=2");
    TwilioSignature::Params params { { QStringLiteral("CallSid"), QStringLiteral("CA1234567890ABCDE") },
        { QStringLiteral("Caller"), QStringLiteral("+14158675309") },
        { QStringLiteral("Digits"), QStringLiteral("1234") },
        { QStringLiteral("From"), QStringLiteral("+14158675309") },
        { QStringLiteral("To"), QStringLiteral("+18005551212") } };
    EXPECT_EQ(TwilioSignature::compute(url, params, "12345"), QByteArray("RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    // Order of the parameters in the body does not matter: they are sorted.
    std::reverse(params.begin(), params.end());
    EXPECT_TRUE(TwilioSignature::verify(url, params, "12345", "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    for (auto &[name, value] : params) {
        if (name == QLatin1String("Caller") || name == QLatin1String("From")) {
            value = QStringLiteral("+12349013030");
        }
    }
    EXPECT_EQ(TwilioSignature::compute(url, params, "12345"), QByteArray("0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
}

TEST(TwilioSignatureTest, RefusesForgeries)
{
    const QString url = QStringLiteral("https://help.example.com/webhooks/twilio/sms");
    const TwilioSignature::Params params = inboundParams();
    const QByteArray good = TwilioSignature::compute(url, params, "token-1");
    EXPECT_TRUE(TwilioSignature::verify(url, params, "token-1", good));
    EXPECT_FALSE(TwilioSignature::verify(url, params, "token-2", good)); // another account's token
    EXPECT_FALSE(TwilioSignature::verify(url + QStringLiteral("?x=1"), params, "token-1", good)); // another URL
    TwilioSignature::Params changed = params;
    changed.last().second = QStringLiteral("Refund me now");
    EXPECT_FALSE(TwilioSignature::verify(url, changed, "token-1", good)); // a changed body
    EXPECT_FALSE(TwilioSignature::verify(url, params, "token-1", QByteArray()));
    EXPECT_FALSE(TwilioSignature::verify(url, params, QByteArray(), good));
    EXPECT_FALSE(TwilioSignature::verify(url, params, "token-1", good.left(good.size() - 1)));
}

TEST(SmsKeywordTest, WholeMessageKeywordsOnly)
{
    for (const char *word : { "STOP", "stop", " Stop. ", "UNSUBSCRIBE", "cancel", "END", "quit!", "STOPALL" }) {
        EXPECT_EQ(smsKeyword(QString::fromUtf8(word)), SmsKeyword::OptOut) << word;
    }
    for (const char *word : { "START", "yes", "Unstop" }) {
        EXPECT_EQ(smsKeyword(QString::fromUtf8(word)), SmsKeyword::OptIn) << word;
    }
    EXPECT_EQ(smsKeyword(QStringLiteral("help")), SmsKeyword::Help);
    EXPECT_EQ(smsKeyword(QStringLiteral("INFO")), SmsKeyword::Help);
    EXPECT_EQ(smsKeyword(QStringLiteral("please stop the order")), SmsKeyword::None);
    EXPECT_EQ(smsKeyword(QStringLiteral("yes please, send it")), SmsKeyword::None);
    EXPECT_EQ(smsKeyword(QString()), SmsKeyword::None);
}

TEST(TwilioErrorCodesTest, ExplainsCommonCodes)
{
    EXPECT_TRUE(TwilioErrorCodes::explain(21211).contains(QStringLiteral("not a valid phone number")));
    EXPECT_TRUE(TwilioErrorCodes::explain(21610).contains(QStringLiteral("STOP")));
    EXPECT_TRUE(TwilioErrorCodes::explain(21614).contains(QStringLiteral("landline")));
    EXPECT_TRUE(TwilioErrorCodes::explain(30003).contains(QStringLiteral("switched off")));
    EXPECT_TRUE(TwilioErrorCodes::explain(30005).contains(QStringLiteral("no longer in service")));
    EXPECT_TRUE(TwilioErrorCodes::explain(30006).contains(QStringLiteral("landline")));
    EXPECT_TRUE(TwilioErrorCodes::explain(30007).contains(QStringLiteral("spam")));
    EXPECT_TRUE(TwilioErrorCodes::explain(30003).startsWith(QStringLiteral("Twilio error 30003: ")));
    EXPECT_EQ(TwilioErrorCodes::explain(39999),
        QStringLiteral("Twilio error 39999 (see https://www.twilio.com/docs/api/errors/39999)"));
    EXPECT_TRUE(TwilioErrorCodes::isTemporary(30001));
    EXPECT_FALSE(TwilioErrorCodes::isTemporary(21610));
}

TEST(TwilioWebhookTest, ParsesAnInboundSms)
{
    // As Twilio posts it: "+" is a space, %2B a plus, UTF-8 percent-encoded.
    const QByteArray body = "ToCountry=US&SmsMessageSid=" + MessageSid.toUtf8()
        + "&NumMedia=0&MessageSid=" + MessageSid.toUtf8() + "&AccountSid=" + AccountSid.toUtf8()
        + "&From=%2B14155552345&To=%2B15017122661&Body=Where+is+my+parcel%3F+%F0%9F%91%8D&ApiVersion=2010-04-01";
    QString error;
    const auto params = TwilioWebhook::parseForm(body, &error);
    ASSERT_TRUE(params) << error.toStdString();
    const auto sms = TwilioWebhook::inboundSms(*params, &error);
    ASSERT_TRUE(sms) << error.toStdString();
    EXPECT_EQ(sms->messageSid, MessageSid);
    EXPECT_EQ(sms->accountSid, AccountSid);
    EXPECT_EQ(sms->from, QStringLiteral("+14155552345"));
    EXPECT_EQ(sms->to, QStringLiteral("+15017122661"));
    EXPECT_EQ(sms->body, QStringLiteral("Where is my parcel? 👍"));
    EXPECT_TRUE(sms->media.isEmpty());

    const waybill::domain::IncomingMessage message
        = TwilioWebhook::toIncoming(*sms, QStringLiteral("sms:+15017122661"));
    EXPECT_EQ(message.channel, waybill::domain::Channel::Sms);
    EXPECT_EQ(message.account, QStringLiteral("sms:+15017122661"));
    EXPECT_EQ(message.externalId, MessageSid);
    EXPECT_EQ(message.fromAddress, QStringLiteral("+14155552345"));
    EXPECT_EQ(message.bodyText, QStringLiteral("Where is my parcel? 👍"));
}

TEST(TwilioWebhookTest, ParsesMmsMedia)
{
    TwilioSignature::Params params = inboundParams();
    params[2].second = QStringLiteral("2");
    params.append({ QStringLiteral("MediaUrl0"),
        QStringLiteral("https://api.twilio.com/2010-04-01/Accounts/%1/Messages/%2/Media/ME1")
            .arg(AccountSid, MessageSid) });
    params.append({ QStringLiteral("MediaContentType0"), QStringLiteral("image/JPEG") });
    params.append({ QStringLiteral("MediaUrl1"), QStringLiteral("https://api.twilio.com/media/ME2") });
    params.append({ QStringLiteral("MediaContentType1"), QStringLiteral("application/pdf") });
    QString error;
    const auto sms = TwilioWebhook::inboundSms(params, &error);
    ASSERT_TRUE(sms) << error.toStdString();
    ASSERT_EQ(sms->media.size(), 2);
    EXPECT_EQ(sms->media.at(0).contentType, QStringLiteral("image/jpeg"));
    EXPECT_EQ(sms->media.at(1).url.path(), QStringLiteral("/media/ME2"));

    params.removeLast();
    params.removeLast(); // NumMedia says 2, one URL is there
    EXPECT_FALSE(TwilioWebhook::inboundSms(params, &error));
    EXPECT_EQ(error, QStringLiteral("MediaUrl1 is missing or not an http(s) URL"));
}

TEST(TwilioWebhookTest, RefusesMalformedBodiesWithAReason)
{
    QString error;
    EXPECT_FALSE(TwilioWebhook::parseForm(QByteArray(), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("empty")));
    EXPECT_FALSE(TwilioWebhook::parseForm("{\"MessageSid\": \"SM1\"}", &error));
    EXPECT_TRUE(error.contains(QStringLiteral("not form-encoded"))) << error.toStdString();
    EXPECT_FALSE(TwilioWebhook::parseForm("Body=caf%E9&From=%2B14155552345", &error)); // Latin-1, not UTF-8
    EXPECT_EQ(error, QStringLiteral("the body is not UTF-8"));
    QByteArray many;
    for (int i = 0; i <= TwilioWebhook::MaxParams; ++i) {
        many += "p" + QByteArray::number(i) + "=1&";
    }
    EXPECT_FALSE(TwilioWebhook::parseForm(many, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("parameters"))) << error.toStdString();

    TwilioSignature::Params params = inboundParams();
    params[5].second = QStringLiteral("not a number");
    EXPECT_FALSE(TwilioWebhook::inboundSms(params, &error));
    EXPECT_TRUE(error.startsWith(QStringLiteral("From and To must be phone numbers"))) << error.toStdString();
    params = inboundParams();
    params[3].second = QStringLiteral("SM123");
    EXPECT_FALSE(TwilioWebhook::inboundSms(params, &error));
    EXPECT_EQ(error, QStringLiteral("MessageSid is missing or not a Twilio message SID"));
    params = inboundParams();
    params.removeLast(); // no Body, no media
    EXPECT_FALSE(TwilioWebhook::inboundSms(params, &error));
    EXPECT_EQ(error, QStringLiteral("the message has neither a Body nor media"));
}

TEST(TwilioWebhookTest, ParsesStatusCallbacks)
{
    QString error;
    const auto params = TwilioWebhook::parseForm("SmsSid=" + MessageSid.toUtf8() + "&SmsStatus=undelivered"
            + "&MessageStatus=undelivered&To=%2B14155552345&MessageSid=" + MessageSid.toUtf8()
            + "&AccountSid=" + AccountSid.toUtf8() + "&From=%2B15017122661&ApiVersion=2010-04-01&ErrorCode=30003",
        &error);
    ASSERT_TRUE(params) << error.toStdString();
    const auto update = TwilioWebhook::statusUpdate(*params, &error);
    ASSERT_TRUE(update) << error.toStdString();
    EXPECT_EQ(update->messageSid, MessageSid);
    EXPECT_EQ(update->status, QStringLiteral("undelivered"));
    EXPECT_EQ(update->errorCode, 30003);

    TwilioSignature::Params bad = *params;
    for (auto &[name, value] : bad) {
        if (name == QLatin1String("MessageStatus")) {
            value = QStringLiteral("exploded");
        }
    }
    EXPECT_FALSE(TwilioWebhook::statusUpdate(bad, &error));
    EXPECT_EQ(error, QStringLiteral("MessageStatus \"exploded\" is not one Twilio sends"));
}
