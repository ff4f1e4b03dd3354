// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Carrier detection from tracking numbers: valid numbers for every carrier (check digits computed here where the
// carrier defines them), the same numbers with a wrong check digit, and digit runs that fit several carriers.
#include "QtPrinters.h"
#include "commerce/CarrierDetector.h"
#include "commerce/CarrierDirectory.h"

#include <gtest/gtest.h>

using waybill::commerce::CarrierDetector;
using waybill::commerce::CarrierDirectory;

namespace {

QString detect(const char *number, const QStringList &preferred = {})
{
    return CarrierDetector::detect(QString::fromLatin1(number), preferred);
}

/// `body` followed by the digit that makes the GS1 mod 10 sum (weight 3 on the rightmost body digit) valid.
QString withMod10(const QString &body)
{
    int sum = 0;
    int weight = 3;
    for (qsizetype i = body.size() - 1; i >= 0; --i) {
        sum += weight * (body.at(i).unicode() - u'0');
        weight = weight == 3 ? 1 : 3;
    }
    return body + QString::number((10 - sum % 10) % 10);
}

/// `body` (11 digits) followed by its mod 7 check digit.
QString withMod7(const QString &body)
{
    return body + QString::number(body.toLongLong() % 7);
}

/// `body` (11 digits) followed by its FedEx Express check digit (weights 3 1 7, mod 11, mod 10).
QString withFedExCheck(const QString &body)
{
    static constexpr int Weights[] = { 3, 1, 7 };
    int sum = 0;
    for (int i = 0; i < 11; ++i) {
        sum += Weights[i % 3] * (body.at(i).unicode() - u'0');
    }
    return body + QString::number(sum % 11 % 10);
}

/// The S10 number for these 8 serial digits and country.
QString s10(const QString &prefix, const QString &serial, const QString &country)
{
    static constexpr int Weights[] = { 8, 6, 4, 2, 3, 5, 9, 7 };
    int sum = 0;
    for (int i = 0; i < 8; ++i) {
        sum += Weights[i] * (serial.at(i).unicode() - u'0');
    }
    int check = 11 - sum % 11;
    check = check == 10 ? 0 : check == 11 ? 5 : check;
    return prefix + serial + QString::number(check) + country;
}

/// A number with its last digit changed to the next one (mod 10): a wrong check digit.
QString breakCheck(const QString &number)
{
    QString broken = number;
    const int last = broken.at(broken.size() - 1).unicode() - u'0';
    broken[broken.size() - 1] = QChar(u'0' + (last + 1) % 10);
    return broken;
}

} // namespace

TEST(CarrierDetectorTest, Ups)
{
    EXPECT_EQ(detect("1Z999AA10123456784"), QStringLiteral("ups"));
    EXPECT_EQ(detect(" 1z 999 aa1 0123 456 784 "), QStringLiteral("ups"));
    EXPECT_EQ(detect("1Z999AA10123456785"), QString()) << "wrong check digit";
    EXPECT_EQ(detect("1Z999AA1012345678X"), QString());
    EXPECT_EQ(detect("1Z999"), QString());
    EXPECT_TRUE(CarrierDetector::upsCheckDigitValid(QStringLiteral("1Z999AA10123456784")));
}

TEST(CarrierDetectorTest, UspsIntelligentMailNumbers)
{
    for (const char *number :
        { "9400111201080805483016", "9361289878700317633795", "9405803699300124287899", "9505511069605048600624",
            "92748931507708513018050063", "03071790000523483741", "9102901000462189604217" }) {
        EXPECT_EQ(detect(number), QStringLiteral("usps")) << number;
        EXPECT_EQ(CarrierDetector::detect(breakCheck(QString::fromLatin1(number))), QString()) << number;
    }
    // The same 22 digits behind the "420" + ZIP routing prefix scanned from a label.
    EXPECT_EQ(detect("42022153"
                     "9400111201080805483016"),
        QStringLiteral("usps"));
    EXPECT_EQ(detect("420221539999"
                     "9400111201080805483016"),
        QStringLiteral("usps"));
    EXPECT_EQ(detect("42022153"
                     "9400111201080805483017"),
        QString());
    const QString built = withMod10(QStringLiteral("920559016491731275108"));
    EXPECT_EQ(CarrierDetector::detect(built), QStringLiteral("usps"));
    EXPECT_EQ(detect("9400111899223197428490"), QString()) << "check digit should be 7";
}

