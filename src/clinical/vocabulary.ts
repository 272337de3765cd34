/**
 * The vocabulary of the patient's words, in English and Simplified Chinese: symptoms, where it is, what
 * happened before, and risk factors. Data, reviewed like code.
 *
 * Each `en` is a regular-expression source matched case-insensitively between word boundaries, on text that
 * has been normalised first (see text.ts: apostrophes restored, one-letter typos corrected, traditional
 * characters folded); each `zh` is a source matched as is (Chinese has no word boundaries).
 * Negation ("not itchy", "不痒", "肿倒是不肿") is handled by the parser, so patterns name the positive form,
 * except where the negation is part of the sign itself ("won't heal", "喘不过气", "压了也不褪色").
 * `enAbsent`/`zhAbsent` are phrases that state the sign is absent ("afebrile", "my lips are fine", "体温正常").
 *
 * Kinds: `symptom` (what the patient feels or sees), `site` (where), `history` (what happened before),
 * `risk` (who the patient is: a baby, pregnant, diabetic, immunosuppressed).
 */
import type { Localised } from "./base";

export type VocabularyKind = "symptom" | "site" | "history" | "risk";

interface VocabularyEntry {
  readonly id: string;
  readonly name: Localised;
  readonly kind: VocabularyKind;
  readonly en: string;
  readonly zh: string;
  readonly enAbsent?: string;
  readonly zhAbsent?: string;
}

/** "the", "my", ... before a body part. */
const DET = "(?:the |my |his |her |their |your |our |both )?";
const EN_SWELL =
  "(?:swollen|swelling|swelled|swell(?:s|ing)?|puff(?:y|ed|ing)(?: up)?|ballooned|ballooning|blown up|twice the size|double the size|huge)";
const EN_LINK =
  "(?:(?:is|are|was|were|has|have|had|got|get|getting|gets|became|become|started|starting|went|gone|go|going|keeps?|kept|look|looks|looked|feel|feels|felt|seem|seems|all|both|also|now|really|very|so|a bit|a little|slightly|kind of|completely|badly|quite|been|up|to|and)\\s+){0,4}";
const ZH_SWELL =
  "(?:也|都|全|全都|就|有点|有些|开始|突然|一下子|变得|很|好|特别|明显|还|又|已经|一直|慢慢|越来越|成个|完全)*(?:肿|浮肿|水肿|胀|鼓起来|变厚|厚了|大了一圈|嘟起来|翻起来)";

/** Body parts whose swelling is read by site (see `siteSwelling`); the group decides the symptom. */
// The zh lists also hold the English words patients mix into Chinese ("face就肿了", "lips肿了").
export const SWELLING_SITES = {
  airway_swelling: {
    en: "tongue|throat|uvula|palate",
    zh: "舌头|舌|喉咙|嗓子眼|嗓子|喉头|咽喉|上颚|tongue|throat",
  },
  lip_swelling: {
    en: "lips?|mouth|gums?",
    zh: "嘴唇|口唇|嘴巴|嘴|牙龈|lips?|mouth",
  },
  face_swelling: {
    en: "face|cheeks?|jaw|chin|neck|forehead|scalp",
    zh: "脸颊|脸部|脸|面部|腮帮子|下巴|脖子|颈部|face",
  },
  eye_swelling: {
    en: "eyes?|eyelids?|eye lids?|eye area",
    zh: "眼睛|眼皮|眼睑|眼周|眼圈|眼眶|双眼|眼|eyes?",
  },
} as const;

const allSites = (lang: "en" | "zh") =>
  Object.values(SWELLING_SITES)
    .map((s) => s[lang])
    .join("|");

/** One regex source for "<parts> ... swollen" and "swollen <parts>", with coordinated lists of parts. */
export function siteSwellingSource(lang: "en" | "zh"): string {
  if (lang === "en") {
    const part = `${DET}(?:${allSites("en")})`;
    const list = `${part}(?:(?:\\s*,\\s*|\\s*,?\\s*(?:and|or|&|plus)\\s+)${part})*`;
    return `${list}\\s+${EN_LINK}${EN_SWELL}|(?:swollen|swelling|swelled|puffy|puffed up|swelling up|swelling (?:of|in|around))\\s+(?:of |in |on |around )?${list}`;
  }
  const part = `(?:${allSites("zh")})`;
  return `${part}(?:(?:和|跟|与|及|、|，|,|还有|以及)${part})*${ZH_SWELL}`;
}

