/**
 * The condition catalogue: data, versioned, reviewed in a PR like code.
 * Bump CATALOGUE_VERSION on any change to ids, prompts, urgency or advice: assessments carry it.
 *
 * Writing rules for the advice: plain words, no doses, hedge the finding ("some features can be seen in ..."),
 * and always say when to see a doctor. Timing uses each level's one time frame (messages.ts): "call your local
 * emergency number now (112, 911 or 999)" / 立即拨打120, "today" / 今天, "within 2 to 3 days" / 2到3天内,
 * "a routine appointment" / 预约; "see a doctor if ..." otherwise. Chinese uses 您 and mainland care routes
 * (医院皮肤科, 社区医院, 急诊).
 * Urgency is what to do when this is the top finding of a certain result; red flags in the patient's words
 * and `needsInPersonReview` can only raise it (see triage.ts).
 */
import type { CatalogueEntry } from "./types";

export const CATALOGUE_VERSION = "2.0.0";

/** MONET / DermLIP-style templates; `{}` is replaced by each of an entry's terms. */
export const PROMPT_TEMPLATES: readonly string[] = [
  "This is a skin image of {}.",
  "a close-up photo of {} on the skin",
  "a clinical photograph of {}",
  "a dermatology photo showing {}",
];

const EMERGENCY_EN = "Call your local emergency number now (112, 911 or 999).";
const EMERGENCY_ZH = "请立即拨打120急救电话。";