TEST(CarrierDetectorTest, FedEx)
{
    for (const char *number : { "986578788855", "477179081230", "799531274483", "790535312317" }) {
        EXPECT_EQ(detect(number), QStringLiteral("fedex")) << number;
    }
    EXPECT_EQ(detect("996578788855"), QString()) << "wrong check digit";
    EXPECT_EQ(CarrierDetector::detect(withFedExCheck(QStringLiteral("12345678901"))), QStringLiteral("fedex"));
    // Ground: 15 digits, mod 10.
    EXPECT_EQ(detect("041441760228964"), QStringLiteral("fedex"));
    EXPECT_EQ(detect("5682 8361 0012 734"), QStringLiteral("fedex"));
    EXPECT_EQ(detect("568283610012732"), QString());
    // Ground 96: the check digit covers the last 15 digits.
    EXPECT_EQ(detect("9611020987654312345672"), QStringLiteral("fedex"));
    EXPECT_EQ(detect("9611020987654312345673"), QString());
}

TEST(CarrierDetectorTest, DhlExpressAndEcommerce)
{
    for (const char *number : { "3318810025", "8487135506", "1099255990", "3821724944" }) {
        EXPECT_EQ(detect(number), QStringLiteral("dhl")) << number;
    }
    EXPECT_EQ(detect("3318810010"), QString()) << "331881001 mod 7 is 6";
    EXPECT_EQ(detect("1234567890"), QString()) << "123456789 mod 7 is 1";
    EXPECT_EQ(detect("GM2951173225174494"), QStringLiteral("dhl_ecommerce"));
    EXPECT_EQ(detect("GM 2951 1732 2517 4494"), QStringLiteral("dhl_ecommerce"));
    EXPECT_EQ(detect("GS2951173225174494"), QString());
}

TEST(CarrierDetectorTest, UpuS10NumbersByCountry)
{
    const QString serial = QStringLiteral("12345678");
    EXPECT_EQ(
        CarrierDetector::detect(s10(QStringLiteral("RR"), serial, QStringLiteral("GB"))), QStringLiteral("royal_mail"));
    EXPECT_EQ(
        CarrierDetector::detect(s10(QStringLiteral("EJ"), serial, QStringLiteral("JP"))), QStringLiteral("japan_post"));
    EXPECT_EQ(CarrierDetector::detect(s10(QStringLiteral("RN"), serial, QStringLiteral("CA"))),
        QStringLiteral("canada_post"));
    EXPECT_EQ(CarrierDetector::detect(s10(QStringLiteral("CJ"), serial, QStringLiteral("US"))), QStringLiteral("usps"));
    EXPECT_EQ(detect("EJ123456785JP"), QStringLiteral("japan_post"));
    EXPECT_EQ(detect("RR123456785GB"), QStringLiteral("royal_mail"));
    // Check digit 11 - sum mod 11: 10 becomes 0 and 11 becomes 5.
    EXPECT_EQ(
        s10(QStringLiteral("RR"), QStringLiteral("00000000"), QStringLiteral("GB")), QStringLiteral("RR000000005GB"));
    EXPECT_EQ(detect("RR000000005GB"), QStringLiteral("royal_mail"));
    EXPECT_EQ(detect("EJ123456784JP"), QString()) << "wrong check digit";
    EXPECT_EQ(detect("RR123456786GB"), QString()) << "wrong check digit";
    EXPECT_EQ(detect("EJ123456785XX"), QString()) << "a post Waybill does not link to";
    EXPECT_EQ(detect("LX123456785DE"), QString());
}

TEST(CarrierDetectorTest, CanadaPostPins)
{
    EXPECT_EQ(detect("1371134583769923"), QStringLiteral("canada_post"));
    EXPECT_EQ(detect("0073938000549297"), QStringLiteral("canada_post"));
    EXPECT_EQ(detect("0073938000549292"), QString());
}

TEST(CarrierDetectorTest, SfExpress)
{
    EXPECT_EQ(detect("SF1234567890123"), QStringLiteral("sf_express"));
    EXPECT_EQ(detect("sf 123456789012"), QStringLiteral("sf_express"));
    EXPECT_EQ(detect("SF12345"), QString());
}