export const vocabulary = [
  // ---- what the skin does -------------------------------------------------------------------------
  {
    id: "itch",
    name: { en: "itching", zh: "瘙痒" },
    kind: "symptom",
    en: "itch(?:y|ing|es|iness)?|scratch(?:y|ing|es)?|prurit(?:us|ic)",
    zh: "痒",
  },
  {
    id: "pain",
    name: { en: "pain", zh: "疼痛" },
    kind: "symptom",
    en: "pain(?:ful|s)?|hurts?|hurting|(?<!cold )sore(?:ness)?(?! throat)|aches?|aching|tender(?:ness)?|agony",
    zh: "疼|痛",
  },
  {
    id: "severe_pain",
    name: { en: "severe pain", zh: "剧烈疼痛" },
    kind: "symptom",
    en: "(?:excruciating|unbearable|agoni[sz]ing|severe|terrible|horrible|intense|extreme|awful|crazy|insane) (?:pain|hurting|ache)|(?:the )?worst pain|(?:pain|it) (?:is )?(?:so |really |very )?(?:unbearable|excruciating)|hurts? (?:like hell|so much|so bad|really bad)|(?:screaming|crying) (?:in|with|from) pain|can't (?:bear|stand) the pain|in agony",
    zh: "剧痛|剧烈(?:的)?(?:疼|痛)|(?:疼|痛)得(?:厉害|要命|受不了|不行|睡不着|直哭|哭|打滚)|(?:疼|痛)死了|钻心(?:的)?(?:疼|痛)|(?:疼|痛)痛?难忍|痛不欲生|(?:非常|特别|超级)(?:疼|痛)|巨(?:疼|痛)",
  },
  {
    id: "pain_out_of_proportion",
    name: { en: "pain far worse than it looks", zh: "疼痛远比外观严重" },
    kind: "symptom",
    en: "(?:pain|hurts?|hurting|agony)\\b[^.;!?]{0,30}?\\b(?:far |much |way |a lot |so much )?(?:worse|more) than (?:it|the skin|the rash|the redness|the wound|it should)(?: looks?| should| looked)?|out of proportion|(?:doesn't|does not|don't) look (?:that |too |very |so )?bad[^.;!?]{0,30}?\\b(?:pain|hurts?|agony|excruciating)|(?:worse|more) than (?:the|that|this|a) (?:scratch|cut|graze|bite|sore|spot|mark|wound|redness) (?:looks?|should)",
    zh: "(?:疼|痛)(?:得)?(?:比|远比|远远超过)(?:看起来|看上去|外表|表面|外观)|看(?:起来|上去)(?:不|没)(?:怎么|太|很|那么)?(?:严重|厉害)[^。！？]{0,8}?(?:疼|痛)得?(?:厉害|要命|受不了|不行)|(?:疼痛|疼|痛)(?:和|跟)(?:外观|表面|样子)不(?:成比例|相符)|看(?:着|起来|上去)(?:没|不)(?:那么|怎么|太)?(?:严重|厉害)[^。！？]{0,10}?(?:疼|痛)(?:得)?(?:要命|受不了|厉害|不行)",
  },
  {
    id: "burning",
    name: { en: "burning or stinging", zh: "灼热或刺痛" },
    kind: "symptom",
    en: "burning|stinging|stings?|it burns",
    zh: "烧灼|灼热|灼痛|灼烧|火辣辣|刺痛",
  },
  {
    id: "bleeding",
    name: { en: "bleeding", zh: "出血" },
    kind: "symptom",
    en: "bleed(?:s|ing)?|bled|blood(?:y)?(?! (?:spots?|blisters?|sugar|pressure|test|thinners?))",
    zh: "出血|流血|渗血|带血|见血|冒血",
  },
  {
    id: "oozing",
    name: { en: "oozing or weeping", zh: "渗液" },
    kind: "symptom",
    en: "ooz(?:e|es|ing)|weep(?:s|ing|y)?|leak(?:s|ing)?|discharge|wet(?! (?:nappies|nappy|diapers?))",
    zh: "流水|渗液|渗出|流黄水|渗水",
  },
  {
    id: "pus",
    name: { en: "pus", zh: "脓" },
    kind: "symptom",
    en: "pus|pus-filled|pustules?|purulent",
    zh: "脓",
  },
  {
    id: "crusting",
    name: { en: "crusting", zh: "结痂" },
    kind: "symptom",
    en: "crust(?:s|ed|ing|y)?|scabs?|scabbed|scabbing|honey[- ]colou?red",
    zh: "痂",
  },
  {
    id: "blisters",
    name: { en: "blisters", zh: "水疱" },
    kind: "symptom",
    en: "blisters?|blistering|blistered|vesicles?|bullae?|blebs?|fluid[- ]filled (?:bumps?|spots?)|(?:big |huge |large )?bubbles",
    zh: "水泡|水疱|起泡|起疱|小泡|血泡|大疱|大泡|脓疱|(?<!带状|单纯|唇)疱(?!疹)",
  },
  {
    id: "skin_peeling",
    name: { en: "skin peeling off in sheets", zh: "皮肤大片剥脱" },
    kind: "symptom",
    en: "(?:skin|it) (?:is |was |keeps |started |has started )?(?:peeling|coming|falling|sloughing|shedding|sliding) off|peel(?:s|ing|ed)? off in (?:sheets|big pieces|large pieces|layers|strips|chunks)|(?:sheets|large areas|big patches|large patches|big pieces) of (?:skin )?(?:are )?(?:peeling|coming off|falling off)|skin (?:is )?coming away|(?:looks?|look) like (?:a |it was |it's been |i was |he was |she was )?(?:burn(?:ed|t)?|scald(?:ed)?)(?! by)|raw (?:skin|areas?|patches?)|skin (?:is |was )?(?:lifting|coming) (?:off|away)|lifting off",
    zh: "大片(?:脱皮|掉皮|脱落|剥脱)|皮(?:肤)?(?:一碰就|成片|大块|一片一片)(?:地)?(?:掉|脱|剥)|(?:像|跟)(?:被)?(?:烫|烧)(?:伤|了|过)(?:一样|似的)|表皮(?:剥脱|脱落)|皮肤(?:剥脱|脱落)|脱了一层皮|皮(?:[^，。,]{0,6})(?:块|片)(?:[^，。,]{0,3})甩|(?:块|片)皮(?:都)?(?:掉|脱)(?:了|咗)?|皮(?:都)?(?:掉|脱)了|皮(?:开始|都|成块|一块块)(?:咁)?甩",
  },
  {
    id: "scaling",
    name: { en: "scaling or flaking", zh: "脱屑" },
    kind: "symptom",
    en: "scal(?:y|ing|es)|flak(?:y|ing|es)|peel(?:s|ing|ed)?|silvery",
    zh: "脱皮|脱屑|鳞屑|起皮|皮屑|银白色",
  },
  {
    id: "dryness",
    name: { en: "dry skin", zh: "皮肤干燥" },
    kind: "symptom",
    en: "dry|dryness|crack(?:s|ed|ing)",
    zh: "干燥|干裂|很干|发干",
  },
  {
    id: "redness",
    name: { en: "redness", zh: "发红" },
    kind: "symptom",
    en: "red(?:ness|dish)?|inflamed|pink(?:ish)?|redder|reddening",
    zh: "发红|红肿|红斑|红点|红疹|红色|通红|泛红|变红|红红的|又红|很红|有点红|红了",
  },
  {
    id: "rash",
    name: { en: "a rash or spots", zh: "皮疹" },
    kind: "symptom",
    en: "rash(?:es)?|spots|spotty|bumps|blotch(?:es|y)|eruption|breakout|red patch(?:es)?|hives|welts",
    zh: "疹|红点|红斑|斑点|风团|起了(?:一片|很多|好多|一些)|小疙瘩|红包",
  },
  {
    id: "swelling",
    name: { en: "swelling", zh: "肿胀" },
    kind: "symptom",
    en: "swollen|swelling|swell(?:s|ed)?|puffy|raised|lumpy",
    zh: "肿(?!瘤)|鼓起|隆起|凸起",
  },
  {
    id: "warmth",
    name: { en: "warm to the touch", zh: "摸起来烫" },
    kind: "symptom",
    en: "(?:warm|hot) to (?:the )?touch|feels? (?:warm|hot)|(?:red|swollen|inflamed|sore|painful),? (?:and )?(?:warm|hot)|(?:warm|hot),? (?:and )?(?:red|swollen|painful|tender)|red[- ]hot",
    zh: "发烫|烫手|摸着(?:很)?(?:热|烫)|摸起来(?:很)?(?:热|烫)|热热的|皮温高|(?:又|很|有点|有些|特别|好)烫(?![伤到])",
  },
  {
    id: "spreading",
    name: { en: "spreading", zh: "扩散" },
    kind: "symptom",
    en: "spread(?:s|ing)?|expand(?:s|ed|ing)?|extend(?:s|ed|ing)?|getting bigger|bigger and bigger|moving up|(?:bigger|larger|wider|redder) (?:today|than (?:yesterday|this morning|last night|before|earlier))|doubled|(?:past|beyond|outside) the (?:pen |marker )?line|(?:is |has |'s )(?:got |gotten |getting )?bigger|(?:red|swollen) (?:bit|area|patch|part) (?:is |has )?(?:got |gotten |getting )?bigger",
    zh: "扩散|蔓延|扩大|越来越多|范围变大|范围越来越大|长满|越来越大|比(?:早上|昨天|之前|刚才)?(?:画的线|画线)?(?:大|宽)(?:了)?|超出(?:了)?(?:画的)?线|一天比一天大|越(?:来越)?红",
  },
  {
    id: "rapid_spread",
    name: { en: "spreading fast", zh: "扩散很快" },
    kind: "symptom",
    en: "(?:spread(?:s|ing)?|expand(?:s|ed|ing)?|growing|getting (?:bigger|worse)|moving) (?:very |really |so |super |incredibly )?(?:fast|quickly|rapidly)|(?:spread(?:s|ing)?|getting bigger|growing|worse) (?:by|every|within|in) (?:the |an |a few |few |several )?(?:hours?|minutes?)|(?:rapidly|quickly|fast) (?:spreading|growing|getting (?:bigger|worse))|doubled in size|you can (?:see|watch) it (?:spread|grow)",
    zh: "(?:扩散|蔓延|扩大|变大|长大|肿大)(?:得)?(?:很|特别|非常|好|这么)?(?:快|迅速)|(?:不到|还不到)(?:一|半)?天(?:就)?(?:扩散|蔓延|扩大|肿到)|一(?:天|夜|晚上)(?:之间|之内|功夫)?(?:就)?(?:扩散|蔓延|扩大)|(?:很快|迅速|飞快|一下子)(?:就)?(?:扩散|蔓延|扩大|变大)|(?:几个?|一两个|两三个)小时(?:就|之内|内)?(?:扩散|蔓延|扩大|变大|大了)|没多久(?:就)?(?:扩散|蔓延|扩大|变大|大了)|没过多久(?:就)?(?:扩散|蔓延|扩大|变大)|一会儿(?:就)?(?:扩散|蔓延|大了)|眼看着(?:在)?(?:扩散|变大|蔓延)|一个(?:小时|钟)比一个(?:小时|钟)大|一(?:个)?(?:小时|钟头)(?:就)?大(?:了)?一圈|眼(?:看|见)着(?:在)?(?:变大|扩散|肿)",
  },
  {
    id: "rapid_growth",
    name: { en: "rapid growth", zh: "迅速长大" },
    kind: "symptom",
    en: "(?:grow(?:s|ing)?|grew|getting bigger|got bigger) (?:very |really |so )?(?:fast|quickly|rapidly)|(?:rapid|fast|quick) growth|rapidly (?:growing|enlarging)",
    zh: "长得(?:很|特别|非常)?快|(?:很快|迅速|快速|突然)地?(?:变大|长大|增大)|越长越大",
  },
  {
    id: "size_change",
    name: { en: "change in size", zh: "大小改变" },
    kind: "symptom",
    en: "bigger|larger|grow(?:s|ing|n)?|grew|enlarg(?:e|ed|es|ing)|increas(?:ed|ing) in size|chang(?:e|ed|ing) (?:in )?size",
    zh: "变大|长大|增大|大了|变宽",
  },
  {
    id: "colour_change",
    name: { en: "change in colour or uneven colour", zh: "颜色改变或不均" },
    kind: "symptom",
    en: "darker|darkening|(?:chang(?:e|ed|ing)|change in) colou?rs?|colou?r (?:has )?changed|turn(?:ed|ing|s)? (?:black|dark|darker|blue)|(?:several|many|multiple|different|uneven) colou?rs",
    zh: "颜色变|变色|变黑|变深|颜色加深|颜色不均|颜色不一|好几种颜色|发黑",
  },
  {
    id: "shape_change",
    name: { en: "change in shape or irregular edge", zh: "形状改变或边缘不规则" },
    kind: "symptom",
    en: "(?:chang(?:e|ed|ing)|change in) shape|shape (?:has )?changed|irregular|uneven (?:edges?|borders?|shape)|jagged|blurry (?:edges?|borders?)|asymmetric(?:al)?",
    zh: "形状变|形状改变|不规则|不对称|边界不清|边缘模糊",
  },
  {
    id: "changing",
    name: { en: "changing", zh: "有变化" },
    kind: "symptom",
    en: "(?:has|is|it's|been|keeps?) (?:been |really |slowly |quickly )?chang(?:ed|ing)|(?:mole|spot|it|mark) (?:has )?chang(?:ed|ing)|looks? different|evolv(?:ed|ing)",
    zh: "变化|改变|变了(?!很多)|不一样了",
  },
  {
    id: "large_lesion",
    name: { en: "wider than 6 mm", zh: "直径超过6毫米" },
    kind: "symptom",
    en: "(?:bigger|larger|wider|more) than (?:a |an )?(?:6|six|7|seven) ?(?:mm|millimet(?:er|re)s?)|(?:bigger|larger) than (?:a |an )?(?:pencil eraser|pea|eraser)|(?:[7-9]|[1-9]\\d) ?(?:mm|millimet(?:er|re)s?)",
    zh: "(?:超过|大于)(?:6|六)毫米|比(?:黄豆|豌豆|铅笔橡皮)(?:还)?大|(?:[7-9]|[1-9]\\d)毫米",
  },
  {
    id: "nail_streak",
    name: { en: "a dark streak or spot under a nail", zh: "指甲下黑线或黑斑" },
    kind: "symptom",
    en: "(?:black|dark|brown) (?:line|streak|stripe|band|spot|mark) (?:in|on|under|down) (?:my |his |her |the |a )?(?:finger|toe|thumb)?\\s?nails?|(?:finger|toe|thumb)?nails? (?:has|have) (?:a )?(?:black|dark|brown) (?:line|streak|stripe|band)",
    zh: "指甲(?:上|里|下|盖)?(?:有)?(?:一条|一道)?(?:黑线|黑色(?:的)?(?:条纹|竖线|线)|黑纹|黑斑|黑道)|甲下(?:黑|出血)",
  },
  {
    id: "fever",
    name: { en: "fever", zh: "发烧" },
    kind: "symptom",
    en: "fever(?:ish|s)?|febrile|high temp(?:erature)?|(?:a|running|with|had|have|has|got) (?:a )?(?:high )?temp(?:erature)?(?![\\s:=]*(?:is |was |of |at |reads? |around |about |~)?\\d)|chills|shivering|shivers|rigou?rs|hot and cold|burning up|(?:feel|feels|feeling|felt) (?:hot|feverish|shivery|boiling)|shivery|temp(?:erature)? (?:is |was )?(?:high|up)",
    zh: "发烧|(?<![肿红胀烫摸皮局部伤口])发热(?!感)|高烧|低烧|烧(?:到|了|得|起来)(?!伤)|烧(?=(?:倒是?|是|也)?(?:没|不)烧)|(?<=[没不])烧(?![伤焦])|体温(?:高|升高|偏高)|寒战|发冷|打寒颤|打摆子|高热|低热|退烧药|烧不退|烧还没退",
    enAbsent:
      "afebrile|(?:temp(?:erature)?|fever) (?:is |was |'s )?(?:normal|fine|ok|okay)|normal temp(?:erature)?",
    zhAbsent: "体温(?:正常|不高)",
  },
  // ---- allergy and airway -------------------------------------------------------------------------
  {
    id: "airway_swelling",
    name: { en: "swelling of the tongue or throat", zh: "舌头或喉咙肿胀" },
    kind: "symptom",
    // Matched by site with `siteSwellingSource` (coordinated lists); these catch the rest.
    en: "tongue (?:is |feels? )?(?:thick|fat|huge|enormous)|angio-?o?edema",
    zh: "舌头(?:肿)?得?像|血管(?:性)?水肿",
    enAbsent:
      "(?:tongue|throat) (?:is |are |look |looks |seem |seems |feel |feels )?(?:fine|ok|okay|normal|alright|all right|not swollen)",
    zhAbsent: "(?:舌头|喉咙|嗓子)(?:都|也)?(?:没事|正常|好好的)",
  },
  {
    id: "lip_swelling",
    name: { en: "swelling of the lips or mouth", zh: "嘴唇或口腔肿胀" },
    kind: "symptom",
    en: "lips? (?:is |are |feels? )?(?:thick|fat|huge|enormous)|fat lips?|trout pout",
    zh: "嘴唇(?:肿)?得?像(?:香肠|两根香肠)|香肠嘴",
    enAbsent:
      "(?:lips?|mouth) (?:is |are |look |looks |seem |seems |feel |feels )?(?:fine|ok|okay|normal|alright|all right|not swollen)",
    zhAbsent: "(?:嘴唇|嘴巴)(?:都|也)?(?:没事|正常|好好的)",
  },
  {
    id: "face_swelling",
    name: { en: "swelling of the face", zh: "面部肿胀" },
    kind: "symptom",
    en: "(?:face|cheeks?) (?:is |are |looks? )?(?:like a balloon|puffed up)",
    zh: "脸肿得像|肿成(?:猪头|包子)",
  },
  {
    id: "eye_swelling",
    name: { en: "swelling around the eye", zh: "眼周肿胀" },
    kind: "symptom",
    en: "(?:eye|eyes) (?:is |are )?(?:swollen shut|puffed shut|closed up)",
    zh: "眼睛肿得睁不开|眼(?:皮|睛)肿(?:成|得)",
  },
  {
    id: "throat_tightness",
    name: { en: "a tight or closing throat", zh: "喉咙发紧" },
    kind: "symptom",
    en: "throat (?:is |feels? |feeling |getting |going |seems )?(?:like (?:it's |it is )?)?(?:tight|tightening|closing|closed|closing up|narrowing|constricted|swelling shut|blocked)|tight(?:ness)? (?:in )?(?:my |the |his |her )?throat|(?:something|a lump) (?:stuck )?in (?:my |the |his |her )?throat|throat (?:closing|tightening)",
    zh: "(?:喉咙|嗓子眼|嗓子|喉头|咽喉|嗓子里|喉咙里)(?:有点|有些|特别|很|好|感觉|觉得|一直|像)?(?:发紧|紧|堵|被掐|憋|卡|有东西|锁住)|(?:喉咙|嗓子)(?:像|好像)(?:被)?(?:掐住|堵住|卡住)|锁喉",
  },
  {
    id: "hoarse_voice",
    name: { en: "a hoarse or changed voice", zh: "声音嘶哑或改变" },
    kind: "symptom",
    en: "hoarse(?:ness)?|(?:voice|speech) (?:is |has |sounds? |got |went |became |has become )?(?:changed|different|weird|strange|funny|croaky|raspy|hoarse|muffled)|(?:changed|croaky|raspy|muffled|hoarse) voice|lost (?:my|his|her) voice|(?:voice|he|she) (?:has |'s )?(?:gone|going|become|sounds?) (?:all )?(?:croaky|hoarse|raspy|funny|weird|strange|muffled)",
    enAbsent: "voice (?:is |'s |sounds? )?(?:normal|fine|ok|okay|the same|unchanged)",
    zhAbsent: "声音(?:都|也)?(?:正常|没变|没事)",
    zh: "声音(?:都|也|有点|有些|一下子|突然)?(?:变了|嘶哑|沙哑|哑了|变哑|发不出|不对)|嗓子哑|说话(?:的)?声音(?:都|也)?(?:变了|哑了|不对)|失声|发不出声",
  },
  {
    id: "swallowing_difficulty",
    name: { en: "trouble swallowing", zh: "吞咽困难" },
    kind: "symptom",
    en: "(?:trouble|difficulty|difficult|hard|struggling|problems?|unable|can't|cannot|can not) (?:to |with |when |while )?swallow(?:ing)?",
    zh: "吞咽困难|咽不下(?:去)?|吞不下(?:去)?|(?:咽|吞)(?:东西|口水|饭)(?:都|也)?(?:困难|费劲|咽不下|吞不下)",
    enAbsent: "swallowing (?:is |'s )?(?:fine|ok|okay|normal)",
  },
  {
    id: "breathing_difficulty",
    name: { en: "trouble breathing", zh: "呼吸困难" },
    kind: "symptom",
    en: "(?:trouble|difficulty|difficult|hard|struggling|struggle|problems?|unable) (?:to |with )?breath(?:e|ing)?|(?:can't|cannot|can not|unable to|couldn't) (?:catch (?:my|his|her) )?breath(?:e)?|short(?:ness)? of breath|breathless(?:ness)?|out of breath|gasping|wheez(?:e|es|ed|ing|y)|(?:chest|breathing) (?:is |feels? )?(?:tight|heavy|laboured|labored|noisy)|tight chest|tightness in (?:my |the |his |her )?chest|breathing (?:very |really )?(?:fast|quickly|rapidly|hard)|(?:fast|rapid|noisy|laboured|labored) breathing|stridor",
    zh: "呼吸困难|喘不(?:过|上|到)气|透不(?:过|到|上)(?:来)?气|抖不(?:到|过)气|上不来气|气(?:都)?(?:喘|透)不(?:过来|上来|过|上|到)|喘(?:粗气|大气)|呼吸(?:好|很|有点)?(?:急|快|辛苦|困难)|吸不上气|呼吸(?:不畅|急促|费劲|吃力|很急|很快|不过来|不上来)|无法呼吸|不能呼吸|呼吸不了|憋气|憋得慌|气短|气喘|喘(?:气)?(?:困难|费劲|很急|得厉害)|胸(?:口)?(?:发)?(?:闷|紧|憋)|喘鸣|鼻翼扇动|胸(?:口)?(?:好|有啲|有点)?翳|喘(?:气)?(?:很|好|特别)?(?:快|急)|呼吸(?:好|很)?快|气促|抽唔到气|上唔到气",
    enAbsent:
      "(?:breathing|breath) (?:is |'s |seems |looks )?(?:fine|ok|okay|normal|good|alright|all right)|breathing (?:normally|fine|ok)",
    zhAbsent: "呼吸(?:都|也)?(?:正常|没问题|没事|顺畅)",
  },
  {
    id: "faint",
    name: { en: "feeling faint or dizzy", zh: "头晕或要晕倒" },
    kind: "symptom",
    en: "faint(?:ed|ing|ness)?(?! (?:pink|red|rash|marks?|lines?|spots?|patch(?:es)?|rings?|outline|colou?r|brown|scar))|dizz(?:y|iness)|light-?headed|woozy|passed out|pass(?:ing)? out|collaps(?:e|ed|ing)|blacked out|black out",
    zh: "头晕|晕倒|昏倒|晕过去|晕厥|要晕|快晕|眼前发黑|站不稳|虚脱|头昏",
  },
  {
    id: "wheals",
    name: { en: "raised welts that come and go", zh: "时起时消的风团" },
    kind: "symptom",
    en: "welts?|wheals?|hives|(?:come|comes|came) and go(?:es)?|appear and disappear",
    zh: "风团|风疹块|风疙瘩|时有时无|来得快去得快|此起彼伏",
  },
  // ---- rash that does not fade, and the blood-spot words -------------------------------------------
  {
    id: "non_blanching",
    name: { en: "a rash that does not fade when pressed", zh: "按压不褪色的皮疹" },
    kind: "symptom",
    en: "(?:doesn't|does not|don't|do not|didn't|did not|won't|will not|isn't|aren't|not|never)\\s+(?:\\w+\\s+){0,2}?(?:fade|fading|faded|go away|disappear|blanch|go white|turn white|go pale|lighten|change)\\w*[^.;!?]{0,40}?(?:glass|press|pressed|pressing|push|pushed|pushing|squash)|(?:glass|press(?:ed|ing)?|push(?:ed|ing)?)[^.;!?]{0,50}?(?:doesn't|does not|don't|do not|didn't|did not|won't|not|still|stays?|stayed|remain(?:s|ed)?)\\s+(?:\\w+\\s+){0,2}?(?:fade|fading|disappear|go away|blanch|visible|red|purple|there|dark|the same|go white|turn white|lighten)\\w*|(?:stay|stays|stayed|remain|remains|still)\\s+(?:\\w+\\s+)?(?:red|purple|dark|visible|there)[^.;!?]{0,30}?(?:glass|press|push)|non-?blanching",
    zh: "(?:压|按|摁|杯子|玻璃杯|杯)[^。！？，,]{0,8}?(?:也|都|还是|仍然|依然)?(?:不|没)(?:会)?(?:褪色|褪|消退|退|消失|变白|发白|变淡|消)|压之不褪(?:色)?|按压不褪(?:色)?",
    enAbsent:
      "(?:fades?|faded|fading|blanch(?:es|ed)?|goes? (?:white|pale|away)|disappears?|disappeared)\\s+(?:\\w+\\s+){0,3}?(?:when|under|with|if)\\s+(?:\\w+\\s+){0,3}?(?:glass|press\\w*|push\\w*)",
    zhAbsent: "(?:压|按)(?:一下|了|住)?(?:就|会)(?:褪色|变白|消失|消退|退了|变淡|没了)|压之(?:褪色|变白)",
  },
  {
    id: "purpura",
    name: { en: "purple or blood-spot rash", zh: "紫癜或出血点" },
    kind: "symptom",
    en: "petechia(?:e|l)?|purpur(?:a|ic)|pin-?pricks?|pin-?point (?:red |purple )?(?:dots|spots)|(?:purple|purplish|dark red|blood) (?:dots|spots|specks|blotches|rash)|rash (?:that )?looks? like (?:bruises|bruising|little bruises)|bruise-?like rash|(?:spots|dots|rash) (?:like|look like|looking like) (?:tiny |little |small )?(?:bruises|blood spots)|tiny red (?:dots|spots|pin ?pricks)",
    zh: "紫癜|出血点|出血斑|瘀点|淤点|瘀斑|淤斑|针尖(?:样|大小|大)的?(?:红点|出血点|点)|紫(?:色|红色)的?(?:小点|点点|斑点|疹子|斑|点)|皮下出血|像(?:淤青|瘀青|出血)(?:一样|似的)的?(?:点|疹)",
  },
  {
    id: "mucosal",
    name: { en: "sores in the mouth, eyes or genitals", zh: "口腔、眼睛或生殖器溃烂" },
    kind: "symptom",
    en: "(?:sores?|ulcers?|blisters?|raw|peeling|bleeding|crusts?|crusted|crusting|erosions?) (?:in|inside|on|around) (?:my |his |her |the |their )?(?:mouth|lips?|gums?|throat|eyes?|genitals?|private (?:parts|area)|penis|vagina|vulva)|(?:mouth|lip|gum|genital) (?:sores?|ulcers?|blisters?)|(?:lips?|mouth|gums?) (?:are |is |were |was |have |has |got |keep )?(?:\\w+ )?(?:raw|peeling|bleeding|ulcerated|falling apart|shedding|crusted over)|eyes? (?:are |is )?(?:\\w+ )?(?:red and sore|sore and red|gritty|crusted|stuck together)",
    zh: "(?:嘴唇|嘴里|口腔|口里|嘴巴里|舌头|牙龈|眼睛|生殖器|下体|私处|阴部|龟头|外阴)(?:都|也|里|上|周围)?(?:溃烂|溃疡|烂了|破了|起泡|起疱|糜烂|脱皮出血|出血|结痂|长疮|破溃)|(?:口腔|口|嘴)(?:溃疡|糜烂)|眼睛(?:又红又痛|红肿疼痛|发红刺痛)|(?:嘴里|口里|口入面|嘴巴里|口腔)(?:全|都|好)?(?:烂|溃烂|破)(?:了|晒|咗)?|眼(?:睛)?(?:好|很)?红(?:得|到)?(?:睁不开|肿)|(?:口唇|嘴唇)(?:都|也)?(?:烂|破|溃)(?:晒|了|咗)?|(?:嘴里|口里|口腔)(?:有|长了|起了)?(?:ulcers?|溃疡)|(?:eyes?|眼)(?:也|都)?(?:很|好)?红(?:埋|得)?(?:很|又)?痛",
  },
  // ---- how unwell ----------------------------------------------------------------------------------
  {
    id: "drowsy",
    name: { en: "drowsy, confused or hard to wake", zh: "嗜睡、意识不清或叫不醒" },
    kind: "symptom",
    en: "drows(?:y|iness)|(?:very |unusually |really |extremely |abnormally )sleepy|hard to (?:wake|rouse)|(?:can't|cannot|couldn't|won't) (?:wake (?:him|her|them)(?: up)?|stay awake|be woken)|won't wake up|not waking|barely (?:awake|responsive|conscious)|unresponsive|not responding|(?:doesn't|does not|didn't) respond|confus(?:ed|ion)(?! (?:about|whether|if|why|what|as to|by|with))|disorient(?:ed|ated)|delirious|not making sense|floppy(?! (?:growth|lump|bump|bit|tag|skin))|unconscious|seizures?|convuls\\w*|(?:a|had a|having a|has|having|had) fits?|out of it|(?:talking|saying) (?:nonsense|rubbish|gibberish)|not making sense|doesn't know where (?:he|she) is|(?:had|having) a (?:fit|seizure)|fitting",
    zh: "嗜睡|叫不醒|喊不醒|昏睡|昏昏沉沉|昏昏欲睡|迷迷糊糊|意识(?:不清|模糊|障碍)|神志不清|神智不清|说胡话|胡言乱语|糊涂了|认不出(?:人|家人)|(?:叫|喊|碰)(?:他|她|孩子|宝宝)?(?:都)?没(?:有)?反应|反应(?:迟钝|很差|很慢)|抽搐|抽风|惊厥|昏迷|软绵绵|瘫软|睡不醒|叫不(?:太)?醒|睡不醒|(?:老|总|一直|成日)(?:是)?想睡|一直在睡|糊涂|讲嘢乱|乱(?:晒)?龙|乱讲|抽(?:了|咗)?(?:几|一|两)下|抽筋|不认(?:得|识)人|人(?:有点)?(?:迷糊|糊涂)",
  },
  {
    id: "stroke_signs",
    name: { en: "face drooping, slurred speech or weakness on one side", zh: "口角歪斜、说话不清或一侧无力" },
    kind: "symptom",
    en: "(?:face|mouth|smile) (?:is |has )?(?:drooping|droopy|dropped|fallen|lopsided)|droop(?:ing|y) (?:face|mouth|smile)|slurr(?:ed|ing) (?:speech|words)|(?:can't|cannot) (?:lift|raise|move) (?:one|my|his|her) (?:arm|leg)|weak(?:ness)? (?:in|on|down) one side",
    zh: "口眼歪斜|嘴(?:巴)?歪|面瘫|说话(?:不清|含糊|大舌头)|一侧(?:手|胳膊|腿|身体)(?:没力|无力|麻)|半边(?:脸|身)(?:麻|没知觉|动不了)",
  },
  {
    id: "unwell",
    name: { en: "feeling very unwell", zh: "精神很差或全身不适" },
    kind: "symptom",
    en: "(?:very|really|extremely|so|quite|seriously) (?:unwell|ill|sick|poorly)|unwell|poorly|feel(?:s|ing)? (?:awful|terrible|horrible|really bad|very bad|like (?:i'm|he's|she's) dying|like death|ill|sick|rough)|(?:not|isn't|won't|refus\\w*|stopped|doesn't want to) (?:eating|drinking|feeding|eat|drink|feed)|off (?:his|her|their|my) (?:food|feeds?)|letharg(?:y|ic)|listless|no energy|(?:fewer|less|no) wet (?:nappies|diapers)|(?:high-pitched|weak|constant|non-?stop|inconsolable) (?:cry|crying)|won't stop crying|(?:very |looks? )pale|clammy|cold (?:hands and feet|sweats?)|not (?:him|her|them)sel(?:f|ves)|worst (?:i|he|she) (?:has |have )?ever felt",
    zh: "(?:精神|状态)(?:很|特别|非常|也|有点)?(?:差|不好|萎靡)|没(?:有)?精神|萎靡|蔫(?:蔫的|了|巴巴)?|不吃不喝|不肯?(?:吃|喝)(?:奶|东西|饭|水)|吃奶(?:少|差|不好)|尿(?:很)?少|(?:一直|不停)(?:地)?(?:哭|哭闹)|哭闹不止|哭声(?:微弱|尖)|(?:脸色|面色)(?:苍白|发灰|很差|不好)|浑身(?:难受|不舒服|没劲|无力)|(?:很|特别|非常)(?:难受|不舒服)|全身不适|没力气|没(?:有)?尿|不尿|不肯?(?:吃|喝)(?!药)|一口(?:水|奶)都不(?:肯)?(?:喝|吃)|(?:好|很|特别)?攰|(?:身体|全身)(?:发)?冷(?:震)?",
  },
  {
    id: "mottled",
    name: { en: "mottled, blue or grey skin or lips", zh: "皮肤花斑或口唇发紫" },
    kind: "symptom",
    en: "mottled|blotchy (?:blue|grey|gray|purple)|(?:lips?|tongue|skin|face) (?:is |are |turning |turned |going |gone |looks? )?(?:blue|grey|gray|ashen)|(?:blue|grey|gray) (?:lips?|tongue)|turning blue",
    zh: "花斑|(?:嘴唇|口唇|脸|皮肤|面色)(?:发紫|发青|发灰|青紫|紫绀)|发绀",
  },
  {
    id: "meningism",
    name: { en: "stiff neck or dislike of bright light", zh: "脖子发硬或怕光" },
    kind: "symptom",
    en: "stiff neck|neck (?:is |feels )?stiff|(?:dislikes?|hates?|sensitive to|can't stand|bothered by) (?:bright )?lights?|photophobia|light hurts (?:my|his|her) eyes",
    zh: "脖子(?:发)?(?:硬|僵)|颈(?:部)?(?:强直|僵硬|发硬)|怕光|畏光",
  },
  // ---- infection and its spread --------------------------------------------------------------------
  {
    id: "red_streak",
    name: { en: "a red streak spreading from it", zh: "向上蔓延的红线" },
    kind: "symptom",
    en: "red (?:lines?|streaks?|stripes?|tracks?|trails?)|(?:lines?|streaks?|stripes?) (?:of red|going up|running up|moving up|spreading up|up (?:my|his|her|the) (?:arm|leg))|streaking",
    zh: "红线|红色(?:的)?(?:线|条纹|条)|一(?:条|道)红(?:线|印|道|杠)|红(?:道|条)子?(?:往上|向上|沿着)",
  },
  {
    id: "boil",
    name: { en: "a boil or abscess", zh: "疖子或脓肿" },
    kind: "symptom",
    en: "boils?|abscess(?:es)?|carbuncles?|furuncles?|lump (?:full of|filled with) pus",
    zh: "疖子|疖|脓肿|痈|脓包",
  },
  {
    id: "black_tissue",
    name: { en: "skin turning black, dusky or crackling", zh: "皮肤发黑、发紫或捻发感" },
    kind: "symptom",
    en: "(?:turn(?:ed|ing|s)?|going|gone|gotten|getting) (?:\\w+ )?(?:black|dusky)|black(?:ened)? (?:toes?|skin|tissue|area|edges?)|gangren(?:e|ous)|necrotic|dead (?:skin|tissue)|dusky|(?:skin|it|edges?) (?:is |are |has |have )?(?:turned|turning|gone|going) (?:purple|grey|gray|blue|dark)|crackl(?:e|es|ing)|crunchy|dark (?:fluid|blisters)|blood[- ]filled blisters|black (?:scab|crust|patch|centre|center|middle|bit)",
    zh: "发黑|变黑|黑了|坏死|腐烂|变紫|紫黑|暗紫|(?:按|摸)(?:着|起来)?有(?:捻发|咯吱|嘎吱)(?:感|声)|血疱|黑(?:色的)?(?:痂|疤|块)",
  },
  {
    id: "smell",
    name: { en: "a bad smell", zh: "有臭味" },
    kind: "symptom",
    en: "smell(?:s|y|ing)?|stink(?:s|y|ing)?|foul|odou?r|rotten|reeks?",
    zh: "臭|有(?:股)?(?:怪)?味|异味|腥味",
  },
  {
    id: "non_healing",
    name: { en: "a sore that does not heal", zh: "伤口不愈合" },
    kind: "symptom",
    en: "(?:won't|will not|doesn't|does not|didn't|isn't|not|never|hasn't|has not|haven't) (?:\\w+ )?heal(?:ing|ed)?|non-?healing|keeps? (?:coming back|scabbing|bleeding|opening)|open sore",
    zh: "不愈合|好不了|(?:一直|总是|老是)(?:不好|不见好|好不了)|不结痂|反复(?:破|结痂|出血)|长不好",
  },
  {
    id: "sore",
    name: { en: "a sore, ulcer or wound", zh: "溃疡、疮或伤口" },
    kind: "symptom",
    en: "(?:a|an|the|this|that|my|open|little|small|big|large|raw) sores?(?! throat)|sores?(?= (?:on|in|at|under|between) )|sores|ulcers?|ulcerated|wounds?|cuts?|graze[sd]?|scrapes?|incision|stitches|erosions?|craters?",
    zh: "伤口|刀口|溃疡|(?<![痤疥])疮(?!疹)|破口|擦伤|割伤|划伤|口子",
  },
  // ---- the face and eye ----------------------------------------------------------------------------
  {
    id: "near_eye",
    name: { en: "near the eye", zh: "靠近眼睛" },
    kind: "site",
    en: "(?<!an )(?<!keep an )eyes?|eyelids?|eye ?lids?|eyebrows?",
    zh: "眼睛|眼周|眼皮|眼角|眼睑|眼旁|眼部|眼眶|眉毛|眼圈",
  },
  {
    id: "nose_tip",
    name: { en: "on the tip or side of the nose", zh: "鼻尖或鼻翼" },
    kind: "site",
    en: "tip of (?:my |his |her |the )?nose|nose tip|side of (?:my |his |her |the )?nose|(?:on|at) (?:my |his |her |the )?nose",
    zh: "鼻尖|鼻头|鼻翼|鼻子(?:上|尖|旁边|侧)",
  },
  {
    id: "forehead",
    name: { en: "on the forehead or scalp", zh: "额头或头皮" },
    kind: "site",
    en: "forehead|temple|scalp",
    zh: "额头|前额|脑门|头皮",
  },
  {
    id: "vision_change",
    name: { en: "a change in vision", zh: "视力改变" },
    kind: "symptom",
    en: "(?:blurr?y|blurred|double|cloudy|foggy|dim|lost|losing|loss of|reduced|changes? in|problems? with|trouble with) (?:my |his |her )?(?:vision|eyesight|sight)|(?:vision|eyesight|sight) (?:is |has |went )?(?:blurr?y|blurred|double|worse|changed|going|gone|dim)|(?:can't|cannot|couldn't) see (?:properly|clearly|well|out of)|seeing double",
    zh: "视力(?:下降|模糊|变差|减退|不好了)|看(?:东西)?(?:不清|模糊|重影|有重影)|重影|复视|眼睛看不见|失明",
  },
  {
    id: "orbital_signs",
    name: { en: "pain moving the eye, or a bulging eye", zh: "转动眼球疼或眼球突出" },
    kind: "symptom",
    en: "(?:pain|painful|hurts?|hurting|sore)(?: (?:him|her|me|them))? (?:when|to|on|if) (?:\\w+ ){0,2}?(?:moves?|moving|look(?:s|ing)?) (?:\\w+ ){0,2}?eyes?|eyes? (?:is |are )?(?:bulging|sticking out|pushed out|protruding)|bulging eyes?|(?:can't|cannot) (?:move|open) (?:my |his |her |the )?eyes?|swollen shut",
    zh: "(?:转动|转|动)(?:眼睛|眼球)(?:时|的时候)?(?:就|会|很|都)?(?:疼|痛)|眼(?:睛|球)(?:往外)?(?:突出|鼓出来|凸出)|眼睛(?:肿得)?睁不开|眼(?:睛|球)(?:转不动|动不了)",
  },
  {
    id: "red_eyes",
    name: { en: "red eyes", zh: "眼睛发红" },
    kind: "symptom",
    en: "(?:red|bloodshot|pink) eyes?|eyes? (?:are |is |look |looked |went |gone |turned )?(?:very |really |so )?(?:red|bloodshot|pink)",
    zh: "眼(?:睛)?(?:发红|红了|很红|通红|充血|红红的)|红眼",
  },
  {
    id: "on_lips",
    name: { en: "on or around the lips", zh: "嘴唇周围" },
    kind: "site",
    en: "lips?|mouth",
    zh: "嘴唇|嘴角|唇|口周|嘴边",
  },
  {
    id: "red_lips_tongue",
    name: { en: "red cracked lips or a strawberry tongue", zh: "口唇红裂或草莓舌" },
    kind: "symptom",
    en: "(?:red|cracked|bright red) (?:cracked |peeling )?lips|lips (?:are |look )?(?:very |really )?(?:red|cracked|bright red|cracked and red|red and cracked)|strawberry tongue|(?:red|bumpy) tongue",
    zh: "(?:嘴唇|口唇)(?:很|特别)?(?:红|干裂|发红|皲裂|通红)|草莓舌|杨梅舌|舌头(?:很|特别)?红",
  },
  {
    id: "hands_feet_changes",
    name: { en: "swollen red hands or feet, or peeling fingertips", zh: "手脚红肿或指尖脱皮" },
    kind: "symptom",
    en: "(?:swollen|red|puffy) (?:hands and feet|hands|feet|palms|soles)|(?:hands|feet|palms|soles) (?:and (?:feet|hands) )?(?:are |look |went )?(?:swollen|red|puffy)|peeling (?:fingers|fingertips|toes|skin on (?:the |his |her )?(?:fingers|fingertips|toes))|(?:fingers|fingertips|toes) (?:are |is )?peeling",
    zh: "手脚(?:都)?(?:肿|红肿|发红|脱皮)|手(?:掌)?(?:和|跟)?脚(?:掌)?(?:都)?(?:红|肿)|(?:手指|指尖|脚趾)(?:头)?(?:脱皮|蜕皮)",
  },
  {
    id: "neck_lump",
    name: { en: "a swollen gland in the neck", zh: "颈部淋巴结肿大" },
    kind: "symptom",
    en: "(?:swollen|enlarged|big|large|painful) (?:neck )?glands?|(?:lump|swelling) (?:in|on) (?:the |his |her |my )?neck|glands? (?:in (?:the |his |her |my )?neck )?(?:are |is )?(?:up|swollen)|lymph nodes?",
    zh: "(?:脖子|颈部)(?:上)?(?:有)?(?:个|一个)?(?:淋巴结|包|疙瘩|肿块)|淋巴结(?:肿大|肿)",
  },
  // ---- names the patient may already use -----------------------------------------------------------
  {
    id: "shingles_word",
    name: { en: "shingles", zh: "带状疱疹" },
    kind: "history",
    en: "(?:shingles|herpes zoster|zoster)(?! (?:vaccine|vaccination|jabs?|shots?|injection))",
    zh: "带状疱疹(?!疫苗)|缠腰龙|缠腰火丹|蛇盘疮|蛇串疮|蛇缠腰|生蛇|蜘蛛疮",
  },
  {
    id: "chickenpox_word",
    name: { en: "chickenpox", zh: "水痘" },
    kind: "history",
    en: "chicken ?pox|varicella",
    zh: "水痘|水豆",
  },
  {
    id: "eczema_word",
    name: { en: "eczema", zh: "湿疹" },
    kind: "history",
    en: "eczema|atopic (?:dermatitis|skin)",
    zh: "湿疹|特应性皮炎|异位性皮炎|奶癣",
  },
  {
    id: "cold_sore",
    name: { en: "cold sores (herpes)", zh: "唇疱疹（单纯疱疹）" },
    kind: "history",
    en: "cold sores?|fever blisters?|herpes(?! zoster)|hsv",
    zh: "唇疱疹|单纯疱疹|(?<!带状)疱疹(?!病毒疫苗)|热气疮|上火起泡|嘴角(?:又)?(?:起|长|冒)(?:了)?(?:一)?(?:小)?(?:簇|串|个|些)?(?:小)?(?:水泡|水疱|泡)|上火(?:起|长)(?:的)?泡",
  },
  // ---- pigmented spots -----------------------------------------------------------------------------
  {
    id: "mole",
    name: { en: "a mole", zh: "痣" },
    kind: "symptom",
    en: "moles?|naev(?:us|i)|nev(?:us|i)|beauty (?:mark|spot)|birthmark|dark spot|brown spot|freckle",
    zh: "痣|黑点|色斑|黑斑",
  },
  {
    id: "new_lesion",
    name: { en: "a new spot", zh: "新长出的斑点" },
    kind: "history",
    en: "new (?:\\w+ )?(?:mole|spot|growth|lump|bump|mark|lesion|freckle)|(?:wasn't|was not) there before|(?:appeared|came up|popped up) (?:recently|out of nowhere|last|a few)",
    zh: "新长(?:的|了|出)|新出现|新冒出|突然(?:长|冒)出|以前没有|原来没有",
  },
  {
    id: "since_childhood",
    name: { en: "present since childhood", zh: "从小就有" },
    kind: "history",
    en: "since (?:birth|childhood|i was (?:a child|a kid|little|young|born|a baby))|all my life|always had (?:it|this|them)|born with",
    zh: "从小|出生就|生下来就|一出生|小时候就|天生",
  },
  // ---- what happened before ------------------------------------------------------------------------
  {
    id: "new_medicine",
    name: { en: "a recent new medicine", zh: "最近用了新药" },
    kind: "history",
    en: "new (?:medicine|medication|meds|drugs?|pills?|tablets?|prescription|antibiotics?)|(?:started|starting|began|begun|took|taking|was put on|been put on|put me on) (?:taking )?(?:a |an |on |new |some )?(?:medicine|medication|meds|drugs?|pills?|tablets?|antibiotics?|course)|after taking|antibiotics?|amoxicillin|penicillin|allopurinol|carbamazepine|lamotrigine|phenytoin|sulfa|septrin|co-?trimoxazole|nevirapine|ibuprofen|(?:started|starting|began|begun|on|into) (?:taking |on )?\\w*(?:cillin|mycin|statin|pril|sartan|olol|azole|oxacin|cycline|prazole|gine|pine|trigine|purinol|toin|done|triptan|dipine|mab|nib)\\b|(?:weeks?|days?) into (?:a |my |the )?(?:new )?\\w+",
    zh: "新药|吃了?(?:新的)?药|服了?药|用了?(?:新)?药|换了?药|抗生素|消炎药|头孢|阿莫西林|青霉素|别嘌醇|卡马西平|拉莫三嗪|苯妥英|磺胺|退烧药|布洛芬|打(?:了|完|过)?针|输(?:了|完)?液|吊针|打(?:了|完)?点滴|新的[^，。,]{0,6}药|新[^，。,]{0,4}药|换了[^，。,]{0,4}药|开始吃[^，。,]{0,6}(?:药|片)|新的[a-z]+|新(?:开|换)的",
  },
  {
    id: "new_food",
    name: { en: "after a food", zh: "吃了某种食物后" },
    kind: "history",
    en: "ate|eating|after (?:eating|dinner|lunch|breakfast|a meal)|seafood|shellfish|shrimps?|prawns?|peanuts?|nuts|new food",
    zh: "海鲜|虾|蟹|花生|坚果|芒果|食物|吃了(?![^,.;!?。、]{0,3}药)",
  },
  {
    id: "new_product",
    name: { en: "contact with a new product", zh: "接触了新产品" },
    kind: "history",
    en: "new (?:soap|cream|lotion|detergent|shampoo|cosmetics?|make-?up|perfume|product|skincare|moisturi[sz]er|jewel(?:le)?ry|watch|gloves|sunscreen)|hair dye|latex|nickel|poison (?:ivy|oak)|detergent|cosmetics?",
    zh: "护肤品|化妆品|洗衣液|洗衣粉|香水|首饰|耳环|项链|手表|手套|染发|洗发水|沐浴露|乳液|面霜|新买的",
  },
  {
    id: "bite",
    name: { en: "a bite or sting", zh: "虫咬或蜇伤" },
    kind: "history",
    en: "bites?|bitten|mosquito(?:es)?|bugs?|insects?|spiders?|fleas?|bed ?bugs?|stung|wasps?|bees?",
    zh: "咬|蚊子|虫子|叮|跳蚤|臭虫|蜘蛛|蜇|马蜂|蜜蜂",
  },
  {
    id: "tick_bite",
    name: { en: "a tick bite", zh: "蜱虫叮咬" },
    kind: "history",
    en: "ticks?|tick bites?",
    zh: "蜱(?:虫)?|草爬子|狗豆子|壁虱|扁虱",
  },
  {
    id: "bullseye",
    name: { en: "an expanding ring or bull's-eye", zh: "逐渐扩大的红圈或靶形" },
    kind: "symptom",
    en: "bulls?-?eyes?|bull's-eye|target(?:-like|-shaped)?|(?:expanding|growing|spreading|widening|getting bigger) (?:red )?(?:ring|circle|rash|patch)|(?:ring|circle) (?:is |keeps |that )?(?:getting bigger|expanding|growing|spreading)",
    zh: "靶(?:心|形|样)|牛眼|(?:越来越大|逐渐扩大|不断扩大|慢慢变大)的?(?:红圈|红斑|圆圈|环)|红圈(?:越来越大|在扩大|变大)",
  },
  {
    id: "household",
    name: { en: "others at home have it too", zh: "家人也有" },
    kind: "history",
    en: "(?:family|household|partner|husband|wife|kids?|children|son|daughter|roommates?|brother|sister|classmates?) (?:\\w+ ){0,4}?(?:too|also|as well)|everyone (?:at home|in the house)",
    zh: "(?:家人|家里人|孩子|小孩|老公|老婆|丈夫|妻子|室友|同学|儿子|女儿|爸爸|妈妈|家里)(?:也|都)",
  },
  {
    id: "injury",
    name: { en: "a knock or injury", zh: "磕碰或外伤" },
    kind: "history",
    en: "bumped|bump into|hit|knock(?:ed)?|fell|fall|fallen|injur(?:y|ed)|bang(?:ed)?",
    zh: "撞|摔|磕|外伤|碰伤|碰了一下",
  },
  {
    id: "burn_injury",
    name: { en: "a burn or scald", zh: "烧伤或烫伤" },
    kind: "history",
    en: "burn(?:ed|t)? (?:myself|my|it|on|by|from|his|her|their|your)|(?:a|the|this|that) burn|burns? (?:on|to)|scald(?:ed|s|ing)?|sunburn(?:t|ed)?|hot (?:water|oil|pan|iron|stove|tea|coffee|drink|soup|milk|noodles|fat|grease|plate|oven|tray|radiator|exhaust|curling iron|straighteners)|boiling (?:water|oil|hot)|(?:just )?boiled (?:water|kettle)|steam(?:er|ing)?|kettle|(?:oven|stove|hob|iron|cooker|barbecue|bbq|fireworks?|bonfire|candle|lighter|flames?|fire)\\b[^.;!?]{0,30}?\\b(?:touched|grabbed|fell|caught|hit|went up)|(?:touched|grabbed|leaned on|fell (?:on|against)) (?:the |a )?(?:oven|stove|hob|iron|cooker|radiator|exhaust|barbecue|bbq)|set (?:on )?fire|caught fire|flames|(?:tea|coffee|soup|noodles?|pot noodle|kettle|pan|pot|bath|cup|mug|bowl)\\b[^.;!?]{0,30}?\\b(?:over|onto|spilled|spilt|knocked|pulled|poured|splashed|tipped|too hot|scald\\w*)|(?:knocked|pulled|spilled|spilt|tipped|poured|dropped) (?:a |the |my |his |her |some )?(?:\\w+ )?(?:tea|coffee|soup|noodles?|kettle|pan|pot|cup|mug|bowl)|bath (?:was )?too hot|hot bath|(?:roasting|baking|oven) (?:tin|tray|dish|shelf)|(?:bbq|barbecue|grill|hob|hair straighteners|straighteners|curling iron|exhaust|radiator|firework|bonfire|sparkler)\\b|burnt|burned|(?:coffee|tea|soup|kettle|noodles?)\\b[^.;!?]{0,40}?\\b(?:went|poured|spilled|spilt|all over|all down|down (?:his|her|my|their|the))",
    zh: "烫伤|烧伤|烫到|被烫|晒伤|淥(?:到|亲|伤)|辣亲|开水|热水|热汤|热粥|热油|滚油|滚水|沸水|热茶|热咖啡|热奶|蒸汽|水壶|暖水瓶|热水袋|烫了|烫着|烫红|燙|火烧|着火|烧到(?:了)?(?:手|脚|腿|胳膊|身上|皮肤)|烤箱|熨斗|鞭炮|烟花|(?:打翻|弄翻|撞翻|碰翻|泼|洒|倒)(?:了)?[^，。,]{0,8}?(?:汤|粥|茶|咖啡|水|面|奶|油|锅)|锅翻|油溅|溅(?:了)?油|(?:刚|啱)(?:煮|烧)好的|(?:火锅|热锅|油锅|炉子|烤炉|熨斗|卷发棒|排气管|暖气片|炮仗|鞭炮)|燶|滚(?:汤|粥|油)|滚烫",
  },
  {
    id: "sunburn",
    name: { en: "sunburn", zh: "晒伤" },
    kind: "history",
    en: "sunburn(?:t|ed)?|sun burn(?:t|ed)?|(?:fell asleep|lay|lying|lied|sat|spent (?:all day|the day|hours)) (?:\\w+ ){0,3}?(?:in the sun|by the pool|on the beach|sunbathing)|too much sun|sunbath\\w*|sun-?burnt",
    zh: "晒伤|晒脱皮|晒(?:红|伤|黑|脱皮|到|了一天|太久)|太阳晒|曬",
  },
  {
    id: "burn_large",
    name: { en: "a burn larger than the palm", zh: "比手掌大的烧烫伤" },
    kind: "symptom",
    en: "(?:bigger|larger|more) than (?:the size of )?(?:my |his |her |their |the |a |an |your )?(?:palm|hand)|(?:size of|as big as) (?:my |his |her |their |a )?(?:hand|palm|dinner plate|plate)|(?:whole|entire|most of (?:my|his|her|the)) (?:arm|leg|back|chest|hand|foot|face|stomach|belly|thigh)|large (?:area|burn|part)|big (?:burn|area)|(?:size of|as big as|bigger than|larger than) (?:my |his |her |their |a |an |the )?(?:whole )?(?:hand|palm|fist)|both (?:thighs|legs|arms|feet|hands)",
    zh: "比(?:手掌|巴掌|手)(?:还|都)?大|超过(?:手掌|巴掌)|一大片|大面积|整个(?:手臂|胳膊|腿|后背|胸口|肚子|手|脚|脸)|半个(?:身子|后背)|比(?:他|她|我|孩子|宝宝|bb)?(?:的)?(?:一个|一只)?(?:手掌|巴掌|手)(?:还|都)?大|(?:手掌|巴掌)(?:那么|这么|一样|咁)大|两只手|双手|两条腿|整片|大过(?:成只|一只)?(?:手掌|巴掌)",
  },
  {
    id: "burn_chemical",
    name: { en: "a chemical burn", zh: "化学烧伤" },
    kind: "history",
    en: "(?<!(?:salicylic|glycolic|hyaluronic|azelaic|lactic|retinoic|folic|fusidic|amino|citric|stomach) )acid(?! reflux)|alkali|caustic|lye|drain (?:cleaner|unblocker|opener)|unblocker|oven cleaner|sodium hydroxide|hydrofluoric|battery acid|(?:bleach|chemicals?|cleaner|cement|concrete|lime|solvent)\\b[^.;!?]{0,30}?\\b(?:splash\\w*|spill\\w*|got on|landed on|burn\\w*)|(?:bleach|chemicals?|cement|wet concrete|quick ?lime) (?:burns?|splash(?:ed)?|spill(?:ed)?|got (?:on|in))|(?:splash|spill|spilt|spilled|splashed) (?:\\w+ ){0,3}?(?:bleach|chemicals?)|chemical burns?|(?:chemical|bleach|acid|alkali|drain|cleaner)\\b[^.;!?]{0,20}?\\b(?:eye|eyes|face)|(?:oven|drain|toilet|bathroom) (?:spray|cleaner|unblocker)|cleaning (?:the )?oven\\b[^.;!?]{0,40}?\\b(?:spray|splash\\w*|blew|got)",
    zh: "强酸|强碱|硫酸|盐酸|硝酸|烧碱|火碱|氢氧化钠|生石灰|洁厕灵|管道疏通剂|疏通剂|通渠(?:水|粉|剂)|84消毒液|84|消毒液(?:溅|洒|泼)|漂白水|(?:化学品?|漂白(?:剂|水)?|石灰|水泥)(?:溅|烧|灼|泼|洒)|(?:溅|泼|洒)(?:到|了)?[^，。,]{0,4}?(?:化学品?|漂白|石灰)|化学(?:烧伤|灼伤)|(?:氢氟|硫|盐|硝|草|冰醋)酸|强碱|通水管",
  },
  {
    id: "burn_electrical",
    name: { en: "an electrical burn", zh: "电烧伤" },
    kind: "history",
    en: "electric(?:al)? (?:shock|burns?|injury)|electrocut\\w*|live wire|power line|struck by lightning|lightning strike|shocked by|(?:got|get|gets|was|been) (?:a )?(?:bad )?(?:shock|shocked|zapped)|(?:shock|zap) from (?:a|an|the) (?:socket|plug|wire|cable|outlet|fence|machine)|(?:socket|plug|outlet|wire|cable)\\b[^.;!?]{0,30}?\\b(?:shock|zapped|sparked)|(?:took|got|had) (?:a )?(?:big |nasty |bad )?(?:shock|belt|zap|jolt)(?: off| from)?|(?:shock|belt|zap|jolt) (?:off|from) (?:a |an |the )?(?:\\w+ )?(?:socket|plug|wire|cable|outlet|panel|fence|toaster|machine|appliance|charger)|(?:chewed|bit|bitten) (?:through )?(?:a |the |my )?(?:\\w+ )?(?:cable|wire|cord|charger)|lightning|\\d{3,5}\\s?v\\b|volts?",
    zh: "电击|触电|电烧|电灼|被电(?:到|了|打|击|电)?|电(?:到|打)(?:了)?(?:一下)?|漏电|高压电|雷击|被雷劈|插座(?:冒火|打火|电)|电亲|俾电|(?:被|给|让)?电(?:亲|麻|打|击)(?:了|到|咗)?|插头|插座|电线|漏电|电门|雷(?:劈|打|击)",
  },
  {
    id: "burn_deep",
    name: { en: "a deep burn (white, charred or numb)", zh: "深度烧伤（发白、焦黑或麻木）" },
    kind: "symptom",
    en: "charred|leathery|waxy|(?:white|blackened) (?:skin|burn|patch|area)|(?:skin|burn) (?:is |looks |went |turned )?(?:white|black)|painless|numb|(?:gone|went|turned|is|looks|going) (?:all )?(?:white|grey|gray|black)|can't feel (?:it|them|anything)|doesn't (?:even )?hurt|no feeling",
    zh: "焦黑|烧焦|(?:皮肤|伤口|烫伤处?)(?:发白|变白|苍白)|皮革样|没(?:有)?(?:感觉|知觉)|麻木|皮(?:肤)?(?:发白|变白|白了|发灰)|反而不(?:怎么)?(?:疼|痛)|没(?:有)?(?:痛|疼)(?:感|觉)",
  },
  {
    id: "sensitive_site",
    name: {
      en: "on the face, neck, hands, feet, genitals or a joint",
      zh: "在面部、颈部、手、脚、生殖器或关节",
    },
    kind: "site",
    en: "face|hands?|fingers?|palms?|feet|foot|toes?|soles?|genitals?|groin|private parts|penis|vagina|vulva|scrotum|perineum|joints?|knees?|elbows?|armpits?|neck",
    zh: "脸|面部|手|脚|足|生殖器|会阴|下体|私处|阴部|关节|膝盖|肘|腋下|脖子|颈",
  },
  {
    id: "foot",
    name: { en: "on the foot", zh: "在脚上" },
    kind: "site",
    en: "foot|feet|toes?|heels?|soles?|ankles?|toenails?",
    zh: "脚|足(?!够|球|以)|趾|脚后跟|脚底|脚掌|脚背|脚踝",
  },
  {
    id: "genital",
    name: { en: "in the genital area", zh: "生殖器部位" },
    kind: "site",
    en: "genitals?|genital area|private (?:parts|area)|penis|vagina|vulva|scrotum|groin|foreskin|labia|down below|down there|(?:stings?|burns?|hurts?) (?:like anything )?when (?:i|he|she) (?:pee|wee|urinate)",
    zh: "生殖器|下体|私处|阴部|外阴|龟头|包皮|阴囊|腹股沟|下面(?:长|起|有|冒|生)|下身",
  },
  // ---- who the patient is --------------------------------------------------------------------------
  {
    id: "infant",
    name: { en: "a baby", zh: "婴儿" },
    kind: "risk",
    en: "bab(?:y|ies)(?! (?:oil|powder|wipes?|shampoo|lotion|cream|soap|steps?|bump|shower|monitor|aspirin))|infants?",
    zh: "宝宝|婴儿|小宝宝|奶娃|小婴儿|(?<![a-z])baby(?! (?:oil|powder|wipes?|shampoo|lotion|cream|soap))(?![a-z])|婴儿",
  },
  {
    id: "under_3_months",
    name: { en: "a baby under 3 months old", zh: "不满3个月的婴儿" },
    kind: "risk",
    en: "newborns?|new-born|neonat\\w*",
    zh: "新生儿|刚出生|月子里|没满月|未满月|满月",
  },
  {
    id: "child",
    name: { en: "a child", zh: "孩子" },
    kind: "risk",
    en: "child(?:ren)?|kids?|son|daughter|toddler|boy|girl|little one|teenager|pupil",
    zh: "孩子|小孩|儿子|女儿|宝宝|娃|小朋友|幼儿|儿童|闺女|小男孩|小女孩|(?:个|我)?仔(?!细)|个女|囡",
  },
  {
    id: "pregnant",
    name: { en: "pregnancy", zh: "怀孕" },
    kind: "risk",
    en: "pregnan(?:t|cy)|expecting (?:a baby|twins)|(?:first|second|third) trimester|trimester|i'm expecting",
    zh: "怀孕|孕(?:期|妇|早期|中期|晚期|\\d+周|[一二三四五六七八九十]+周)|怀了(?:宝宝|孩子|二胎)?|有(?:了)?身孕|妊娠|孕妈|准妈妈",
  },
  {
    id: "immunosuppressed",
    name: { en: "a weak immune system", zh: "免疫力低下" },
    kind: "risk",
    en: "chemo(?:therapy)?|transplant(?:ed)?|immuno-?suppress(?:ed|ion|ants?|ive)|immune system is (?:weak|low|suppressed)|weak(?:ened)? immune(?: system)?|low immun(?:e|ity)|on (?:long-?term )?steroids|prednisolone|prednisone|methotrexate|biologics?|(?:cancer|leuka?emia|lymphoma) treatment|leuka?emia|lymphoma|hiv|aids|neutropeni(?:a|c)|low white (?:cell|blood cell)s?",
    zh: "化疗|放化疗|移植|免疫抑制(?:剂)?|免疫力(?:很|特别|非常)?(?:低|差|低下)|(?:长期)?(?:吃|用|服)(?:用)?激素|强的松|泼尼松|甲氨蝶呤|生物制剂|艾滋(?:病)?|白细胞(?:很|特别)?(?:低|少)|白血病|淋巴瘤|(?:肿瘤|癌症)(?:治疗|病人)",
  },
  {
    id: "diabetes",
    name: { en: "diabetes", zh: "糖尿病" },
    kind: "risk",
    en: "diabet(?:es|ic)|(?:high )?blood sugar|insulin|metformin",
    zh: "糖尿病|血糖(?:高|偏高)|胰岛素|二甲双胍|糖友",
  },
  // ---- injuries, bites, clots and what comes with them (issue 16) ---------------------------------
  {
    id: "animal_bite",
    name: { en: "a bite or scratch by an animal or a person", zh: "被动物或人咬伤、抓伤" },
    kind: "history",
    en: "(?:dog|cat|kitten|puppy|bat|monkey|macaque|rat|mouse|hamster|squirrel|fox|raccoon|ferret|horse|pig|animal|stray|human|person|kid|child|brother|sister|toddler|someone)\\b[^.;!?]{0,25}?\\b(?:bit|bites?|bitten|biting|nipped|scratch(?:ed|es)?|clawed|attacked)|(?:bit|bitten|nipped|scratched|clawed|attacked) (?:by|from) (?:a |an |the |my |our |his |her |their |neighbou?r's |some )?(?:\\w+ )?(?:dog|cat|kitten|puppy|bat|monkey|macaque|rat|mouse|hamster|squirrel|fox|raccoon|animal|stray|person|human|kid|child|boy|girl)|(?:dog|cat|animal|human|monkey|rat) (?:bite|scratch)|fight bite|punched (?:someone|a guy|him) in the (?:mouth|teeth)|(?:bit|bitten|nipped|scratched)\\b[^.;!?]{0,25}?\\bby (?:a |an |the |my |our |his |her |some )?(?:\\w+ )?(?:dog|cat|kitten|puppy|bat|monkey|macaque|rat|fox|animal|stray)|(?:on|against|into) (?:someone's|somebody's|his|her|their|a guy's|the other guy's) teeth|knuckle\\b[^.;!?]{0,30}?\\bteeth",
    zh: "(?:狗|犬|猫|猫咪|小猫|蝙蝠|猴|猴子|老鼠|鼠|仓鼠|松鼠|狐狸|动物|流浪|dog|cat|monkey|bat|rat|puppy|kitten)[^。.！？没不未冇蚊虫蜂]{0,10}?(?:咬|抓|挠)(?!痒)|(?:人|小孩|孩子|同学|对方|别人)(?:咬|抓)(?:了|伤|破)|(?:被|让|俾|给)(?:[^，。,.！？]{0,6})?(?:狗|犬|猫|蝙蝠|猴|老鼠|鼠|动物|人|对方|别人|dog|cat|monkey|bat|rat)(?:[^，。,.！？]{0,4})?(?:咬|抓|挠)|狗咬|猫抓|猫咬|犬伤",
  },
  {
    id: "heavy_bleeding",
    name: { en: "bleeding that will not stop, or a gaping wound", zh: "出血不止或伤口裂开很大" },
    kind: "symptom",
    en: "(?:won't|will not|doesn't|does not|can't|cannot) stop bleeding|bleeding (?:won't|will not|doesn't) stop|(?:soaking|soaked|pouring|gushing|spurting)|gaping|(?:deep|big|large) (?:cut|gash|wound|hole)|(?:flesh|fat|bone) (?:showing|visible)|torn open",
    zh: "血流不止|(?:一直|不停|止不住)(?:在)?(?:流血|出血)|肉(?:都)?翻(?:开|出来)|(?:伤口|口子)(?:很|好|特别)?(?:深|大)|(?:裂开|撕开)|见骨|血口子",
  },
  {
    id: "snake_bite",
    name: { en: "a snakebite", zh: "被蛇咬伤" },
    kind: "history",
    en: "snake ?bites?|(?:bit|bitten|struck) by (?:a |an |the )?(?:\\w+ )?(?:snake|adder|viper|rattlesnake|cobra|krait)|(?:snake|adder|viper|rattlesnake|cobra)\\b[^.;!?]{0,20}?\\b(?:bit|bites|bitten|struck)|adders?|vipers?|rattlesnakes?|cobras?|copperheads?|kraits?",
    zh: "蛇咬|被蛇|毒蛇|蝮蛇|竹叶青|眼镜蛇|银环蛇|五步蛇|蛇(?:[^，。,]{0,4})咬|snake|蛇",
  },
  {
    id: "bat_contact",
    name: { en: "contact with a bat", zh: "接触过蝙蝠" },
    kind: "history",
    en: "bats?\\b(?! (?:and ball|mitzvah))[^.;!?]{0,30}?\\b(?:room|bedroom|house|touched|handled|flew|landed|picked up)|(?:touched|handled|picked up) (?:a |the )?bat",
    zh: "蝙蝠",
  },
  {
    id: "broke_skin",
    name: { en: "the skin was broken", zh: "皮肤破了" },
    kind: "symptom",
    en: "broke (?:the )?skin|broken (?:the )?skin|(?:drew|drawn|drawing) blood|puncture(?:d|s)?|punctured|tooth marks? (?:with|and) blood|deep (?:bite|scratch|cut)",
    zh: "破皮|咬破|抓破|挠破|出血|流血|见血|牙印(?:出血|流血)|皮破了",
  },
  {
    id: "one_leg_swelling",
    name: { en: "one leg swollen, warm or painful", zh: "单侧腿肿胀、发烫或疼痛" },
    kind: "symptom",
    en: "(?:one|my left|my right|the left|the right|left|right|his left|his right|her left|her right) (?:leg|calf|calve|thigh|lower leg)\\b[^.;!?]{0,40}?\\b(?:swollen|swelling|swelled|puffy|bigger|fatter|thicker|tight|hot|warm|throbbing|cramp\\w*)|(?:swollen|swelling|puffy|hot|throbbing) (?:left|right) (?:leg|calf|thigh)|one (?:leg|calf|ankle) (?:is |looks )?(?:bigger|fatter|thicker|more swollen)|calf (?:is |feels )?(?:swollen|hot|tight|hard|throbbing)|swollen calf|(?:leg|calf) (?:is |feels |looks )?(?:swollen|puffy)[^.;!?]{0,40}?\\b(?:flight|flew|plane|drive|surgery|operation|pill|bed rest|cast)|(?:other|one of (?:my|his|her)) (?:leg|calf|thigh)\\b[^.;!?]{0,30}?\\b(?:swollen|swelling|puffy|hot|warm|tender|painful|bigger|tight)|(?:calf|calves) (?:is |are |feels? |looks? )?(?:\\w+ )?(?:swollen|hot|tight|hard|tender|throbbing)",
    zh: "(?:一条|一只|一边|单侧|左|右|左边|右边)(?:的)?(?:小腿|大腿|腿|脚踝)[^，。,.！？]{0,6}?(?:肿|胀|粗|热|硬|疼|痛)|小腿(?:肚)?(?:[^，。,.！？]{0,4})?(?:肿|胀|发热|发硬|发紧)|(?:一条|一边)腿(?:比另一条|比另外一条)?(?:粗|肿|大)|(?:左|右|一只|一边)(?:脚|腳)(?:瓜|肚|骨)?[^，。,.！？]{0,4}?(?:肿|腫|胀|热|痛|疼)|(?:脚瓜|腳瓜)(?:[^，。,]{0,4})?(?:肿|胀|热|痛)|(?:calf|leg)(?:[^，。,]{0,6})?(?:肿|红|热|胀|痛)",
  },
  {
    id: "leg",
    name: { en: "on the leg", zh: "在腿上" },
    kind: "site",
    en: "legs?|calf|calves|thighs?|shins?|knees?|ankles?",
    zh: "腿|小腿|大腿|膝|脚踝|脚瓜|腳瓜|小腿肚|leg|calf",
  },
  {
    id: "chest_pain",
    name: { en: "chest pain", zh: "胸痛" },
    kind: "symptom",
    en: "chest (?:pain|hurts|is hurting|aches?)|pain in (?:my|his|her|the) chest|(?:hurts|pain) (?:when|to) (?:i )?breathe in",
    zh: "胸(?:口)?(?:痛|疼)|心口(?:痛|疼)|吸气(?:时)?(?:痛|疼)",
  },
  {
    id: "coughing_blood",
    name: { en: "coughing up blood", zh: "咳血" },
    kind: "symptom",
    en: "cough(?:ing|ed)? (?:up )?blood",
    zh: "咳血|咯血|痰(?:里|中)带血",
  },
  {
    id: "hfmd_word",
    name: { en: "hand, foot and mouth disease", zh: "手足口病" },
    kind: "symptom",
    en: "hand,? foot,? (?:and|&|n) mouth|hfmd",
    zh: "手足口",
  },
  {
    id: "vomiting",
    name: { en: "vomiting", zh: "呕吐" },
    kind: "symptom",
    en: "vomit(?:s|ing|ed)?|throw(?:ing|s)? up|threw up|being sick|been sick|projectile",
    zh: "呕吐|吐了|一直吐|老吐|又吐|喷射状",
  },
  {
    id: "jerking",
    name: { en: "jerking, twitching or startling", zh: "肢体抖动或易惊" },
    kind: "symptom",
    en: "jerk(?:s|ing|y)|twitch(?:es|ing|y)|startl(?:es|ing|ed) (?:easily|a lot)|shak(?:ing|es) (?:arms|legs|limbs)|myoclon\\w*|trembl(?:ing|es)|startl(?:e|es|ing|ed)",
    zh: "抖动|肢体抖|手脚(?:发)?抖|惊跳|易惊|一惊一乍|肌阵挛|抽动|惊醒|发抖(?!.{0,2}冷)|一惊一(?:惊|乍)|一抖一抖|抖一抖|(?:手|脚|手脚)(?:一直|老是|会)?(?:抖|颤)",
  },
  {
    id: "cold_limbs",
    name: { en: "cold hands and feet", zh: "手脚冰凉" },
    kind: "symptom",
    en: "(?:hands and feet|feet and hands|hands|feet|legs|arms) (?:are |feel |felt )?(?:ice[- ]?)?cold|cold (?:hands|feet|hands and feet)",
    zh: "手脚(?:发)?(?:冰凉|冰冷|发凉|凉)|四肢(?:发)?(?:冰凉|冰冷|发凉|凉)|手(?:脚)?冰",
  },
  {
    id: "improving",
    name: { en: "already getting better", zh: "已经在好转" },
    kind: "history",
    en: "(?:going|gone|come|coming|went) down|settl(?:ing|ed)|(?:getting|got) better|improv(?:ing|ed)|(?:almost|nearly|mostly) gone|fading|subsid(?:ing|ed)|less swollen",
    zh: "消了|消下去|在消|消退|(?:慢慢|逐渐|已经)?好转|好多了|好些了|退了|退下去|减轻|小了(?:很多|一些|点)",
  },
  {
    id: "chronic_wound",
    name: { en: "a leg ulcer or pressure sore", zh: "腿部溃疡或压疮" },
    kind: "history",
    en: "(?:leg|venous|varicose|arterial|diabetic|stasis) ulcers?|ulcers? on (?:my|his|her|the) (?:leg|shin|ankle)|bed ?sores?|pressure (?:sores?|ulcers?|injury|area)|decubitus",
    zh: "褥疮|压疮|老烂腿|静脉曲张(?:性)?溃疡|腿(?:上|部)?(?:的)?溃疡|下肢溃疡|溃疡[^，。,]{0,4}(?:小腿|脚踝)",
  },
  {
    id: "lump",
    name: { en: "a lump or growth", zh: "肿块或新生物" },
    kind: "symptom",
    en: "lumps?|growths?|nodules?|(?:a |the )?bumps? (?:that|which) (?:is |keeps )?(?:growing|getting bigger)",
    zh: "肿块|肿物|包块|硬块|疙瘩|肉疙瘩|小包|长了(?:个|一个)(?:东西|包)|新生物|(?:大|硬)包|硬硬的(?:大)?包",
  },
  {
    id: "punched_out",
    name: { en: "punched-out sores", zh: "凿孔样溃疡" },
    kind: "symptom",
    en: "punched[- ]out|(?:little |small )?(?:holes|pits|craters)|pock ?marks",
    zh: "凿孔|打孔|小坑|小洞|火山口|(?:坑|洞)(?:坑|洞)",
  },
  {
    id: "elderly",
    name: { en: "an older person", zh: "老年人" },
    kind: "risk",
    en: "elderly|(?:my )?(?:grandmother|grandfather|grandma|grandpa|granny|nan|nana|grandad) (?:is|has|'s)|pensioner|care home|nursing home|old (?:man|woman|lady|gentleman)|(?:mum|mom|dad|father|mother|gran|granddad|grandad)(?:'s| is)? (?:7|8|9)\\d",
    zh: "老人(?:家)?|老年人|高龄|老太太|老爷子|老爷爷|老奶奶|(?:我)?(?:奶奶|爷爷|外婆|外公|姥姥|姥爷)(?:的|她|他)?",
  },
  {
    id: "newborn",
    name: { en: "a newborn baby (under 4 weeks)", zh: "新生儿（不满4周）" },
    kind: "risk",
    en: "newborns?|new-born|neonat\\w*|(?:\\d+|one|two|three|ten|twelve|fifteen|twenty)[- ]days?[- ]old",
    zh: "新生儿|刚出生|月子里|没满月|未满月|出生(?:才)?(?:\\d+|[一二两三四五六七八九十]+)天",
  },
  {
    id: "psoriasis_word",
    name: { en: "psoriasis", zh: "银屑病（牛皮癣）" },
    kind: "history",
    en: "psoriasis|psoriatic",
    zh: "银屑病|牛皮癣",
  },
  {
    id: "cellulitis_word",
    name: { en: "cellulitis", zh: "蜂窝织炎" },
    kind: "history",
    en: "cellulitis|erysipelas",
    zh: "蜂窝(?:组)?织炎|丹毒",
  },
  {
    id: "high_risk_drug",
    name: {
      en: "a medicine that can cause severe skin reactions",
      zh: "可能引起严重皮肤反应的药物",
    },
    kind: "history",
    en: "lamotrigine|lamictal|carbamazepine|tegretol|phenytoin|allopurinol|co-?trimoxazole|septrin|bactrim|sulfamethoxazole|nevirapine|oxcarbazepine",
    zh: "拉莫三嗪|卡马西平|苯妥英|别嘌(?:醇|呤醇)|复方新诺明|磺胺甲(?:噁|恶)唑|奈韦拉平|奥卡西平|lamotrigine|carbamazepine|allopurinol",
  },
  {
    id: "diluted",
    name: { en: "diluted and washed off", zh: "稀释过并已冲洗" },
    kind: "history",
    en: "dilute(?:d)?|watered down|washed (?:it )?(?:straight |right )?off",
    zh: "稀释|兑水|冲(?:洗)?掉|洗掉",
  },
  {
    id: "unexplained",
    name: { en: "without a reason", zh: "原因不明" },
    kind: "history",
    en: "(?:can't|cannot|couldn't) explain|unexplained|for no reason|out of nowhere|don't know (?:how|why|where)",
    zh: "莫名其妙|无缘无故|不知道(?:怎么|为什么)|无端端|不明原因",
  },
  {
    id: "tired",
    name: { en: "very tired", zh: "非常疲倦" },
    kind: "symptom",
    en: "(?:so |very |really |always |constantly )?(?:tired|exhausted|fatigued|worn out)|no energy|fatigue",
    zh: "(?:特别|非常|很|好|总是)?(?:累|疲倦|疲劳|乏力|没劲)",
  },
  {
    id: "palpitations",
    name: { en: "a racing or irregular heartbeat", zh: "心跳快或心律不齐" },
    kind: "symptom",
    en: "heart (?:is |keeps |'s )?(?:fluttering|racing|pounding|skipping|irregular|jumping)|palpitations?|funny heartbeat",
    zh: "心跳(?:好|很|特别)?(?:乱|快|不齐|不规律)|心慌|心悸",
  },
  {
    id: "burn_mark",
    name: { en: "a burn mark or wound", zh: "烧伤痕迹或伤口" },
    kind: "symptom",
    en: "(?:black|burn|burnt|grey|greyish|small|entry|exit) (?:mark|spot|patch|hole)s?|burnt[- ]looking|fern-like|feathery|burns? on",
    zh: "黑点|黑印|焦|燶|伤口|烧伤|灼伤|电流斑|印(?:子|记)",
  },
  {
    id: "lice",
    name: { en: "head lice or nits", zh: "头虱或虱卵" },
    kind: "symptom",
    en: "(?:head )?lice|nits|louse",
    zh: "头虱|虱子|虱卵|虱",
  },
  {
    id: "athletes_foot",
    name: { en: "athlete's foot", zh: "脚气（足癣）" },
    kind: "symptom",
    en: "athlete'?s foot|(?:between|in between) (?:my |his |her )?toes\\b[^.;!?]{0,40}?\\b(?:white|soggy|peeling|itch\\w*|cracked|flaky)|(?:white|soggy|peeling|cracked|flaky|itchy) (?:skin )?between (?:my |his |her )?toes",
    zh: "脚气|足癣|香港脚|(?:脚)?趾(?:缝|罅)[^，。,]{0,6}(?:痒|脱皮|发白|裂)",
  },
  {
    id: "wart",
    name: { en: "a wart or verruca", zh: "疣" },
    kind: "symptom",
    en: "warts?|verruca(?:s|e)?|plantar wart",
    zh: "疣|瘊子|鸡眼",
  },
  {
    id: "dandruff",
    name: { en: "dandruff", zh: "头皮屑" },
    kind: "symptom",
    en: "dandruff|flaky scalp|scalp (?:is )?flaky",
    zh: "头皮屑|头屑|dandruff",
  },
  {
    id: "chafing",
    name: { en: "chafing", zh: "摩擦擦伤" },
    kind: "symptom",
    en: "chaf(?:ed|ing|e)|rubbed raw",
    zh: "磨破|磨红|摩擦(?:红|破)",
  },
  {
    id: "nettles",
    name: { en: "a nettle sting", zh: "荨麻蜇" },
    kind: "history",
    en: "nettles?|stinging nettle",
    zh: "荨麻(?!疹)",
  },
  {
    id: "hair_loss",
    name: { en: "hair loss", zh: "脱发" },
    kind: "symptom",
    en: "hair (?:loss|falling out)|bald (?:patch|spot)s?",
    zh: "脱发|掉头发|斑秃",
  },
  {
    id: "lightning",
    name: { en: "a lightning strike", zh: "雷击" },
    kind: "history",
    en: "lightning|struck by lightning",
    zh: "雷(?:劈|击|打)|被雷",
  },
  {
    id: "recurrent",
    name: { en: "keeps coming back", zh: "反复发作" },
    kind: "history",
    en: "keep (?:getting|having|coming back)|keeps (?:coming back|happening|recurring)|on and off|(?:come|comes|coming) back|again and again|recurr\\w*",
    zh: "反复|老是|总是|成日|又(?:起|长|出)|一直(?:起|长|出)",
  },
  {
    id: "hives_word",
    name: { en: "hives", zh: "荨麻疹（风团）" },
    kind: "symptom",
    en: "hives|welts?|wheals?|nettle rash|urticaria",
    zh: "风团|风疹块|风疙瘩|荨麻疹|风癞|起风",
  },
  {
    id: "scarlet_fever_signs",
    name: { en: "a sandpaper rash or strawberry tongue", zh: "砂纸样皮疹或草莓舌" },
    kind: "symptom",
    en: "scarlet fever|scarlatina|sandpaper|strawberry tongue|tongue (?:is )?(?:bright red and bumpy|like a strawberry)",
    zh: "猩红热|砂纸|草莓舌|杨梅舌",
  },
  {
    id: "scarring",
    name: { en: "scarring", zh: "留疤" },
    kind: "symptom",
    en: "scar(?:s|ring|red)?|pitted|pits",
    zh: "留(?:坑|疤|印)|疤",
  },
  {
    id: "severe_word",
    name: { en: "described as severe", zh: "自述严重" },
    kind: "symptom",
    en: "(?:really |very )?(?:severe|bad|terrible)(?= (?:acne|spots|rash|eczema))",
    zh: "(?:很|非常|特别|好)严重",
  },
  // ---- other descriptions the catalogue uses -------------------------------------------------------
  {
    id: "ring_shape",
    name: { en: "ring-shaped", zh: "环形" },
    kind: "symptom",
    en: "rings?|ring-shaped|circular|circles?|round patch(?:es)?|clear(?:er)? (?:centre|center|middle)",
    zh: "圆形|环形|环状|圆圈|一圈|圈状|红圈",
  },
  {
    id: "night_itch",
    name: { en: "worse at night", zh: "夜间加重" },
    kind: "symptom",
    en: "at night|night-?time|overnight",
    zh: "晚上|夜里|夜间|半夜",
  },
  {
    id: "one_side_band",
    name: { en: "a band on one side", zh: "单侧带状分布" },
    kind: "symptom",
    en: "one side|one-sided|band|stripe|strip|belt|line of (?:blisters|spots|bumps)|(?:round|around|wrapping round|wrapping around|across) (?:the |my |his |her |their )?(?:waist|ribs|side|back|chest|flank|belly|tummy|stomach)",
    zh: "一侧|单侧|一边|半边|带状|一条|一圈|一片(?:从|沿)|(?:腰|胸|背|肋)(?:上|部|间|周|两侧)?(?:一圈|一条|一带|缠)|缠腰|围着(?:腰|肚子)|(?:只在)?(?:左|右)边(?!的?(?:腿|手|眼))|(?:没|不)过中线|一排|一串",
  },
  {
    id: "tingling",
    name: { en: "tingling or numbness", zh: "发麻或针刺感" },
    kind: "symptom",
    en: "tingl(?:e|es|ing|y)|numb(?:ness)?|pins and needles|shooting pain|nerve pain",
    zh: "发麻|麻木|麻麻的|刺麻|针扎|针刺|神经痛|放电",
  },
  {
    id: "pimples",
    name: { en: "pimples", zh: "痘痘" },
    kind: "symptom",
    en: "pimples?|zits?|blackheads?|whiteheads?|breakouts?|breaking out",
    zh: "(?<!水)痘(?!疹)|粉刺|黑头|白头",
  },
  {
    id: "flushing",
    name: { en: "flushing", zh: "潮红" },
    kind: "symptom",
    en: "flush(?:es|ing)?|blush(?:es|ing)?|red face|facial redness",
    zh: "潮红|脸红|面部发红",
  },
  {
    id: "white_patches",
    name: { en: "white patches", zh: "白斑" },
    kind: "symptom",
    en: "white (?:patch(?:es)?|spots?|areas?|skin)|(?:lost|losing|loss of) (?:colou?r|pigment)|lighter (?:patch(?:es)?|skin)|pale patch(?:es)?|depigment(?:ed|ation)",
    zh: "白斑|白色斑块|白色的斑|变白|白点",
  },
  {
    id: "brown_patches",
    name: { en: "brown or light patches", zh: "褐色或浅色斑片" },
    kind: "symptom",
    en: "(?:brown|tan|darker|light|pale|lighter|discolou?red) (?:patch(?:es)?|blotch(?:es)?|marks?)|pigmentation|uneven skin tone",
    zh: "(?:褐色|棕色|黄褐色|浅色|深色)(?:的)?(?:斑|斑片|斑块)|色素沉着|黄褐斑|花斑",
  },
  {
    id: "rough",
    name: { en: "rough surface", zh: "表面粗糙" },
    kind: "symptom",
    en: "rough|sandpaper|gritty|cauliflower|warty",
    zh: "粗糙|砂纸|菜花",
  },
  {
    id: "firm_bump",
    name: { en: "a firm bump", zh: "硬结" },
    kind: "symptom",
    en: "firm|hard (?:lump|bump|spot)|dimples?|lump under the skin",
    zh: "硬结|硬块|硬疙瘩|皮下(?:有个)?(?:包|疙瘩)",
  },
  {
    id: "soft_growth",
    name: { en: "a small soft growth", zh: "柔软的小赘生物" },
    kind: "symptom",
    en: "skin tags?|(?:soft|floppy|fleshy|dangling|hanging) (?:growth|lump|bump|bit of skin|tag)|on a stalk",
    zh: "皮赘|肉赘|软疣|小肉(?:粒|疙瘩|球)|挂着的小肉",
  },
  {
    id: "dimpled_bumps",
    name: { en: "small dimpled pearly bumps", zh: "中央有凹陷的珍珠样小丘疹" },
    kind: "symptom",
    en: "(?:dimple|dent|dip|hole) in the (?:middle|centre|center)|umbilicated|water warts?",
    zh: "中间(?:有)?(?:凹陷|小坑|小窝)|脐凹|水瘊子",
  },
  {
    id: "sun_exposure",
    name: { en: "a lot of sun exposure", zh: "日晒多" },
    kind: "history",
    en: "sun(?:ny|light|bathing|beds?)?|outdoors?|tanning",
    zh: "晒|太阳|日晒|户外",
  },
  {
    id: "pearly",
    name: { en: "pearly or shiny bump", zh: "珍珠样或发亮的小包" },
    kind: "symptom",
    en: "pearly|shiny (?:bump|lump|spot)|waxy|translucent",
    zh: "珍珠|发亮|蜡样|半透明",
  },
  {
    id: "bruising",
    name: { en: "purple or blue-black colour", zh: "青紫色" },
    kind: "symptom",
    en: "bruis(?:e|ed|es|ing)|purple|bluish|black and blue",
    zh: "青紫|淤青|瘀青|乌青|紫色|青一块紫一块|(?<![点])瘀(?![点斑])",
  },
  {
    id: "dark_colour",
    name: { en: "very dark or several colours", zh: "颜色很深或多种颜色" },
    kind: "symptom",
    en: "black|dark (?:brown|spot|patch|mole)|very dark|multi-?colou?red",
    zh: "黑色|深褐色|很黑|发黑",
  },
  {
    id: "widespread",
    name: { en: "all over the body", zh: "全身都有" },
    kind: "symptom",
    en: "all over(?: (?:my|the|his|her|their) (?:body|trunk|chest|back|tummy|face))?|whole body|everywhere|entire body|widespread|head to toe|most of (?:my|his|her) body",
    zh: "全身|浑身|到处都是|遍布|满身|身上到处|从头到脚",
  },
  {
    id: "sweat_heat",
    name: { en: "after heat or sweating", zh: "出汗或受热后" },
    kind: "history",
    en: "sweat(?:y|ing|s)?|hot weather|heat wave|overheat(?:ed|ing)?|too warm|bundled up",
    zh: "出汗|捂|天热|闷热|热的时候|痱子|痱",
  },
  {
    id: "nappy_area",
    name: { en: "in the nappy area", zh: "尿布区" },
    kind: "site",
    en: "nappy|nappies|diaper(?:s)?|bottom|buttocks|bum",
    zh: "尿布|尿不湿|纸尿裤|屁股|屁屁|臀部",
  },
  {
    id: "pressure_area",
    name: { en: "over a pressure point, in someone who lies or sits a lot", zh: "受压部位（久卧或久坐）" },
    kind: "site",
    en: "bed-?bound|bedridden|wheelchair|lying in bed|tailbone|sacrum|bed sores?|pressure sores?|pressure ulcers?",
    zh: "卧床|瘫痪在床|坐轮椅|尾骨|骶尾|褥疮|压疮",
  },
  {
    id: "sexual_contact",
    name: { en: "recent sexual contact", zh: "近期性接触" },
    kind: "history",
    en: "sex|sexual(?:ly)?|new partner|unprotected|condom",
    zh: "性生活|同房|性接触|新伴侣|没戴套|无保护",
  },
] as const satisfies readonly VocabularyEntry[];

export type SymptomId = (typeof vocabulary)[number]["id"];

const byId = new Map<string, (typeof vocabulary)[number]>(vocabulary.map((v) => [v.id, v]));

export function symptomName(id: SymptomId): Localised {
  return byId.get(id)!.name;
}

export function symptomKind(id: SymptomId): VocabularyKind {
  return byId.get(id)!.kind;
}

export function isSymptomId(id: string): id is SymptomId {
  return byId.has(id);
}