export const catalogue: readonly CatalogueEntry[] = [
  // ---- common, usually looked after at home --------------------------------------------------------
  {
    id: "eczema",
    name: { en: "Eczema (atopic dermatitis)", zh: "湿疹（特应性皮炎）" },
    terms: ["eczema", "atopic dermatitis"],
    urgency: "self_care",
    needsInPersonReview: false,
    reviewAfterDays: 14,
    typicalSymptoms: ["itch", "dryness", "redness", "scaling", "oozing", "eczema_word"],
    advice: {
      en: "Eczema is common and not contagious. Moisturise often with a fragrance-free emollient, use a mild soap substitute, and avoid known triggers and scratching. See a doctor if it is not better after 2 weeks, disturbs sleep, or becomes weepy or crusted. See a doctor today if it suddenly becomes painful with clusters of blisters or open sores, or you have a fever: it may be infected with the cold-sore virus.",
      zh: "湿疹很常见，不会传染。请经常涂抹无香料的润肤霜，用温和的洁肤产品代替普通肥皂，避开已知诱因，尽量不要搔抓。如果两周后仍未好转、影响睡眠，或出现渗液、结痂，请去医院皮肤科就诊。如果突然变得疼痛，出现成簇的水疱或破溃，或伴有发烧，可能合并了疱疹病毒感染，请今天就医。",
    },
  },
  {
    id: "contact_dermatitis",
    name: { en: "Contact dermatitis", zh: "接触性皮炎" },
    terms: ["contact dermatitis", "an allergic skin reaction to something touching the skin"],
    urgency: "self_care",
    needsInPersonReview: false,
    reviewAfterDays: 14,
    typicalSymptoms: ["itch", "redness", "burning", "blisters", "new_product"],
    advice: {
      en: "This is a reaction to something that touched the skin, such as a soap, cosmetic, metal or plant. Try to find and avoid the cause, rinse the area gently with water, and keep it moisturised. See a doctor if it is severe, blisters widely, is on the face or genitals, or is not better 2 weeks after avoiding the cause.",
      zh: "这是皮肤对接触物（如肥皂、化妆品、金属或植物）的反应。请尽量找出并避开诱因，用清水轻轻冲洗患处并保湿。如果症状严重、大面积起水疱、发生在面部或生殖器，或避开诱因两周后仍未好转，请去医院皮肤科就诊。",
    },
  },
  {
    id: "urticaria",
    name: { en: "Hives (urticaria)", zh: "荨麻疹" },
    terms: ["hives", "urticaria", "raised itchy welts on the skin"],
    urgency: "self_care",
    needsInPersonReview: false,
    // Hives that last 6 weeks or more are chronic urticaria and worth a doctor's review.
    reviewAfterDays: 42,
    typicalSymptoms: ["itch", "wheals", "redness", "swelling", "new_food", "new_medicine", "widespread"],
    advice: {
      en: `Hives are often set off by an allergy, an infection or a medicine, and usually settle within days. Avoid anything you suspect and keep cool. If the lips, tongue, mouth or throat swell, the voice changes, or breathing or swallowing becomes difficult: ${EMERGENCY_EN} See a doctor if hives keep coming back or last 6 weeks or more. If you think a medicine caused them, tell the doctor who prescribed it rather than stopping it on your own.`,
      zh: `荨麻疹常由过敏、感染或药物引起，通常几天内消退。请避开可疑诱因，保持凉爽。如果嘴唇、舌头、口腔或喉咙肿胀，声音改变，或出现呼吸、吞咽困难，${EMERGENCY_ZH}如果反复发作或持续6周以上，请去医院皮肤科就诊。如果怀疑与某种药物有关，请告诉开药的医生，不要自行停药。`,
    },
  },
  {
    id: "acne",
    name: { en: "Acne", zh: "痤疮（青春痘）" },
    terms: ["acne", "acne vulgaris with pimples"],
    urgency: "self_care",
    needsInPersonReview: false,
    typicalSymptoms: ["pimples", "pus", "redness", "pain"],
    advice: {
      en: "Acne is very common. Wash gently twice a day, don't squeeze spots, and choose non-greasy (non-comedogenic) products; a pharmacist can suggest suitable treatments. Book a routine appointment if it is severe, leaves scars or dark marks, causes painful lumps under the skin, or affects your mood.",
      zh: "痤疮非常常见。每天温和清洁两次，不要挤痘，选择不致痘（非油性）的产品；药店的药师可以推荐合适的产品。如果痤疮严重、留下疤痕或色素沉着、出现疼痛的皮下硬结，或影响情绪，请预约医院皮肤科就诊。",
    },
  },
  {
    id: "rosacea",
    name: { en: "Rosacea", zh: "玫瑰痤疮（酒渣鼻）" },
    terms: ["rosacea", "facial rosacea with redness and flushing"],
    urgency: "doctor",
    needsInPersonReview: false,
    typicalSymptoms: ["flushing", "redness", "pimples", "burning"],
    advice: {
      en: "Rosacea causes facial redness and flushing that comes and goes. Common triggers are sun, heat, alcohol and spicy food; use a gentle cleanser and daily sunscreen. A doctor can confirm it and offer treatment: book a routine appointment. If your eyes become painful or red, or your vision changes, see a doctor within 2 to 3 days.",
      zh: "玫瑰痤疮表现为面部发红和潮红，时轻时重。常见诱因有日晒、高温、饮酒和辛辣食物；请使用温和的洁面产品并每天防晒。医生可以确诊并提供治疗，请预约医院皮肤科。如果眼睛疼痛、发红或视力改变，请在2到3天内就医。",
    },
  },
  {
    id: "seborrhoeic_dermatitis",
    name: { en: "Seborrhoeic dermatitis (dandruff, cradle cap)", zh: "脂溢性皮炎（头皮屑、婴儿乳痂）" },
    terms: [
      "seborrheic dermatitis",
      "greasy yellow scales of seborrhoeic dermatitis on the scalp and face",
      "cradle cap",
    ],
    urgency: "self_care",
    needsInPersonReview: false,
    reviewAfterDays: 28,
    typicalSymptoms: ["scaling", "redness", "itch", "dryness", "forehead"],
    advice: {
      en: "Seborrhoeic dermatitis causes red, flaky, sometimes greasy patches on the scalp, eyebrows, sides of the nose and chest; in babies it is cradle cap. It is common and not contagious. Anti-dandruff shampoos and gentle moisturising help; a pharmacist can advise. See a doctor if it is not better after 4 weeks of treatment, is very widespread, or a baby's rash spreads or seems sore.",
      zh: "脂溢性皮炎表现为头皮、眉毛、鼻翼两侧和胸口发红、脱屑，有时油腻；婴儿的乳痂也属于这种情况。它很常见，不会传染。去屑洗发水和温和保湿有帮助，可以咨询药店的药师。如果治疗4周仍未好转、范围很广，或宝宝的皮疹扩散、似乎疼痛，请去医院皮肤科就诊。",
    },
  },
  {
    id: "psoriasis",
    name: { en: "Psoriasis", zh: "银屑病（牛皮癣）" },
    terms: ["psoriasis", "plaque psoriasis"],
    urgency: "doctor",
    needsInPersonReview: false,
    typicalSymptoms: ["scaling", "redness", "itch", "dryness"],
    advice: {
      en: "Psoriasis is a long-term condition and is not contagious. A doctor can confirm it and discuss treatments that work well: book a routine appointment, and meanwhile keep the skin moisturised. If large areas of skin become red, hot and inflamed, or you feel unwell, see a doctor today; if your joints are painful or swollen, see a doctor within 2 to 3 days.",
      zh: "银屑病是一种长期的皮肤病，不会传染。医生可以确诊并与您商量有效的治疗，请预约医院皮肤科；在此期间请保持皮肤湿润。如果大面积皮肤发红、发烫、发炎，或您感到不舒服，请今天就医；如果关节疼痛或肿胀，请在2到3天内就医。",
    },
  },
  {
    id: "pityriasis_rosea",
    name: { en: "Pityriasis rosea", zh: "玫瑰糠疹" },
    terms: [
      "pityriasis rosea",
      "a herald patch with oval pink scaly patches on the trunk",
      "a christmas tree pattern rash on the back",
    ],
    urgency: "self_care",
    needsInPersonReview: false,
    reviewAfterDays: 84,
    typicalSymptoms: ["ring_shape", "scaling", "rash", "itch", "redness"],
    advice: {
      en: "Pityriasis rosea usually starts with one larger oval patch, followed days later by smaller patches on the chest, back and upper arms. It is harmless, not thought to be contagious, and fades on its own within about 12 weeks; moisturisers help the itch. See a doctor if you are pregnant, the rash is very itchy or lasts longer than 12 weeks, or you are unsure.",
      zh: "玫瑰糠疹通常先出现一个较大的椭圆形斑片，几天后胸背部和上臂出现较小的斑片。它无害，一般认为不传染，约12周内会自行消退；润肤霜可以缓解瘙痒。如果您怀孕了、皮疹非常痒或持续超过12周，或您不确定，请去医院皮肤科就诊。",
    },
  },
  {
    id: "tinea",
    name: { en: "Fungal infection (ringworm, tinea)", zh: "真菌感染（癣）" },
    terms: ["tinea corporis", "ringworm", "a fungal skin infection"],
    urgency: "self_care",
    needsInPersonReview: false,
    reviewAfterDays: 14,
    typicalSymptoms: ["ring_shape", "itch", "scaling", "redness", "spreading"],
    advice: {
      en: "Ringworm is a common fungal infection, not a worm. Antifungal creams from a pharmacy usually work: follow the leaflet and keep using it for as long as it says, even after the rash fades. Keep the skin clean and dry and don't share towels. See a doctor if it is on the scalp or nails, spreads widely, or is not better after 2 weeks of treatment. A spreading red ring after a tick bite is different: see a doctor within 2 to 3 days.",
      zh: "癣是一种常见的真菌感染，并不是虫子。药店的抗真菌药膏通常有效：请按说明书使用，即使皮疹消退也要用足疗程。保持皮肤清洁干燥，不要共用毛巾。如果长在头皮或指甲上、大范围扩散，或治疗两周后仍未好转，请去医院皮肤科就诊。如果是被蜱虫叮咬后出现逐渐扩大的红圈，情况不同，请在2到3天内就医。",
    },
  },
  {
    id: "tinea_versicolor",
    name: { en: "Pityriasis versicolor (fungal patches)", zh: "花斑糠疹（汗斑）" },
    terms: [
      "pityriasis versicolor",
      "tinea versicolor with light and brown patches on the back",
      "fine scaly discoloured patches of tinea versicolor",
    ],
    urgency: "self_care",
    needsInPersonReview: false,
    reviewAfterDays: 28,
    typicalSymptoms: ["brown_patches", "white_patches", "scaling", "sweat_heat"],
    advice: {
      en: "Pityriasis versicolor is a common yeast infection that leaves lighter or darker, slightly scaly patches, often on the back and chest, especially in heat and sweat. It is not contagious. Antifungal shampoos or creams from a pharmacy usually work; the colour can take months to even out. See a doctor if it is not better after 4 weeks of treatment or keeps coming back.",
      zh: "花斑糠疹（汗斑）是一种常见的酵母菌感染，会留下颜色变浅或变深、有细小鳞屑的斑片，多见于背部和胸部，炎热出汗时更常见。它不传染。药店的抗真菌洗剂或药膏通常有效，肤色可能需要几个月才能恢复均匀。如果治疗4周后仍未好转或反复发作，请去医院皮肤科就诊。",
    },
  },
  {
    id: "folliculitis",
    name: { en: "Folliculitis (inflamed hair follicles)", zh: "毛囊炎" },
    terms: [
      "folliculitis",
      "small red bumps and pustules around hair follicles",
      "inflamed hair follicles after shaving",
    ],
    urgency: "self_care",
    needsInPersonReview: false,
    reviewAfterDays: 14,
    typicalSymptoms: ["pimples", "pus", "itch", "redness"],
    advice: {
      en: "Folliculitis is inflammation of hair follicles, often after shaving, sweating or tight clothing. Keep the area clean, avoid shaving it for a while, and wear loose clothes; it usually clears within a couple of weeks. See a doctor if it is not better after 2 weeks, keeps coming back, forms painful lumps, or you have a fever.",
      zh: "毛囊炎是毛囊发炎，常发生在剃毛、出汗或穿紧身衣物之后。请保持清洁，暂时不要剃这个部位，穿宽松的衣服；通常两周左右会好转。如果两周后仍未好转、反复发作、形成疼痛的硬块，或伴有发烧，请去医院皮肤科就诊。",
    },
  },
  {
    id: "miliaria",
    name: { en: "Heat rash (miliaria)", zh: "痱子（汗疹）" },
    terms: ["miliaria", "heat rash with tiny red bumps", "prickly heat"],
    urgency: "self_care",
    needsInPersonReview: false,
    reviewAfterDays: 7,
    typicalSymptoms: ["sweat_heat", "itch", "rash", "redness"],
    advice: {
      en: "Heat rash is tiny itchy or prickly spots where sweat is trapped, common in hot weather and in babies who are wrapped up warmly. Keep cool, wear loose cotton clothing and avoid heavy creams; it usually goes within a few days. See a doctor if it is not better after a week, or if a baby has a fever or seems unwell.",
      zh: "痱子是汗液排出不畅引起的细小、发痒或刺痛的小疹子，在炎热天气和穿得太多的婴儿中很常见。请保持凉爽，穿宽松的棉质衣物，避免厚重的护肤霜；通常几天内消退。如果一周后仍未好转，或宝宝发烧、精神不好，请去看医生。",
    },
  },
  {
    id: "nappy_rash",
    forGroup: "infant",
    name: { en: "Nappy rash", zh: "尿布疹" },
    terms: ["nappy rash", "diaper dermatitis", "red sore skin in the diaper area of a baby"],
    urgency: "self_care",
    needsInPersonReview: false,
    reviewAfterDays: 7,
    typicalSymptoms: ["nappy_area", "redness", "infant", "pain"],
    advice: {
      en: "Nappy rash is common. Change nappies often, clean gently with water, let the skin air-dry, and use a barrier cream; a pharmacist can advise. See a doctor if it is not better after a week, has bright red spots spreading into the skin folds (possible thrush), blisters or pus, or the baby has a fever or seems unwell.",
      zh: "尿布疹很常见。请勤换尿布，用清水轻轻清洗，让皮肤自然晾干，并涂抹护臀霜；可以咨询药店的药师。如果一周后仍未好转、皮肤褶皱处出现鲜红的点状皮疹（可能是念珠菌感染）、有水疱或脓，或宝宝发烧、精神不好，请去看医生。",
    },
  },
  {
    id: "melasma",
    name: { en: "Melasma (brown patches on the face)", zh: "黄褐斑" },
    terms: ["melasma", "symmetrical brown patches on the cheeks and forehead", "facial hyperpigmentation"],
    urgency: "self_care",
    needsInPersonReview: false,
    typicalSymptoms: ["brown_patches", "sun_exposure"],
    advice: {
      en: "Melasma causes even brown patches on both cheeks, the forehead or upper lip, often with sun, pregnancy or hormonal contraception. It is harmless. Daily high-factor sunscreen and a hat help most. Book a routine appointment if you would like treatment, or if a single patch is uneven in colour, growing or changing: that should be checked.",
      zh: "黄褐斑表现为双颊、额头或上唇出现均匀的褐色斑片，常与日晒、怀孕或激素类避孕药有关，属于良性。每天使用高倍防晒霜并戴帽子最有帮助。如果您想治疗，或某一块斑颜色不均、在长大或变化，请预约医院皮肤科就诊。",
    },
  },
  {
    id: "molluscum",
    name: { en: "Molluscum contagiosum", zh: "传染性软疣" },
    terms: [
      "molluscum contagiosum",
      "small pearly dome-shaped bumps with a central dimple",
      "umbilicated papules of molluscum",
    ],
    urgency: "self_care",
    needsInPersonReview: false,
    typicalSymptoms: ["dimpled_bumps", "pearly", "child"],
    advice: {
      en: "Molluscum are small, firm, pearly bumps with a dimple in the middle, common in children. They are harmless and usually go away on their own within 18 months. Don't squeeze or scratch them, and don't share towels. See a doctor if they are near the eye, become red and sore, or you have a weak immune system.",
      zh: "传染性软疣是中央有小凹陷的珍珠样小丘疹，儿童常见。它无害，通常在18个月内自行消退。请不要挤压或搔抓，不要共用毛巾。如果长在眼睛附近、变得红肿疼痛，或您的免疫力低下，请去医院皮肤科就诊。",
    },
  },
  {
    id: "skin_tags",
    name: { en: "Skin tag", zh: "皮赘（软纤维瘤）" },
    terms: ["a skin tag", "acrochordon", "a small soft flesh-coloured growth on a stalk"],
    urgency: "self_care",
    needsInPersonReview: false,
    typicalSymptoms: ["soft_growth"],
    advice: {
      en: "Skin tags are small, soft, harmless growths on a thin stalk, often on the neck, armpits or eyelids. They need no treatment; don't cut or tie them off yourself. See a doctor if one bleeds, changes colour or grows quickly, or if you are unsure it is a skin tag.",
      zh: "皮赘是柔软、无害的小赘生物，有细蒂，常见于颈部、腋下或眼皮。通常无需治疗；请不要自己剪掉或用线扎。如果出血、颜色改变或迅速长大，或您不确定是不是皮赘，请去医院皮肤科就诊。",
    },
  },
  {
    id: "epidermoid_cyst",
    name: { en: "Skin cyst", zh: "皮肤囊肿（表皮样囊肿）" },
    terms: [
      "an epidermoid cyst",
      "a sebaceous cyst",
      "a smooth round lump under the skin with a central dot",
    ],
    urgency: "self_care",
    needsInPersonReview: false,
    typicalSymptoms: ["firm_bump", "swelling", "smell"],
    advice: {
      en: "A skin cyst is a smooth, round lump under the skin, often with a small dark dot in the middle. It is usually harmless. Don't squeeze it. See a doctor if it becomes red, hot, painful or starts leaking pus (it may be infected), grows quickly, or you are unsure what it is; see a doctor within 2 to 3 days if it is infected.",
      zh: "皮肤囊肿是皮下光滑的圆形包块，中央常有一个小黑点，通常是良性的。请不要挤压。如果变得红、烫、痛或流脓（可能感染了）、迅速长大，或您不确定是什么，请去医院皮肤科就诊；如果已经感染，请在2到3天内就医。",
    },
  },
  {
    id: "insect_bites",
    name: { en: "Insect bites or stings", zh: "虫咬或蜇伤" },
    terms: ["insect bites", "mosquito bites", "bug bites on the skin"],
    urgency: "self_care",
    needsInPersonReview: false,
    reviewAfterDays: 14,
    typicalSymptoms: ["bite", "itch", "swelling", "redness"],
    advice: {
      en: `Most bites and stings get better within a few days. Wash the area, use a cold compress and try not to scratch. If the face, lips or tongue swell, or breathing is difficult: ${EMERGENCY_EN} If the redness spreads or becomes hot and painful, there is pus or a fever, or a red streak spreads from the bite, see a doctor today. A spreading red ring after a tick bite needs a doctor within 2 to 3 days.`,
      zh: `大多数虫咬或蜇伤几天内会好转。请清洗患处，冷敷，尽量不要搔抓。如果面部、嘴唇或舌头肿胀，或出现呼吸困难，${EMERGENCY_ZH}如果发红范围扩大或变得发烫、疼痛，有脓或发烧，或从叮咬处向外延伸出一条红线，请今天就医。被蜱虫叮咬后出现逐渐扩大的红圈，请在2到3天内就医。`,
    },
  },
  {
    id: "warts",
    name: { en: "Wart", zh: "疣（瘊子）" },
    terms: ["a wart", "common warts", "a verruca"],
    urgency: "self_care",
    needsInPersonReview: false,
    typicalSymptoms: ["rough"],
    advice: {
      en: "Warts are caused by a common virus and are harmless; many go away on their own, although this can take months or years. Pharmacy treatments are available. Don't pick them, and cover them in shared showers. See a doctor if a growth bleeds, changes in appearance, is painful, or is on the face or genitals, or if you have diabetes or a weak immune system.",
      zh: "疣由一种常见病毒引起，通常无害；很多会自行消退，但可能需要数月到数年。药店有相应的外用药。请不要抠挖，在公共浴室请遮盖患处。如果赘生物出血、外观改变、疼痛，或长在面部或生殖器，或您有糖尿病或免疫力低下，请去医院皮肤科就诊。",
    },
  },
  {
    id: "cold_sores",
    name: { en: "Cold sore (herpes simplex)", zh: "唇疱疹（单纯疱疹）" },
    terms: ["a cold sore", "herpes labialis", "herpes simplex blisters on the lip"],
    urgency: "self_care",
    needsInPersonReview: false,
    // Cold sores usually heal within 7-10 days; one that has not started to heal by then needs a look.
    reviewAfterDays: 10,
    typicalSymptoms: ["on_lips", "blisters", "tingling", "burning", "crusting", "cold_sore"],
    advice: {
      en: "Cold sores are common and usually heal on their own in 7 to 10 days; pharmacy creams may help if started early. They are contagious: avoid kissing and sharing cups or towels, keep away from anyone with eczema and from newborn babies, and don't touch your eyes after touching the sore. See a doctor if it has not started to heal after 10 days, is very large, or your immune system is weak; see a doctor today if it is near the eye or the eye becomes red or painful.",
      zh: "唇疱疹很常见，通常7到10天内自行愈合；早期使用药店的外用药可能有帮助。它有传染性：请避免亲吻和共用杯子、毛巾，远离湿疹患者和新生儿，触摸患处后不要碰眼睛。如果10天后还没有开始愈合、面积很大，或您的免疫力低下，请去看医生；如果靠近眼睛，或眼睛发红、疼痛，请今天就医。",
    },
  },
  {
    id: "hand_foot_mouth",
    name: { en: "Hand, foot and mouth disease", zh: "手足口病" },
    terms: [
      "hand foot and mouth disease",
      "small blisters on the palms and soles of a child",
      "oval grey blisters on the hands and feet from coxsackie virus",
    ],
    urgency: "self_care",
    needsInPersonReview: false,
    reviewAfterDays: 10,
    typicalSymptoms: ["blisters", "fever", "mucosal", "child", "foot"],
    advice: {
      en: `Hand, foot and mouth disease is a common viral illness in young children, with mouth ulcers and spots or small blisters on the hands and feet. It usually gets better on its own in 7 to 10 days. Give plenty of fluids and soft, cool food. See a doctor today if the child is not drinking, has fewer wet nappies, or has a fever that lasts more than 3 days; if the child is very drowsy, has a fit or breathes fast: ${EMERGENCY_EN}`,
      zh: `手足口病是幼儿常见的病毒感染，表现为口腔溃疡，手、脚出现红点或小水疱，通常7到10天内自行好转。请让孩子多喝水，吃软的、凉的食物。如果孩子不肯喝水、尿量减少，或发烧超过3天，请今天就医；如果孩子非常嗜睡、抽搐或呼吸急促，${EMERGENCY_ZH}`,
    },
  },
  {
    id: "burn",
    name: { en: "Burn or scald", zh: "烧伤或烫伤" },
    terms: ["a burn", "a thermal burn", "a scald"],
    urgency: "self_care",
    needsInPersonReview: false,
    reviewAfterDays: 14,
    typicalSymptoms: ["burn_injury", "pain", "blisters", "redness"],
    advice: {
      en: `For a minor burn, cool it under cool running water for 20 minutes, starting as quickly as you can, remove nearby jewellery, and cover it loosely with cling film or a clean non-fluffy dressing. Don't use ice, butter or creams, and don't burst blisters. For a burn larger than the injured person's palm, a deep burn (white, brown or charred skin, or no pain), a chemical or electrical burn, or a blistering burn on the face, hands, arms, legs, feet or genitals: ${EMERGENCY_EN} A blistering burn in a young child, an older person, a pregnant woman or someone with diabetes needs a doctor today. See a doctor if it has not healed after 2 weeks or looks infected.`,
      zh: `轻度烧烫伤：受伤后第一时间用凉的流动水冲20分钟，摘下附近的首饰，用保鲜膜或干净、不掉毛的敷料轻轻覆盖。不要用冰、黄油或药膏，不要挑破水疱。如果面积比伤者的手掌大、是深度烧伤（皮肤发白、发褐、焦黑或不觉得痛）、是化学或电烧伤，或面部、手、手臂、腿、脚、生殖器的烧烫伤起了水疱，${EMERGENCY_ZH}幼儿、老人、孕妇或糖尿病患者的烧烫伤起了水疱，请今天就医。如果两周后仍未愈合或看起来感染了，请去看医生。`,
    },
  },
  {
    id: "bruise",
    name: { en: "Bruise", zh: "瘀伤（淤青）" },
    terms: ["a bruise", "a skin bruise after an injury"],
    urgency: "self_care",
    needsInPersonReview: false,
    reviewAfterDays: 14,
    typicalSymptoms: ["bruising", "injury", "pain"],
    advice: {
      en: "Bruises usually fade over about 2 weeks, changing colour as they heal; a cold compress on the first day and rest can help. See a doctor if you bruise easily or without an injury, bruises come with bleeding gums or nosebleeds, or it is not better after 2 weeks. Spots or a rash that do not fade when pressed, with a fever or feeling unwell, need emergency care. After a head injury, or a hard knock while taking blood thinners, see a doctor today.",
      zh: "瘀伤通常在约两周内逐渐消退，愈合时颜色会变化；受伤后第一天冷敷并休息会有帮助。如果容易出现瘀青或没有外伤就出现、同时有牙龈出血或流鼻血，或两周后仍未好转，请去看医生。按压不褪色的红点或皮疹，同时发烧或感觉不舒服，需要急救。头部受伤后，或正在服用抗凝药时受到较重撞击，请今天就医。",
    },
  },
  {
    id: "dermatofibroma",
    name: { en: "Dermatofibroma (harmless firm bump)", zh: "皮肤纤维瘤（良性硬结）" },
    terms: ["a dermatofibroma", "a firm benign skin nodule"],
    urgency: "self_care",
    needsInPersonReview: false,
    moleLike: true,
    typicalSymptoms: ["firm_bump", "itch"],
    advice: {
      en: "Dermatofibromas are common, harmless firm bumps, often on the legs, sometimes after an insect bite or a small injury. They usually need no treatment. See a doctor if it grows, changes or bleeds, or if you are unsure: other spots can look similar.",
      zh: "皮肤纤维瘤是常见的良性硬结，多见于腿部，有时出现在虫咬或小外伤之后，通常无需治疗。如果它长大、变化或出血，或您不确定，请去医院皮肤科就诊：其他斑点可能看起来相似。",
    },
  },
  {
    id: "cherry_angioma",
    name: { en: "Cherry angioma (harmless blood-vessel spot)", zh: "樱桃状血管瘤（良性血管斑点）" },
    terms: ["a cherry angioma", "a benign vascular skin lesion", "a small bright red blood vessel spot"],
    urgency: "self_care",
    needsInPersonReview: false,
    typicalSymptoms: ["redness"],
    advice: {
      en: "Cherry angiomas are small red spots made of tiny blood vessels. They are very common, become more frequent with age, and are harmless. If one bleeds after a knock, press on it firmly with a clean cloth. See a doctor if a spot bleeds often, changes quickly, or looks different from the others. Many small flat red or purple spots that appear suddenly and do not fade when pressed are different: see a doctor today.",
      zh: "樱桃状血管瘤是由微小血管组成的小红点，很常见，随年龄增多，属于良性。如果碰破出血，用干净的布用力按压即可。如果经常出血、变化很快，或看起来与其他斑点不同，请去看医生。如果突然出现许多扁平、按压不褪色的小红点或紫点，情况不同，请今天就医。",
    },
  },
  {
    id: "vitiligo",
    name: { en: "Vitiligo", zh: "白癜风" },
    terms: ["vitiligo", "depigmented white patches of vitiligo"],
    urgency: "doctor",
    needsInPersonReview: false,
    typicalSymptoms: ["white_patches"],
    advice: {
      en: "Vitiligo makes patches of skin lose their colour. It is not contagious and does not harm your general health, but a doctor can confirm it, check for related conditions and discuss treatment: book a routine appointment. The pale patches burn easily, so protect them from the sun.",
      zh: "白癜风会使部分皮肤失去颜色。它不传染，也不影响整体健康，但医生可以确诊、检查相关疾病并讨论治疗，请预约医院皮肤科。白斑处容易晒伤，请注意防晒。",
    },
  },
  // ---- infections and conditions a doctor should see -----------------------------------------------
  {
    id: "scabies",
    name: { en: "Scabies", zh: "疥疮" },
    terms: ["scabies", "a scabies mite infestation"],
    urgency: "doctor",
    needsInPersonReview: false,
    typicalSymptoms: ["itch", "night_itch", "household"],
    advice: {
      en: "Scabies is caused by tiny mites and spreads through close skin contact. It needs a treatment from a doctor or pharmacist, usually for everyone at home at the same time, together with washing bedding and clothes. Book a routine appointment, or ask a pharmacist, to confirm it; the itch can last a few weeks even after successful treatment.",
      zh: "疥疮由微小的螨虫引起，通过密切的皮肤接触传播。需要医生或药师开的药治疗，通常家里所有人要同时治疗，并清洗床品和衣物。请预约医院皮肤科或咨询药师确诊；即使治疗成功，瘙痒也可能持续几周。",
    },
  },
  {
    id: "impetigo",
    name: { en: "Impetigo", zh: "脓疱疮" },
    terms: ["impetigo", "impetigo with honey-coloured crusts"],
    urgency: "doctor_soon",
    needsInPersonReview: false,
    typicalSymptoms: ["crusting", "blisters", "pus", "spreading"],
    advice: {
      en: "Impetigo is a contagious bacterial skin infection, common in children, that usually needs an antibiotic cream or tablets: see a doctor within 2 to 3 days. Until it has healed, or for as long as the doctor advises, avoid touching the sores, wash hands often and don't share towels. If it spreads fast, or there is a fever or the person feels unwell, see a doctor today.",
      zh: "脓疱疮是一种有传染性的细菌性皮肤感染，儿童常见，通常需要抗生素药膏或口服药：请在2到3天内就医。在痊愈之前（或按医生建议的时间），避免触摸患处，勤洗手，不要共用毛巾。如果扩散很快，或伴有发烧、精神不好，请今天就医。",
    },
  },
  {
    id: "abscess",
    name: { en: "Abscess or boil", zh: "脓肿或疖子" },
    terms: ["a skin abscess", "a boil with pus", "a red swollen painful lump full of pus"],
    urgency: "doctor_soon",
    needsInPersonReview: false,
    typicalSymptoms: ["boil", "pus", "pain", "swelling", "redness", "warmth"],
    advice: {
      en: "A boil or abscess is a painful collection of pus under the skin. A warm compress can help a small boil drain; don't squeeze or cut it. See a doctor within 2 to 3 days if it is large, very painful, keeps growing or comes back; it may need draining or antibiotics. If you have a fever, the redness is spreading, it is on the face, or you have diabetes or a weak immune system, see a doctor today.",
      zh: "疖子或脓肿是皮下积脓，会疼痛。热敷可以帮助小疖子排脓；请不要挤压或自己切开。如果范围大、非常疼、持续长大或反复发作，请在2到3天内就医，可能需要切开引流或用抗生素。如果发烧、红肿范围在扩大、长在面部，或您有糖尿病、免疫力低下，请今天就医。",
    },
  },
  {
    id: "cellulitis",
    name: { en: "Cellulitis (skin infection)", zh: "蜂窝织炎（皮肤感染）" },
    terms: ["cellulitis", "a red swollen skin infection"],
    urgency: "same_day",
    needsInPersonReview: true,
    typicalSymptoms: ["redness", "swelling", "warmth", "pain", "spreading", "fever"],
    advice: {
      en: `Cellulitis is an infection of the deeper skin that usually needs antibiotics: see a doctor today. Marking the edge of the redness with a pen helps show whether it is spreading. If it spreads very fast, the pain is much worse than it looks, the skin turns dark, you feel very unwell, drowsy or confused, or it is around the eye with eye pain or changes in vision: ${EMERGENCY_EN}`,
      zh: `蜂窝织炎是皮肤深层的感染，通常需要抗生素治疗：请今天就医。用笔标出发红区域的边缘，有助于观察是否在扩散。如果扩散得非常快、疼痛远比看起来严重、皮肤发暗发黑、感觉非常不舒服、嗜睡或意识不清，或发生在眼周并伴有眼痛或视力改变，${EMERGENCY_ZH}`,
    },
  },
  {
    id: "herpes_zoster",
    name: { en: "Shingles (herpes zoster)", zh: "带状疱疹" },
    terms: ["shingles", "herpes zoster", "a band of blisters on one side of the body"],
    urgency: "same_day",
    needsInPersonReview: true,
    typicalSymptoms: ["pain", "blisters", "one_side_band", "tingling", "burning", "shingles_word"],
    advice: {
      en: "Shingles is a painful rash caused by the chickenpox virus becoming active again. Antiviral medicine works best when started within 3 days of the rash appearing, so see a doctor today. Keep the rash covered and keep away from pregnant women, newborn babies and people with a weak immune system. Shingles near the eye, on the forehead or on the tip of the nose also needs an eye check today.",
      zh: "带状疱疹是潜伏的水痘病毒重新活跃引起的疼痛性皮疹。抗病毒药在出疹后3天内开始效果最好，所以请今天就医。请遮盖皮疹，远离孕妇、新生儿和免疫力低下的人。如果长在眼睛附近、额头或鼻尖，也需要今天检查眼睛。",
    },
  },
  {
    id: "chickenpox",
    name: { en: "Chickenpox (varicella)", zh: "水痘" },
    terms: ["chickenpox", "varicella", "the itchy spots and blisters of chickenpox"],
    urgency: "doctor",
    needsInPersonReview: false,
    typicalSymptoms: ["blisters", "itch", "fever", "widespread", "crusting", "chickenpox_word"],
    advice: {
      en: "Chickenpox is a contagious viral illness that usually gets better on its own in 1 to 2 weeks. A doctor can confirm it at a routine appointment: phone before going in, so you don't spread it in the waiting room. Stay off school or work until all the spots have crusted over. Ask a pharmacist before giving any medicine for pain or fever, as some (such as ibuprofen) are not advised with chickenpox. Adults, pregnant women, newborn babies and anyone with a weak immune system should see a doctor today, as should anyone whose blisters become red, hot and painful. For difficulty breathing or unusual drowsiness: call your local emergency number now (112, 911 or 999).",
      zh: "水痘是一种有传染性的病毒性疾病，通常1到2周内自行好转。可以预约医生确诊，去医院前请先打电话说明情况，以免在候诊时传染他人。在所有疹子结痂之前不要上学或上班。使用任何止痛或退烧药之前请先咨询药师，因为有些药（如布洛芬）不建议用于水痘。成人、孕妇、新生儿或免疫力低下者，或水疱周围皮肤红、烫、痛时，请今天就医；如果出现呼吸困难或异常嗜睡，请立即拨打120急救电话。",
    },
  },
  {
    id: "scarlet_fever",
    name: { en: "Scarlet fever", zh: "猩红热" },
    terms: [
      "scarlet fever",
      "a fine red sandpaper-like rash of scarlet fever",
      "a strawberry tongue and red rash of scarlet fever",
    ],
    urgency: "doctor_soon",
    needsInPersonReview: false,
    typicalSymptoms: ["fever", "rough", "red_lips_tongue", "rash", "widespread"],
    advice: {
      en: "Scarlet fever is a contagious bacterial infection, mostly in children, with a sore throat, fever and a rough, sandpaper-like rash. It is treated with antibiotics: see a doctor within 2 to 3 days, and phone first. Keep the child off school until 24 hours after starting antibiotics. If the child is very unwell, drowsy, not drinking, or the rash does not fade when pressed, see a doctor today.",
      zh: "猩红热是一种有传染性的细菌感染，多见于儿童，表现为咽痛、发烧和摸起来像砂纸一样的细小红疹，需要抗生素治疗：请在2到3天内就医，去之前先打电话。开始用抗生素后满24小时前不要上学。如果孩子精神很差、嗜睡、不肯喝水，或皮疹按压不褪色，请今天就医。",
    },
  },
  {
    id: "measles",
    name: { en: "Measles", zh: "麻疹" },
    terms: ["measles", "the blotchy red-brown rash of measles", "a measles rash spreading from the face"],
    urgency: "same_day",
    needsInPersonReview: true,
    typicalSymptoms: ["fever", "rash", "red_eyes", "widespread"],
    advice: {
      en: `Measles is a very contagious viral illness: a high fever, cough, runny nose and red eyes, then a blotchy rash that spreads from the face. It can be serious, especially for babies, pregnant women and people with a weak immune system. See a doctor today, and phone first so you don't spread it in the waiting room. For difficulty breathing, drowsiness or a fit: ${EMERGENCY_EN}`,
      zh: `麻疹是一种传染性很强的病毒性疾病：先高烧、咳嗽、流涕、眼睛发红，然后从面部开始出现斑片状皮疹。它可能很严重，尤其是对婴儿、孕妇和免疫力低下的人。请今天就医，去之前先打电话，以免在候诊时传染他人。如果出现呼吸困难、嗜睡或抽搐，${EMERGENCY_ZH}`,
    },
  },
  {
    id: "kawasaki",
    name: { en: "Possible Kawasaki disease (children)", zh: "可能的川崎病（儿童）" },
    terms: [
      "Kawasaki disease",
      "a child with red eyes, red cracked lips and a rash",
      "swollen red hands and feet in Kawasaki disease",
    ],
    urgency: "same_day",
    needsInPersonReview: true,
    typicalSymptoms: ["fever", "red_eyes", "red_lips_tongue", "hands_feet_changes", "neck_lump", "rash"],
    advice: {
      en: "Kawasaki disease mostly affects children under 5: a fever for 5 days or more with red eyes, red cracked lips, a rash, swollen red hands or feet and swollen neck glands. It can affect the heart and needs hospital treatment, so see a doctor today. Only an examination in person can tell.",
      zh: "川崎病主要见于5岁以下儿童：发烧5天或以上，伴有眼睛发红、口唇红裂、皮疹、手脚红肿和颈部淋巴结肿大。它可能影响心脏，需要住院治疗，请今天就医。只有面诊才能判断。",
    },
  },
  {
    id: "mpox",
    name: { en: "Mpox (monkeypox)", zh: "猴痘" },
    terms: ["mpox", "monkeypox lesions", "firm pus-filled blisters of mpox"],
    urgency: "doctor_soon",
    needsInPersonReview: true,
    typicalSymptoms: ["blisters", "pus", "genital", "fever", "neck_lump", "sexual_contact", "sore"],
    advice: {
      en: "Some features can be seen in mpox, a viral infection that spreads through close contact, including sex. Phone a doctor or a sexual health clinic within 2 to 3 days and say you are worried about mpox; avoid close contact and sharing towels or bedding until you have been checked. If the eye is affected, or you are very unwell, see a doctor today.",
      zh: "某些特征可见于猴痘，这是一种通过密切接触（包括性接触）传播的病毒感染。请在2到3天内致电医院皮肤科或感染科，说明您担心猴痘；在检查之前避免密切接触，不要共用毛巾或床品。如果累及眼睛，或感觉非常不舒服，请今天就医。",
    },
  },
  {
    id: "genital_herpes",
    name: { en: "Genital herpes", zh: "生殖器疱疹" },
    terms: [
      "genital herpes",
      "painful blisters and sores on the genitals",
      "herpes simplex on the genital skin",
    ],
    urgency: "doctor_soon",
    needsInPersonReview: false,
    typicalSymptoms: ["genital", "blisters", "pain", "sexual_contact", "tingling", "sore"],
    advice: {
      en: "Some features can be seen in genital herpes, a common virus passed on by skin contact during sex. Treatment works best when started early: see a doctor or a sexual health clinic within 2 to 3 days. Avoid sex until the sores have healed. If you are pregnant, cannot pass urine, or have a severe headache or stiff neck, see a doctor today.",
      zh: "某些特征可见于生殖器疱疹，这是一种通过性接触传播的常见病毒感染。越早治疗效果越好：请在2到3天内去医院皮肤科或性病门诊就诊。在溃疡愈合前避免性生活。如果您怀孕了、排尿困难，或有剧烈头痛、脖子发硬，请今天就医。",
    },
  },
  {
    id: "erythema_migrans",
    name: { en: "Possible Lyme disease rash (erythema migrans)", zh: "可能的莱姆病皮疹（游走性红斑）" },
    terms: [
      "erythema migrans",
      "a bull's-eye rash after a tick bite",
      "an expanding red ring of Lyme disease",
    ],
    urgency: "doctor_soon",
    needsInPersonReview: true,
    typicalSymptoms: ["bullseye", "tick_bite", "ring_shape", "spreading", "redness"],
    advice: {
      en: "Some features can be seen in erythema migrans, the spreading red ring of Lyme disease, which can follow a tick bite by days or weeks. It is treated with antibiotics: see a doctor within 2 to 3 days and mention any tick bite. If one side of the face droops or you have a severe headache, a stiff neck or chest pain, see a doctor today.",
      zh: "某些特征可见于游走性红斑，这是莱姆病逐渐扩大的红圈，可出现在蜱虫叮咬后数天到数周。需要抗生素治疗：请在2到3天内就医，并告诉医生是否被蜱虫叮咬过。如果一侧面部下垂，或出现剧烈头痛、脖子发硬或胸痛，请今天就医。",
    },
  },
  {
    id: "drug_eruption",
    name: { en: "Drug rash (reaction to a medicine)", zh: "药疹（药物引起的皮疹）" },
    terms: ["a drug eruption", "a widespread red rash caused by a medication", "a morbilliform drug rash"],
    urgency: "doctor_soon",
    needsInPersonReview: false,
    typicalSymptoms: ["new_medicine", "widespread", "rash", "itch", "redness"],
    advice: {
      en: `Some features can be seen in a drug rash, a reaction to a medicine that usually starts days to weeks after starting it. See a doctor within 2 to 3 days, and tell the doctor who prescribed the medicine rather than stopping it on your own. If you have a fever, swollen face or glands, or feel unwell, see a doctor today. If the skin blisters or peels, there are sores in the mouth, eyes or genitals, or the lips or tongue swell or breathing is difficult: ${EMERGENCY_EN}`,
      zh: `某些特征可见于药疹，这是对药物的反应，通常在开始用药后几天到几周出现。请在2到3天内就医，并告诉开药的医生，不要自行停药。如果发烧、面部或淋巴结肿大，或感觉不舒服，请今天就医。如果皮肤起疱或脱落，口腔、眼睛或生殖器溃烂，或嘴唇、舌头肿胀、呼吸困难，${EMERGENCY_ZH}`,
    },
  },
  {
    id: "pressure_ulcer",
    name: { en: "Pressure ulcer (bedsore)", zh: "压疮（褥疮）" },
    terms: ["a pressure ulcer", "a bedsore over the sacrum", "a pressure sore on the heel"],
    urgency: "doctor_soon",
    needsInPersonReview: true,
    typicalSymptoms: ["pressure_area", "sore", "redness", "non_healing"],
    advice: {
      en: "Some features can be seen in a pressure ulcer, skin damage from staying in one position, often over the tailbone, hips or heels. Change position often, keep the skin clean and dry, and ask about a pressure-relieving mattress or cushion. See a doctor or nurse within 2 to 3 days. If it smells, oozes pus, the skin around it is red and hot, or there is a fever, see a doctor today.",
      zh: "某些特征可见于压疮，这是长时间保持同一姿势造成的皮肤损伤，常见于尾骨、髋部或脚后跟。请经常变换体位，保持皮肤清洁干燥，并询问能否使用减压床垫或坐垫。请在2到3天内就医（医生或护士）。如果有臭味、流脓、周围皮肤红烫，或出现发烧，请今天就医。",
    },
  },
  {
    id: "diabetic_foot_ulcer",
    forGroup: "diabetes",
    name: { en: "Diabetic foot ulcer", zh: "糖尿病足溃疡" },
    terms: [
      "a diabetic foot ulcer",
      "a neuropathic ulcer on the sole of the foot",
      "a non-healing wound on the foot of a diabetic",
    ],
    urgency: "same_day",
    needsInPersonReview: true,
    typicalSymptoms: ["diabetes", "foot", "sore", "non_healing", "smell"],
    advice: {
      en: `Some features can be seen in a diabetic foot ulcer. With diabetes, even a small wound on the foot can become a serious infection: see a doctor or your foot care team today. Keep weight off the foot and keep the wound clean and covered. If the foot turns black, smells, the redness spreads fast, or you have a fever or feel unwell: ${EMERGENCY_EN}`,
      zh: `某些特征可见于糖尿病足溃疡。糖尿病患者脚上即使很小的伤口也可能发展为严重感染：请今天就医（医院内分泌科、糖尿病足门诊或皮肤科）。请尽量不要让患脚负重，保持伤口清洁并覆盖。如果脚发黑、有臭味、红肿迅速扩散，或出现发烧、感觉不舒服，${EMERGENCY_ZH}`,
    },
  },
  {
    id: "eczema_herpeticum",
    name: {
      en: "Possible eczema herpeticum (herpes infection of eczema)",
      zh: "可能的疱疹样湿疹（湿疹合并疱疹病毒感染）",
    },
    terms: [
      "eczema herpeticum",
      "clustered punched-out erosions on eczema",
      "a herpes simplex infection spreading over eczema",
    ],
    urgency: "same_day",
    needsInPersonReview: true,
    typicalSymptoms: ["eczema_word", "blisters", "pain", "fever", "crusting", "cold_sore"],
    advice: {
      en: "Some features can be seen in eczema herpeticum, an infection of eczema with the cold-sore virus: painful clusters of blisters or small punched-out sores that spread quickly, sometimes with a fever. It needs antiviral treatment: see a doctor today. If it is near the eye, say so: the eye needs checking today too.",
      zh: "某些特征可见于疱疹样湿疹，这是湿疹合并唇疱疹病毒感染：疼痛、成簇的水疱或凿孔样小溃疡，扩散很快，有时伴有发烧。需要抗病毒治疗：请今天就医。如果靠近眼睛，请告诉医生：也需要今天检查眼睛。",
    },
  },
  // ---- spots, growths and possible skin cancers ----------------------------------------------------
  {
    id: "seborrhoeic_keratosis",
    name: { en: "Seborrhoeic keratosis (harmless growth)", zh: "脂溢性角化病（老年斑）" },
    terms: ["a seborrheic keratosis", "a benign keratosis", "a waxy stuck-on brown skin growth"],
    urgency: "doctor",
    needsInPersonReview: false,
    moleLike: true,
    typicalSymptoms: ["rough", "dark_colour"],
    advice: {
      en: "These 'stuck-on' growths are very common with age and are harmless. Because they can look like other dark spots, have a doctor check it once to be sure: book a routine appointment. If it bleeds, grows quickly, or changes in colour or shape, see a doctor within 2 to 3 days.",
      zh: "这种像“贴”在皮肤上的增生随年龄增长很常见，属于良性。由于它可能与其他深色斑点相似，请预约医院皮肤科检查一次以确认。如果出血、迅速长大或颜色、形状改变，请在2到3天内就医。",
    },
  },
  {
    id: "naevus",
    name: { en: "Mole (benign naevus)", zh: "痣（良性色素痣）" },
    terms: ["a benign mole", "a melanocytic nevus", "a common mole"],
    urgency: "self_care",
    needsInPersonReview: false,
    moleLike: true,
    // Not "mole": melanoma is a mole too, so the word itself must not favour the benign finding.
    typicalSymptoms: ["since_childhood"],
    advice: {
      en: "Most moles are harmless. Check your moles every month with the ABCDE rule: Asymmetry, irregular Border, several Colours, Diameter over 6 mm, and Evolving (changing). Protect your skin from the sun. If a mole is new in adulthood, changes in size, shape or colour, bleeds or itches, or looks different from your other moles, see a doctor within 2 to 3 days.",
      zh: "大多数痣是良性的。请每月按ABCDE原则自查：不对称（A）、边缘不规则（B）、颜色不均（C）、直径大于6毫米（D）、有变化（E）。注意防晒。如果成年后新长出痣，或痣的大小、形状、颜色改变、出血、发痒，或看起来与其他痣不同，请在2到3天内就医。",
    },
  },
  {
    id: "melanoma",
    name: { en: "Possible melanoma (skin cancer)", zh: "可能的黑色素瘤（皮肤癌）" },
    terms: ["melanoma", "malignant melanoma", "an irregular dark mole that could be melanoma"],
    urgency: "doctor_soon",
    needsInPersonReview: true,
    moleLike: true,
    typicalSymptoms: [
      "changing",
      "size_change",
      "colour_change",
      "shape_change",
      "bleeding",
      "new_lesion",
      "dark_colour",
      "large_lesion",
      "nail_streak",
    ],
    advice: {
      en: "Some features of this spot can be seen in melanoma, a serious skin cancer that is very treatable when found early. Only an examination in person can tell. Please see a doctor within 2 to 3 days and say that you are worried about a possible skin cancer, so that you are referred quickly. Until then, protect it from the sun and don't try to remove it.",
      zh: "这个斑点的某些特征可见于黑色素瘤，这是一种严重的皮肤癌，但早期发现时非常可治。只有面诊才能判断。请在2到3天内去医院皮肤科就诊，并说明您担心可能是皮肤癌，以便优先安排检查。在此之前请注意防晒，不要自行去除。",
    },
  },
  {
    id: "basal_cell_carcinoma",
    name: { en: "Possible basal cell carcinoma (skin cancer)", zh: "可能的基底细胞癌（皮肤癌）" },
    terms: ["basal cell carcinoma", "a pearly bump of basal cell carcinoma"],
    urgency: "doctor",
    needsInPersonReview: true,
    typicalSymptoms: ["pearly", "non_healing", "bleeding", "sun_exposure"],
    advice: {
      en: "Some features can be seen in basal cell carcinoma, the most common skin cancer. It grows slowly and rarely spreads, but it does need treatment, and only an examination in person can tell: please book a routine appointment. If it bleeds, grows or has not healed after 4 weeks, see a doctor within 2 to 3 days, and protect your skin from the sun.",
      zh: "某些特征可见于基底细胞癌，这是最常见的皮肤癌。它生长缓慢，很少转移，但需要治疗，而且只有面诊才能判断：请预约医院皮肤科。如果出血、长大或4周仍未愈合，请在2到3天内就医，并注意防晒。",
    },
  },
  {
    id: "squamous_cell_carcinoma",
    name: { en: "Possible squamous cell carcinoma (skin cancer)", zh: "可能的鳞状细胞癌（皮肤癌）" },
    terms: ["squamous cell carcinoma", "cutaneous squamous cell carcinoma"],
    urgency: "doctor_soon",
    needsInPersonReview: true,
    typicalSymptoms: ["non_healing", "rough", "bleeding", "rapid_growth", "crusting", "sun_exposure"],
    advice: {
      en: "Some features can be seen in squamous cell carcinoma, a common skin cancer that should be treated without delay because it can grow and, occasionally, spread. Only an examination in person can tell: please see a doctor within 2 to 3 days. Protect the area from the sun and don't try to remove it.",
      zh: "某些特征可见于鳞状细胞癌，这是一种常见的皮肤癌，可能长大并偶尔转移，应及早治疗。只有面诊才能判断：请在2到3天内去医院皮肤科就诊。注意防晒，不要自行去除。",
    },
  },
  {
    id: "actinic_keratosis",
    name: { en: "Actinic keratosis (sun damage, pre-cancer)", zh: "光线性角化病（日光损伤，癌前病变）" },
    terms: ["actinic keratosis", "solar keratosis", "a rough scaly sun-damaged patch"],
    urgency: "doctor",
    needsInPersonReview: true,
    typicalSymptoms: ["rough", "scaling", "sun_exposure", "redness"],
    advice: {
      en: "Actinic keratoses are rough patches caused by years of sun. They are not cancer, but a few can turn into skin cancer, so a doctor should look at them and may suggest treatment: book a routine appointment. Use sunscreen and cover up. If a patch becomes thick or tender, bleeds or grows quickly, see a doctor within 2 to 3 days.",
      zh: "光线性角化病是多年日晒引起的粗糙斑块。它不是癌症，但少数可能发展为皮肤癌，因此应请医生查看，医生可能建议治疗：请预约医院皮肤科。请使用防晒霜并遮挡阳光。如果斑块变厚、触痛、出血或迅速长大，请在2到3天内就医。",
    },
  },
  // ---- needs care today or now ---------------------------------------------------------------------
  {
    id: "purpura",
    name: { en: "Purpura or petechiae (spots that do not fade)", zh: "紫癜或出血点（按压不褪色）" },
    terms: ["purpura", "petechiae, tiny purple-red spots that do not fade", "a non-blanching purple rash"],
    urgency: "same_day",
    needsInPersonReview: true,
    typicalSymptoms: ["purpura", "non_blanching", "bruising", "rash"],
    advice: {
      en: `Some features can be seen in purpura: small red or purple spots or patches that do not fade when a glass is pressed on them, caused by bleeding under the skin. They need a doctor today, with blood tests. If there is also a fever, the person feels very unwell, is drowsy or confused, or has a stiff neck: ${EMERGENCY_EN}`,
      zh: `某些特征可见于紫癜：用玻璃杯按压也不褪色的红色或紫色小点或斑片，由皮下出血引起。需要今天就医并验血。如果同时发烧、感觉非常不舒服、嗜睡、意识不清或脖子发硬，${EMERGENCY_ZH}`,
    },
  },
  {
    id: "angioedema",
    name: {
      en: "Angio-oedema (deep swelling, often of the lips or eyes)",
      zh: "血管性水肿（常见于嘴唇或眼周的深层肿胀）",
    },
    terms: [
      "angioedema",
      "swollen lips from an allergic reaction",
      "sudden swelling of the lips and eyelids",
    ],
    urgency: "emergency",
    needsInPersonReview: true,
    typicalSymptoms: ["airway_swelling", "face_swelling", "eye_swelling", "swelling", "wheals"],
    advice: {
      en: `Some features can be seen in angio-oedema, a deep swelling of the skin, often of the lips, eyes or tongue, that can be part of a severe allergic reaction. If the lips, tongue, mouth or throat are swelling, the voice changes, or breathing or swallowing is difficult: ${EMERGENCY_EN} Use an adrenaline auto-injector if you have one. If only the eyelids or face are swollen and breathing is normal, see a doctor today.`,
      zh: `某些特征可见于血管性水肿，这是皮肤深层的肿胀，常见于嘴唇、眼周或舌头，可能是严重过敏反应的一部分。如果嘴唇、舌头、口腔或喉咙在肿胀，声音改变，或呼吸、吞咽困难，${EMERGENCY_ZH}如果有肾上腺素自动注射笔，请立即使用。如果只是眼皮或面部肿胀、呼吸正常，请今天就医。`,
    },
  },
  {
    id: "sjs_ten",
    name: {
      en: "Possible Stevens-Johnson syndrome or TEN (severe drug reaction)",
      zh: "可能的史蒂文斯-约翰逊综合征或中毒性表皮坏死松解症（重症药疹）",
    },
    terms: [
      "Stevens-Johnson syndrome",
      "toxic epidermal necrolysis with peeling skin",
      "a severe blistering drug reaction with mouth sores",
    ],
    urgency: "emergency",
    needsInPersonReview: true,
    typicalSymptoms: ["skin_peeling", "blisters", "mucosal", "new_medicine", "fever", "pain", "widespread"],
    advice: {
      en: `Some features can be seen in Stevens-Johnson syndrome or toxic epidermal necrolysis, rare but severe reactions, usually to a medicine, with blistering or peeling skin and sores in the mouth, eyes or genitals. ${EMERGENCY_EN} Take the medicines you have been using with you, or a list of them.`,
      zh: `某些特征可见于史蒂文斯-约翰逊综合征或中毒性表皮坏死松解症，这是少见但严重的反应，通常由药物引起，表现为皮肤起疱或脱落，以及口腔、眼睛或生殖器溃烂。${EMERGENCY_ZH}请带上您最近在用的药或药品清单。`,
    },
  },
  {
    id: "necrotising_fasciitis",
    name: {
      en: "Possible necrotising fasciitis (severe deep infection)",
      zh: "可能的坏死性筋膜炎（严重深部感染）",
    },
    terms: [
      "necrotizing fasciitis",
      "a rapidly spreading dusky purple skin infection",
      "dark blistered skin of a necrotising soft tissue infection",
    ],
    urgency: "emergency",
    needsInPersonReview: true,
    typicalSymptoms: [
      "severe_pain",
      "pain_out_of_proportion",
      "rapid_spread",
      "black_tissue",
      "fever",
      "swelling",
    ],
    advice: {
      en: `Some features can be seen in necrotising fasciitis, a rare but very serious infection under the skin: pain much worse than the skin looks, fast spread, dark or blistered skin, and fever. If this fits: ${EMERGENCY_EN} Otherwise, a red, painful, warm area still needs a doctor today.`,
      zh: `某些特征可见于坏死性筋膜炎，这是一种少见但非常严重的皮下感染：疼痛远比皮肤看起来严重、扩散很快、皮肤发暗或起疱，并伴有发烧。如果有这些情况，${EMERGENCY_ZH}否则，红、痛、烫的区域也需要今天就医。`,
    },
  },
  {
    id: "normal_skin",
    name: { en: "No visible skin problem", zh: "未见明显皮肤问题" },
    terms: ["normal healthy skin"],
    templates: [
      "a close-up photo of {}",
      "This is a skin image of {} with no rash or lesion.",
      "a photo of clear, {}",
    ],
    urgency: "self_care",
    needsInPersonReview: false,
    typicalSymptoms: [],
    advice: {
      en: "The photo does not show an obvious skin problem. If you have symptoms or something changes, take a clear close-up photo in daylight, or see a doctor.",
      zh: "照片中没有看到明显的皮肤问题。如果您有不适症状或情况发生变化，请在自然光下拍一张清晰的近照，或去看医生。",
    },
  },
];

const byId = new Map(catalogue.map((entry) => [entry.id, entry]));

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return byId.get(id);
}
