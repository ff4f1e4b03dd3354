// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoText.h"

namespace waybill::demo {

namespace {

struct Script {
    const char *subject;
    const char *turns[4];
    const char *note;
};

// [scenario][language]; UTF-8 literals.
constexpr Script Scripts[DemoText::ScenarioCount][3] = {
    // WhereIsMyOrder
    { { "Where is my order %ORDER%?",
          { "Hi, I ordered a week ago (order %ORDER%) and the tracking hasn't changed in days. When will it arrive?",
              "Hi %NAME%, thanks for your patience. Your parcel is with %CARRIER% (tracking %TRACKING%) and is moving "
              "normally. I'll keep an eye on it for you. — %AGENT%",
              "Thanks! Is there any way to get it before the weekend?", nullptr },
          nullptr },
        { "注文%ORDER%の配送状況について",
            { "先週注文した商品（注文番号%ORDER%）がまだ届きません。配送状況を教えていただけますか。",
                "%NAME%様、お問い合わせありがとうございます。%CARRIER%の追跡番号%TRACKING%"
                "で配送中です。到着まで今しばらくお待ちください。",
                "ありがとうございます。週末までに届きますか？", nullptr },
            nullptr },
        { "订单%ORDER%的物流状态",
            { "你好，我的订单%ORDER%一周前就下单了，物流信息好几天没有更新，请问什么时候能到？",
                "%NAME%您好，您的包裹由%CARRIER%承运（运单号%TRACKING%），目前正常运输中，请耐心等待。",
                "谢谢，周末前能送到吗？", nullptr },
            nullptr } },
    // Delayed
    { { "Order %ORDER% is late",
          { "My order %ORDER% was supposed to arrive on Monday. It's now several days late and I need it for a "
            "birthday.",
              "I'm sorry %NAME%, %CARRIER% shows a delay in their network. I've flagged it and will update you as soon "
              "as it moves.",
              "Please do, or I'd like a refund if it doesn't come this week.", nullptr },
          "Carrier delay at the regional hub. Offer a reship if no scan within 2 days." },
        { "注文%ORDER%の配達遅延",
            { "注文%ORDER%の到着予定日を過ぎていますが、まだ届いていません。誕生日に使う予定なので困っています。",
                "%NAME%様、ご迷惑をおかけして申し訳ございません。%CARRIER%の配送網で遅延が発生しております。",
                "今週中に届かない場合は返金をお願いします。", nullptr },
            "配送業者の遅延。2日以内に更新がなければ再送を提案。" },
        { "订单%ORDER%延迟",
            { "订单%ORDER%原定周一送达，现在已经晚了好几天，我急着用。",
                "%NAME%您好，非常抱歉，%CARRIER%的网络出现延误，我们已经跟进，有更新会第一时间通知您。",
                "如果本周还到不了，我希望退款。", nullptr },
            nullptr } },
    // CarrierException
    { { "Tracking says exception for %ORDER%",
          { "The tracking for %TRACKING% says \"exception - address issue\". My address is correct. What do I do?",
              "Hi %NAME%, I've contacted %CARRIER% to confirm the address on file and asked them to retry delivery.",
              nullptr, nullptr },
          "Carrier exception: address could not be verified. Called carrier, case opened." },
        { "追跡番号%TRACKING%が「例外」と表示されます",
            { "追跡情報に「住所不明」と表示されています。住所は正しいはずです。どうすればいいですか。",
                "%NAME%様、%CARRIER%に住所の確認と再配達を依頼いたしました。", nullptr, nullptr },
            nullptr },
        { "运单%TRACKING%显示异常",
            { "物流显示“地址异常”，但我的地址是正确的，请问怎么办？",
                "%NAME%您好，我们已联系%CARRIER%核实地址并安排重新派送。", nullptr, nullptr },
            nullptr } },
    // FailedAttempt
    { { "Missed delivery for order %ORDER%",
          { "I was home all day but %CARRIER% says they attempted delivery. Can you help?",
              "Sorry about that, %NAME%. I've requested a redelivery for tomorrow.", "Thank you, I'll be in.",
              nullptr },
          nullptr },
        { "不在票について（注文%ORDER%）",
            { "一日中家にいたのに、不在票が入っていました。再配達をお願いできますか。",
                "%NAME%様、明日の再配達を手配いたしました。", "よろしくお願いします。", nullptr },
            nullptr },
        { "订单%ORDER%派送失败",
            { "我一整天都在家，但是快递说派送失败了，能帮我处理一下吗？", "%NAME%您好，已为您安排明天重新派送。",
                "好的，谢谢。", nullptr },
            nullptr } },
    // ReturnedToSender
    { { "My parcel is going back to you?",
          { "Tracking %TRACKING% says \"returned to sender\". I never got it! Order %ORDER%.",
              "Hi %NAME%, the carrier couldn't deliver it and it's on its way back to us. Would you like a reship or a "
              "refund?",
              "A reship please, same address.", nullptr },
          "RTS — confirm address before reshipping." },
        { "荷物が返送されています",
            { "追跡番号%TRACKING%が「差出人に返送」になっています。受け取っていません。",
                "%NAME%様、配達できず当店へ返送中です。再送と返金のどちらをご希望ですか。", "再送をお願いします。",
                nullptr },
            nullptr },
        { "包裹被退回了？",
            { "运单%TRACKING%显示“退回发件人”，我根本没收到！",
                "%NAME%您好，包裹无法派送正在退回，请问您希望重新发货还是退款？", "请重新发货。", nullptr },
            nullptr } },
    // PickupWaiting
    { { "Where do I collect order %ORDER%?",
          { "I got a message that my parcel is ready for pickup. Where is the location?",
              "Hi %NAME%, it's at the %CARRIER% access point shown on the tracking page for %TRACKING%. Bring photo "
              "ID.",
              nullptr, nullptr },
          nullptr },
        { "受け取り場所を教えてください",
            { "荷物が受け取り可能と通知がありました。どこで受け取れますか。",
                "%NAME%様、追跡番号%TRACKING%のページに表示されている%CARRIER%の営業所でお受け取りいただけます。",
                nullptr, nullptr },
            nullptr },
        { "在哪里取件？",
            { "收到通知说包裹可以自提了，请问在哪里取？",
                "%NAME%您好，请到运单%TRACKING%页面显示的%CARRIER%网点取件，记得带证件。", nullptr, nullptr },
            nullptr } },
    // Damaged
    { { "Item arrived damaged - order %ORDER%",
          { "The box was crushed and the item inside is broken. Photos attached.",
              "I'm so sorry, %NAME%. I've opened a damage claim with %CARRIER% and we'll send a replacement right "
              "away.",
              "Thank you, that's great.", nullptr },
          "Damage claim opened; photos from the customer added as evidence." },
        { "商品が破損して届きました",
            { "箱が潰れていて、中の商品が壊れていました。写真を添付します。",
                "%NAME%様、大変申し訳ございません。%CARRIER%に破損の申請を行い、代替品をすぐにお送りします。",
                "ありがとうございます。", nullptr },
            "破損クレーム申請済み。" },
        { "商品到货破损",
            { "外箱被压坏了，里面的商品也坏了，照片见附件。",
                "%NAME%您好，非常抱歉，我们已向%CARRIER%提交破损索赔，并马上为您补发。", "谢谢。", nullptr },
            nullptr } },
    // Lost
    { { "Never received order %ORDER%",
          { "Tracking says delivered but there is nothing here. I checked with neighbours.",
              "Hi %NAME%, I've opened a lost-parcel claim with %CARRIER% and will reship today.", nullptr, nullptr },
          "Lost parcel claim filed; reship approved by supervisor." },
        { "荷物が届いていません",
            { "配達完了になっていますが、荷物が見当たりません。近所にも確認しました。",
                "%NAME%様、%CARRIER%に紛失の調査を依頼し、本日再送いたします。", nullptr, nullptr },
            nullptr },
        { "没有收到包裹",
            { "物流显示已签收，但我没有收到，邻居那里也问过了。",
                "%NAME%您好，我们已向%CARRIER%提交丢件索赔，今天为您补发。", nullptr, nullptr },
            nullptr } },
    // ReturnRequest
    { { "Return for order %ORDER%",
          { "The size doesn't fit. I'd like to return it for a refund.",
              "No problem, %NAME%. I've approved the return and emailed you a prepaid label.",
              "Sent it back today, here's the tracking.", "Thanks, we'll refund as soon as it's inspected." },
          nullptr },
        { "返品について（注文%ORDER%）",
            { "サイズが合わなかったので返品・返金をお願いします。",
                "%NAME%様、返品を承認し、返送用ラベルをお送りしました。", "本日発送しました。",
                "ありがとうございます。検品後に返金いたします。" },
            nullptr },
        { "订单%ORDER%退货",
            { "尺码不合适，我想退货退款。", "%NAME%您好，退货已批准，预付运单已发到您的邮箱。", "今天已经寄回了。",
                "好的，验货后会尽快退款。" },
            nullptr } },
    // DeliveredThanks
    { { "Got it, thanks!",
          { "Order %ORDER% arrived today, it's perfect. Thank you!",
              "Wonderful to hear, %NAME%! Enjoy, and let us know if you need anything.", nullptr, nullptr },
          nullptr },
        { "届きました",
            { "注文%ORDER%の商品が今日届きました。とても気に入りました。ありがとうございます。",
                "%NAME%様、ご連絡ありがとうございます。今後ともよろしくお願いいたします。", nullptr, nullptr },
            nullptr },
        { "收到了，谢谢",
            { "订单%ORDER%今天收到了，非常满意，谢谢！", "%NAME%您好，很高兴您喜欢，有任何问题随时联系我们。", nullptr,
                nullptr },
            nullptr } },
    // AddressChange
    { { "Change delivery address for %ORDER%",
          { "I just moved. Can you change the shipping address on order %ORDER%?",
              "Hi %NAME%, the parcel has already left with %CARRIER%, but I've requested an address correction.",
              nullptr, nullptr },
          "Address correction requested with the carrier (fee may apply)." },
        { "配送先の変更",
            { "引っ越したので、注文%ORDER%の配送先を変更できますか。",
                "%NAME%様、すでに%CARRIER%に引き渡し済みのため、住所変更を依頼いたしました。", nullptr, nullptr },
            nullptr },
        { "修改收货地址",
            { "我刚搬家，能修改订单%ORDER%的收货地址吗？", "%NAME%您好，包裹已交给%CARRIER%，我们已申请修改地址。",
                nullptr, nullptr },
            nullptr } },
};

QString text(const char *utf8)
{
    return utf8 ? QString::fromUtf8(utf8) : QString();
}

} // namespace

ThreadScript DemoText::script(Scenario scenario, Language language, int variant)
{
    const Script &s = Scripts[int(scenario)][int(language)];
    ThreadScript script;
    script.subject = text(s.subject);
    for (const char *turn : s.turns) {
        if (turn) {
            script.turns << text(turn);
        }
    }
    // Variants shorten or lengthen a thread so that lengths differ across conversations.
    if (variant % 3 == 0 && script.turns.size() > 2) {
        script.turns.resize(2);
    }
    script.note = text(s.note);
    return script;
}

QStringList DemoText::givenNames(Language language)
{
    switch (language) {
    case Language::Japanese:
        return { QStringLiteral("太郎"), QStringLiteral("花子"), QStringLiteral("健太"), QStringLiteral("美咲"),
            QStringLiteral("翔"), QStringLiteral("由美"), QStringLiteral("大輔"), QStringLiteral("さくら") };
    case Language::Chinese:
        return { QStringLiteral("伟"), QStringLiteral("芳"), QStringLiteral("娜"), QStringLiteral("磊"),
            QStringLiteral("静"), QStringLiteral("强"), QStringLiteral("敏"), QStringLiteral("洋") };
    case Language::English:
        break;
    }
    return { QStringLiteral("Olivia"), QStringLiteral("Liam"), QStringLiteral("Emma"), QStringLiteral("Noah"),
        QStringLiteral("Ava"), QStringLiteral("James"), QStringLiteral("Sophia"), QStringLiteral("Lucas"),
        QStringLiteral("Mia"), QStringLiteral("Ethan"), QStringLiteral("Grace"), QStringLiteral("Daniel"),
        QStringLiteral("Chloe"), QStringLiteral("Samuel"), QStringLiteral("Ruby"), QStringLiteral("Oscar") };
}

QStringList DemoText::familyNames(Language language)
{
    switch (language) {
    case Language::Japanese:
        return { QStringLiteral("佐藤"), QStringLiteral("鈴木"), QStringLiteral("高橋"), QStringLiteral("田中"),
            QStringLiteral("伊藤"), QStringLiteral("渡辺"), QStringLiteral("山本"), QStringLiteral("中村") };
    case Language::Chinese:
        return { QStringLiteral("王"), QStringLiteral("李"), QStringLiteral("张"), QStringLiteral("刘"),
            QStringLiteral("陈"), QStringLiteral("杨"), QStringLiteral("黄"), QStringLiteral("赵") };
    case Language::English:
        break;
    }
    return { QStringLiteral("Smith"), QStringLiteral("Johnson"), QStringLiteral("Brown"), QStringLiteral("Taylor"),
        QStringLiteral("Wilson"), QStringLiteral("Davies"), QStringLiteral("Evans"), QStringLiteral("Thomas"),
        QStringLiteral("Walker"), QStringLiteral("Wright"), QStringLiteral("Robinson"), QStringLiteral("Hughes"),
        QStringLiteral("Green"), QStringLiteral("Hall"), QStringLiteral("Clarke"), QStringLiteral("Turner") };
}

QStringList DemoText::romanizedFamilyNames(Language language)
{
    switch (language) {
    case Language::Japanese:
        return { QStringLiteral("sato"), QStringLiteral("suzuki"), QStringLiteral("takahashi"),
            QStringLiteral("tanaka"), QStringLiteral("ito"), QStringLiteral("watanabe"), QStringLiteral("yamamoto"),
            QStringLiteral("nakamura") };
    case Language::Chinese:
        return { QStringLiteral("wang"), QStringLiteral("li"), QStringLiteral("zhang"), QStringLiteral("liu"),
            QStringLiteral("chen"), QStringLiteral("yang"), QStringLiteral("huang"), QStringLiteral("zhao") };
    case Language::English:
        break;
    }
    QStringList names = familyNames(Language::English);
    for (QString &name : names) {
        name = name.toLower();
    }
    return names;
}

QStringList DemoText::products()
{
    return { QStringLiteral("Linen Tote Bag"), QStringLiteral("Ceramic Pour-Over Set"),
        QStringLiteral("Merino Crew Socks (3-pack)"), QStringLiteral("Bamboo Cutting Board"),
        QStringLiteral("Wireless Desk Lamp"), QStringLiteral("Cast Iron Skillet 10\""),
        QStringLiteral("Organic Cotton Hoodie"), QStringLiteral("Stainless Water Bottle 750 ml"),
        QStringLiteral("Leather Card Holder"), QStringLiteral("Hinoki Bath Stool"), QStringLiteral("Matcha Whisk Set"),
        QStringLiteral("Silk Pillowcase"), QStringLiteral("Trail Running Shoes"),
        QStringLiteral("Noise-Cancelling Earbuds"), QStringLiteral("Wool Throw Blanket"),
        QStringLiteral("Porcelain Teapot") };
}

std::pair<QString, QString> DemoText::followUp(Language language)
{
    switch (language) {
    case Language::Japanese:
        return { QStringLiteral("その後、何か進展はありましたか？"),
            QStringLiteral("配送業者に再度確認中です。分かり次第ご連絡いたします。") };
    case Language::Chinese:
        return { QStringLiteral("请问现在有进展了吗？"),
            QStringLiteral("我们正在再次与承运商核实，有消息会马上通知您。") };
    case Language::English:
        break;
    }
    return { QStringLiteral("Any update on this? Still nothing here."),
        QStringLiteral("I'm chasing %CARRIER% again about %TRACKING% and will write as soon as I hear back.") };
}

QString DemoText::fullName(Language language, const QString &given, const QString &family)
{
    switch (language) {
    case Language::English:
        return given + u' ' + family;
    case Language::Japanese:
        return family + u' ' + given;
    case Language::Chinese:
        break;
    }
    return family + given;
}

} // namespace waybill::demo
