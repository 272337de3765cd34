/**
 * The condition catalogue: data, versioned, reviewed in a PR like code.
 * Bump CATALOGUE_VERSION on any change to ids, prompts, urgency or advice: assessments carry it.
 *
 * Writing rules for the advice: plain words, no doses, hedge the finding ("some features fit ..."),
 * and always say when to see a doctor. Urgency is what to do when this is the most likely finding;
 * red flags in the patient's words and `needsInPersonReview` can only raise it (see triage.ts).
 */
import type { CatalogueEntry } from "./types";

export const CATALOGUE_VERSION = "1.0.0";

/** MONET / DermLIP-style templates; `{}` is replaced by each of an entry's terms. */
export const PROMPT_TEMPLATES: readonly string[] = [
  "This is a skin image of {}.",
  "a close-up photo of {} on the skin",
  "a clinical photograph of {}",
  "a dermatology photo showing {}",
];

export const catalogue: readonly CatalogueEntry[] = [
  {
    id: "eczema",
    name: { en: "Eczema (atopic dermatitis)", zh: "湿疹（特应性皮炎）" },
    terms: ["eczema", "atopic dermatitis"],
    urgency: "self_care",
    needsInPersonReview: false,
    reviewAfterDays: 14,
    typicalSymptoms: ["itch", "dryness", "redness", "scaling", "oozing"],
    advice: {
      en: "Eczema is common and not contagious. Moisturise often with a fragrance-free emollient, use a mild soap substitute, and avoid known triggers and scratching. See a doctor if it does not improve within 2 weeks, disturbs sleep, or becomes painful, weepy or crusted, or if you feel unwell: it may be infected.",
      zh: "湿疹很常见，不会传染。经常使用无香料的润肤剂保湿，用温和的清洁产品代替普通肥皂，避开已知诱因，尽量不要搔抓。如果两周内没有好转、影响睡眠，或变得疼痛、渗液、结痂，或感到全身不适（可能已感染），请去看医生。",
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
      en: "This is a reaction to something that touched the skin, such as a soap, cosmetic, metal or plant. Try to find and avoid the cause, rinse the area gently with water, and keep it moisturised. See a doctor if it is severe, blisters widely, is on the face or genitals, or is not better within 2 weeks of avoiding the cause.",
      zh: "这是皮肤对接触物（如肥皂、化妆品、金属或植物）的反应。尽量找出并避开诱因，用清水轻轻冲洗患处并保持湿润。如果症状严重、大面积起水疱、发生在面部或生殖器，或避开诱因两周后仍未好转，请去看医生。",
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
      en: "Psoriasis is a long-term condition and is not contagious. A doctor can confirm it and discuss treatments that work well; meanwhile keep the skin moisturised. See a doctor sooner if large areas of skin become red and inflamed, or if your joints are painful or swollen.",
      zh: "银屑病是一种长期的皮肤病，不会传染。医生可以确诊并与你讨论有效的治疗方法；在此期间请保持皮肤湿润。如果大面积皮肤发红发炎，或关节疼痛、肿胀，请尽早就医。",
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
      en: "Hives are often set off by an allergy, an infection or a medicine, and usually settle within days. Avoid anything you suspect and keep cool. Call an emergency number at once if the lips, face, tongue or throat swell or breathing becomes difficult. See a doctor if hives keep coming back or last more than 6 weeks. If you think a medicine caused them, contact the doctor who prescribed it rather than stopping it on your own.",
      zh: "荨麻疹常由过敏、感染或药物引起，通常几天内消退。避开可疑诱因，保持凉爽。如果嘴唇、面部、舌头或喉咙肿胀，或出现呼吸困难，请立即拨打急救电话。如果反复发作或持续超过6周，请去看医生。如果怀疑与某种药物有关，请联系开药的医生，不要自行停药。",
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
      en: "Acne is very common. Wash gently twice a day, don't squeeze spots, and choose non-greasy (non-comedogenic) products; a pharmacist can suggest suitable treatments. See a doctor if it is severe, leaves scars or dark marks, causes painful lumps under the skin, or affects your mood.",
      zh: "痤疮非常常见。每天温和清洁两次，不要挤痘，选择不致痘（非油性）的产品；药师可以推荐合适的产品。如果痤疮严重、留下疤痕或色素沉着、出现疼痛的皮下硬结，或影响情绪，请去看医生。",
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
      en: "Rosacea causes facial redness and flushing that comes and goes. Common triggers are sun, heat, alcohol and spicy food; use a gentle cleanser and daily sunscreen. A doctor can confirm it and offer treatment. See a doctor promptly if your eyes become painful or red, or your vision changes.",
      zh: "玫瑰痤疮表现为面部发红和潮红，时轻时重。常见诱因包括日晒、高温、饮酒和辛辣食物；请使用温和的洁面产品并每天防晒。医生可以确诊并提供治疗。如果眼睛疼痛、发红或视力改变，请及时就医。",
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
      en: "Ringworm is a common fungal infection, not a worm. Antifungal creams from a pharmacy usually work: follow the leaflet and keep using it for as long as it says, even after the rash fades. Keep the skin clean and dry and don't share towels. See a doctor if it is on the scalp or nails, spreads widely, or has not improved after 2 weeks of treatment.",
      zh: "癣是一种常见的真菌感染（不是虫子）。药店的抗真菌外用药通常有效：请按说明书使用，即使皮疹消退也要按说明用足时间。保持皮肤清洁干燥，不要共用毛巾。如果发生在头皮或指甲、大范围扩散，或治疗两周后仍无好转，请去看医生。",
    },
  },
  {
    id: "scabies",
    name: { en: "Scabies", zh: "疥疮" },
    terms: ["scabies", "a scabies mite infestation"],
    urgency: "doctor",
    needsInPersonReview: false,
    typicalSymptoms: ["itch", "night_itch", "household"],
    advice: {
      en: "Scabies is caused by tiny mites and spreads through close skin contact. It needs a treatment from a doctor or pharmacist, usually for everyone at home at the same time, together with washing bedding and clothes. See a doctor or pharmacist to confirm it; the itch can last a few weeks even after successful treatment.",
      zh: "疥疮由微小的螨虫引起，通过密切的皮肤接触传播。需要医生或药师提供的药物治疗，通常家里所有人需要同时治疗，并清洗床品和衣物。请找医生或药师确诊；即使治疗成功，瘙痒也可能持续数周。",
    },
  },
  {
    id: "impetigo",
    name: { en: "Impetigo", zh: "脓疱疮" },
    terms: ["impetigo", "impetigo with honey-coloured crusts"],
    urgency: "doctor",
    needsInPersonReview: false,
    typicalSymptoms: ["crusting", "blisters", "pus", "spreading"],
    advice: {
      en: "Impetigo is a contagious bacterial skin infection, common in children, and usually needs an antibiotic cream or tablets: see a doctor. Until it has healed, or for as long as the doctor advises, avoid touching the sores, wash hands often and don't share towels. See a doctor soon if it spreads quickly or there is a fever.",
      zh: "脓疱疮是一种有传染性的细菌性皮肤感染，儿童常见，通常需要抗生素药膏或口服药：请去看医生。在痊愈之前（或按医生建议的时间），避免触摸患处，勤洗手，不要共用毛巾。如果迅速扩散或发烧，请尽快就医。",
    },
  },
  {
    id: "cellulitis",
    name: { en: "Cellulitis (skin infection)", zh: "蜂窝织炎（皮肤感染）" },
    terms: ["cellulitis", "a red swollen skin infection"],
    urgency: "doctor_soon",
    needsInPersonReview: true,
    typicalSymptoms: ["redness", "swelling", "warmth", "pain", "spreading", "fever"],
    advice: {
      en: "Cellulitis is an infection of the deeper skin that usually needs antibiotics: see a doctor today or tomorrow. Marking the edge of the redness with a pen helps show whether it is spreading. Get urgent care at once if it spreads fast, you have a high fever, feel very unwell or confused, or it is near the eye.",
      zh: "蜂窝织炎是皮肤深层的感染，通常需要抗生素治疗：请在今天或明天看医生。用笔标出发红区域的边缘，有助于观察是否在扩散。如果迅速扩散、高烧、感觉非常不适或意识模糊，或发生在眼睛附近，请立即急诊就医。",
    },
  },
  {
    id: "herpes_zoster",
    name: { en: "Shingles (herpes zoster)", zh: "带状疱疹" },
    terms: ["shingles", "herpes zoster", "a band of blisters on one side of the body"],
    urgency: "doctor_soon",
    needsInPersonReview: true,
    typicalSymptoms: ["pain", "blisters", "one_side_band", "tingling", "burning"],
    advice: {
      en: "Shingles is a painful rash caused by the chickenpox virus becoming active again. Antiviral treatment works best when started within about 3 days of the rash appearing, so see a doctor soon. Keep the rash covered and avoid pregnant women, newborn babies and people with a weak immune system. Get urgent care if it is on the face or near the eye, or if your immune system is weak.",
      zh: "带状疱疹是潜伏的水痘病毒重新活跃引起的疼痛性皮疹。抗病毒治疗最好在出疹后约3天内开始，所以请尽快看医生。请遮盖皮疹，避免接触孕妇、新生儿和免疫力低下的人。如果发生在面部或眼睛附近，或你的免疫力低下，请立即就医。",
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
    typicalSymptoms: ["on_lips", "blisters", "tingling", "burning", "crusting"],
    advice: {
      en: "Cold sores are common and usually heal on their own within 7 to 10 days; pharmacy creams may help if started early. They are contagious: avoid kissing and sharing cups or towels, and don't touch your eyes after touching the sore. See a doctor if it has not started to heal within 10 days, is very large, is near the eye, or your immune system is weak.",
      zh: "唇疱疹很常见，通常在7到10天内自行痊愈；早期使用药店的外用药可能有帮助。它有传染性：避免亲吻和共用杯子、毛巾，触摸患处后不要碰眼睛。如果10天内没有开始愈合、面积很大、靠近眼睛，或你的免疫力低下，请去看医生。",
    },
  },
  {
    id: "chickenpox",
    name: { en: "Chickenpox (varicella)", zh: "水痘" },
    terms: ["chickenpox", "varicella", "the itchy spots and blisters of chickenpox"],
    urgency: "doctor",
    needsInPersonReview: false,
    typicalSymptoms: ["blisters", "itch", "fever", "widespread", "crusting"],
    advice: {
      en: "Chickenpox is a contagious viral illness that usually gets better on its own within 1 to 2 weeks. A doctor can confirm it: phone first so you don't spread it in the waiting room. Stay off school or work until all the spots have crusted over. Ask a pharmacist before giving any medicine for pain or fever, as some (such as ibuprofen) are not advised with chickenpox. Get medical help soon for adults, pregnant women, newborn babies or anyone with a weak immune system, or if the skin around the blisters becomes red, hot and painful; get urgent help for difficulty breathing or unusual drowsiness.",
      zh: "水痘是一种有传染性的病毒性疾病，通常1到2周内自行好转。医生可以确诊：就诊前请先打电话，以免在候诊室传染他人。在所有疹子结痂之前不要上学或上班。使用任何止痛或退烧药之前请先咨询药师，因为有些药（如布洛芬）不建议用于水痘。成人、孕妇、新生儿或免疫力低下者，或水疱周围皮肤红、热、痛时，请尽快就医；如果呼吸困难或异常嗜睡，请立即求助。",
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
      en: "Most bites and stings get better within a few days. Wash the area, use a cold compress and try not to scratch. See a doctor if the redness spreads or becomes hot and painful, there is pus or a fever (signs of infection), or a spreading red ring appears after a tick bite. Call an emergency number at once if the face, lips or tongue swell or breathing is difficult.",
      zh: "大多数虫咬或蜇伤几天内会好转。清洗患处，冷敷，尽量不要搔抓。如果发红扩散或变得发热疼痛、有脓或发烧（感染迹象），或被蜱虫叮咬后出现逐渐扩大的红圈，请去看医生。如果面部、嘴唇或舌头肿胀，或出现呼吸困难，请立即拨打急救电话。",
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
      zh: "疣由一种常见病毒引起，通常无害；很多会自行消退，但可能需要数月到数年。药店有相应的外用治疗。不要抠挖，在公共浴室请遮盖患处。如果赘生物出血、外观改变、疼痛，或长在面部或生殖器，或你有糖尿病或免疫力低下，请去看医生。",
    },
  },
  {
    id: "seborrhoeic_keratosis",
    name: { en: "Seborrhoeic keratosis (harmless growth)", zh: "脂溢性角化病（老年疣）" },
    terms: ["a seborrheic keratosis", "a benign keratosis", "a waxy stuck-on brown skin growth"],
    urgency: "doctor",
    needsInPersonReview: false,
    moleLike: true,
    typicalSymptoms: ["rough", "dark_colour"],
    advice: {
      en: "These 'stuck-on' growths are very common with age and are harmless. Because they can look like other dark spots, have a doctor check it once to be sure. See a doctor sooner if it bleeds, grows quickly, or changes in colour or shape.",
      zh: "这种像“贴”在皮肤上的增生随年龄增长很常见，属于良性。由于它可能与其他深色斑点相似，请让医生检查一次以确认。如果出血、迅速长大或颜色、形状改变，请尽早就医。",
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
      en: "Most moles are harmless. Check your moles every month with the ABCDE rule: Asymmetry, irregular Border, several Colours, Diameter over 6 mm, and Evolving (changing). Protect your skin from the sun. See a doctor if a mole is new in adulthood, changes in size, shape or colour, bleeds or itches, or looks different from your other moles.",
      zh: "大多数痣是良性的。每月按ABCDE原则自查：不对称（A）、边缘不规则（B）、颜色不均（C）、直径大于6毫米（D）、有变化（E）。注意防晒。如果成年后新长出痣，或痣的大小、形状、颜色改变、出血、发痒，或看起来与其他痣不同，请去看医生。",
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
    ],
    advice: {
      en: "Some features of this spot can be seen in melanoma, a serious skin cancer that is very treatable when found early. Only an examination in person can tell. Please see a doctor soon and say that you are worried about a possible skin cancer, so that you are seen quickly. Until then, protect it from the sun and don't try to remove it.",
      zh: "这个斑点的某些特征可见于黑色素瘤——一种严重但早期发现时非常可治的皮肤癌。只有当面检查才能判断。请尽快看医生，并说明你担心可能是皮肤癌，以便尽快安排检查。在此之前请注意防晒，不要自行去除。",
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
      en: "Some features fit basal cell carcinoma, the most common skin cancer. It grows slowly and rarely spreads, but it does need treatment, and only an examination in person can tell. Please book a doctor's appointment. See a doctor sooner if it bleeds, grows or does not heal, and protect your skin from the sun.",
      zh: "某些特征符合基底细胞癌——最常见的皮肤癌。它生长缓慢，很少转移，但需要治疗，而且只有当面检查才能判断。请预约医生。如果出血、长大或不愈合，请尽早就医，并注意防晒。",
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
      en: "Some features fit squamous cell carcinoma, a common skin cancer that should be treated promptly because it can grow and, occasionally, spread. Only an examination in person can tell. Please see a doctor soon. Protect the area from the sun and don't try to remove it.",
      zh: "某些特征符合鳞状细胞癌——一种常见的皮肤癌，可能长大并偶尔转移，应及时治疗。只有当面检查才能判断。请尽快看医生。注意防晒，不要自行去除。",
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
      en: "Actinic keratoses are rough patches caused by years of sun. They are not cancer, but a few can turn into skin cancer, so a doctor should look at them and may suggest treatment. Use sunscreen and cover up. See a doctor sooner if a patch becomes thick or tender, bleeds or grows quickly.",
      zh: "光线性角化病是多年日晒引起的粗糙斑块。它不是癌症，但少数可能发展为皮肤癌，因此应请医生查看，医生可能建议治疗。请使用防晒霜并遮挡阳光。如果斑块变厚、触痛、出血或迅速长大，请尽早就医。",
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
      en: "Vitiligo makes patches of skin lose their colour. It is not contagious and does not harm your general health, but a doctor can confirm it, check for related conditions and discuss treatment. The pale patches burn easily, so protect them from the sun.",
      zh: "白癜风会使部分皮肤失去颜色。它不传染，也不影响整体健康，但医生可以确诊、检查相关疾病并讨论治疗。白斑处容易晒伤，请注意防晒。",
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
      en: "For a minor burn, cool it under cool running water for 20 minutes as soon as possible, remove nearby jewellery, and cover it loosely with cling film or a clean non-fluffy dressing. Don't use ice, butter or creams, and don't burst blisters. Get urgent care for burns larger than the injured person's palm, deep burns (white, brown or charred skin, or no pain), burns on the face, hands, feet, genitals or joints, chemical or electrical burns, and burns in young children, older people or pregnant women. See a doctor if it has not healed within 2 weeks or looks infected.",
      zh: "轻度烧烫伤：尽快用凉的流动水冲20分钟，摘下附近的首饰，用保鲜膜或干净、不掉毛的敷料轻轻覆盖。不要用冰、黄油或药膏，不要挑破水疱。以下情况请立即就医：面积大于伤者手掌、深度烧伤（皮肤发白、发褐、焦黑或不觉得痛）、位于面部、手、脚、生殖器或关节、化学或电烧伤，以及幼儿、老人或孕妇的烧伤。如果两周内未愈合或看起来感染，请去看医生。",
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
      en: "Bruises usually fade over about 2 weeks, changing colour as they heal; a cold compress on the first day and rest can help. See a doctor if you bruise easily or without an injury, bruises come with bleeding gums or nosebleeds, a bruise is very painful and swollen, or it has not improved in 2 weeks. Get urgent care after a head injury, or after a hard knock if you take blood thinners.",
      zh: "瘀伤通常在约两周内逐渐消退，愈合时颜色会变化；受伤当天冷敷并休息会有帮助。如果容易出现瘀青或没有外伤就出现、同时有牙龈出血或流鼻血、瘀伤非常疼痛肿胀，或两周内没有好转，请去看医生。头部受伤后，或正在服用抗凝药时受到较重撞击，请立即就医。",
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
      zh: "皮肤纤维瘤是常见的良性硬结，多见于腿部，有时出现在虫咬或小外伤之后，通常无需治疗。如果它长大、变化或出血，或你不确定，请去看医生：其他斑点可能看起来相似。",
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
      en: "Cherry angiomas are small red spots made of tiny blood vessels. They are very common, become more frequent with age, and are harmless. If one bleeds after a knock, press on it firmly with a clean cloth. See a doctor if a spot bleeds often, changes quickly, or looks different from the others.",
      zh: "樱桃状血管瘤是由微小血管组成的小红点，很常见，随年龄增多，属于良性。如果碰破出血，用干净的布用力按压即可。如果经常出血、迅速变化，或看起来与其他斑点不同，请去看医生。",
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
      zh: "照片中没有看到明显的皮肤问题。如果你有不适症状或情况发生变化，请在自然光下拍一张清晰的近照，或去看医生。",
    },
  },
];

const byId = new Map(catalogue.map((entry) => [entry.id, entry]));

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return byId.get(id);
}