TEST(CarrierDetectorTest, TwelveJapaneseDigitsNeedTheShopsCarriers)
{
    // Yamato, Sagawa and Japan Post all end 12-digit numbers with the first 11 digits mod 7: the number alone
    // cannot tell them apart, and it is not guessed.
    const QString number = withMod7(QStringLiteral("12345678901"));
    ASSERT_EQ(number, QStringLiteral("123456789013"));
    EXPECT_EQ(CarrierDetector::candidates(number),
        QStringList({ QStringLiteral("yamato"), QStringLiteral("sagawa"), QStringLiteral("japan_post") }));
    EXPECT_EQ(CarrierDetector::detect(number), QString());
    EXPECT_EQ(
        CarrierDetector::detect(number, { QStringLiteral("yamato"), QStringLiteral("ups") }), QStringLiteral("yamato"));
    EXPECT_EQ(CarrierDetector::detect(number, { QStringLiteral("sagawa") }), QStringLiteral("sagawa"));
    EXPECT_EQ(CarrierDetector::detect(number, { QStringLiteral("yamato"), QStringLiteral("sagawa") }), QString())
        << "still ambiguous";
    EXPECT_EQ(CarrierDetector::detect(breakCheck(number), { QStringLiteral("yamato") }), QString())
        << "wrong mod 7 check digit and not a FedEx number either";
}

TEST(CarrierDetectorTest, TwelveDigitsValidForFedExAndMod7AreAmbiguous)
{
    // Search for a body whose FedEx check digit equals its mod 7 check digit.
    QString both;
    for (qint64 body = 10000000000LL; body < 10000010000LL && both.isEmpty(); ++body) {
        const QString fedex = withFedExCheck(QString::number(body));
        if (fedex == withMod7(QString::number(body))) {
            both = fedex;
        }
    }
    ASSERT_FALSE(both.isEmpty());
    EXPECT_EQ(CarrierDetector::candidates(both).size(), 4);
    EXPECT_EQ(CarrierDetector::detect(both), QString());
    EXPECT_EQ(CarrierDetector::detect(both, { QStringLiteral("fedex") }), QStringLiteral("fedex"));

    // FedEx-valid but not mod 7: FedEx alone.
    const QString fedexOnly = QStringLiteral("986578788855");
    ASSERT_FALSE(CarrierDetector::mod7CheckDigitValid(fedexOnly));
    EXPECT_EQ(CarrierDetector::candidates(fedexOnly), QStringList({ QStringLiteral("fedex") }));
}

TEST(CarrierDetectorTest, Unknown)
{
    EXPECT_EQ(detect(""), QString());
    EXPECT_EQ(detect("hello"), QString());
    EXPECT_EQ(detect("12345"), QString());
    EXPECT_EQ(detect("12345678901234567890123456789012345678901234567890"), QString());
    EXPECT_EQ(detect("1234567890123"), QString()) << "13 digits: no carrier here uses them";
}

TEST(CarrierDetectorTest, EveryDetectedCarrierHasATrackingPage)
{
    for (const char *number : { "1Z999AA10123456784", "9400111201080805483016", "986578788855", "3318810025",
             "GM2951173225174494", "RR123456785GB", "1371134583769923", "EJ123456785JP", "SF1234567890123" }) {
        const QString carrier = detect(number);
        ASSERT_FALSE(carrier.isEmpty()) << number;
        EXPECT_TRUE(CarrierDirectory::trackingUrl(carrier, QString::fromLatin1(number)).startsWith(u"https://"))
            << number;
        EXPECT_NE(CarrierDirectory::displayName(carrier), carrier) << number;
    }
    for (const char *carrier : { "yamato", "sagawa", "japan_post" }) {
        EXPECT_TRUE(CarrierDirectory::trackingUrl(QString::fromLatin1(carrier), QStringLiteral("123456789013"))
                        .startsWith(u"https://"));
    }
}

TEST(CarrierDetectorTest, ProviderCarrierNames)
{
    EXPECT_EQ(CarrierDirectory::keyFor(QStringLiteral("USPS")), QStringLiteral("usps"));
    EXPECT_EQ(CarrierDirectory::keyFor(QStringLiteral("FedEx")), QStringLiteral("fedex"));
    EXPECT_EQ(CarrierDirectory::keyFor(QStringLiteral("DHLExpress")), QStringLiteral("dhl"));
    EXPECT_EQ(CarrierDirectory::keyFor(QStringLiteral("canada-post")), QStringLiteral("canada_post"));
    EXPECT_EQ(CarrierDirectory::keyFor(QStringLiteral("taqbin-jp")), QStringLiteral("yamato"));
    EXPECT_EQ(CarrierDirectory::keyFor(QStringLiteral("Local Courier")), QStringLiteral("local courier"));
}
