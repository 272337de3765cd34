/**
 * The symptom vocabulary: what a patient may say, in English and Simplified Chinese.
 * Data, reviewed like code. Each `en` is a regular-expression source matched case-insensitively between
 * word boundaries; each `zh` is a source matched as is (Chinese has no word boundaries).
 * Negation ("not itchy", "不痒") is handled by the parser, so patterns name only the positive form,
 * except where the negation is part of the symptom itself ("won't heal", "喘不过气").
 */
import type { Localised } from "./types";

interface VocabularyEntry {
  readonly id: string;
  readonly name: Localised;
  readonly en: string;
  readonly zh: string;
}

export const vocabulary = [
  {
    id: "itch",
    name: { en: "itching", zh: "瘙痒" },
    en: "itch(?:y|ing|es|iness)?|scratch(?:y|ing|es)?",
    zh: "痒",
  },
  {
    id: "pain",
    name: { en: "pain", zh: "疼痛" },
    en: "pain(?:ful|s)?|hurts?|hurting|(?<!cold )sore(?:ness)?|aches?|aching|tender(?:ness)?",
    zh: "疼|痛",
  },
  {
    id: "burning",
    name: { en: "burning or stinging", zh: "灼热或刺痛" },
    en: "burning|stinging|stings?|it burns",
    zh: "烧灼|灼热|灼痛|灼烧|火辣辣|刺痛",
  },
  {
    id: "bleeding",
    name: { en: "bleeding", zh: "出血" },
    en: "bleed(?:s|ing)?|bled|blood(?:y)?",
    zh: "出血|流血|渗血|带血|见血|冒血",
  },
  {
    id: "oozing",
    name: { en: "oozing or weeping", zh: "渗液" },
    en: "ooz(?:e|es|ing)|weep(?:s|ing)?|leak(?:s|ing)?|discharge|wet",
    zh: "流水|渗液|渗出|流黄水|渗水",
  },
  { id: "pus", name: { en: "pus", zh: "脓" }, en: "pus|pus-filled|pustules?", zh: "脓" },
  {
    id: "crusting",
    name: { en: "crusting", zh: "结痂" },
    en: "crust(?:s|ed|ing|y)?|scabs?|scabbed|honey[- ]colou?red",
    zh: "痂",
  },
  {
    id: "blisters",
    name: { en: "blisters", zh: "水疱" },
    en: "blisters?|blistering|blistered|vesicles?|fluid[- ]filled (?:bumps?|spots?)",
    zh: "水泡|水疱|起泡|小泡|血泡",
  },
  {
    id: "scaling",
    name: { en: "scaling or flaking", zh: "脱屑" },
    en: "scal(?:y|ing|es)|flak(?:y|ing|es)|peel(?:s|ing)?|silvery",
    zh: "脱皮|脱屑|鳞屑|起皮|皮屑|银白色",
  },
  {
    id: "dryness",
    name: { en: "dry skin", zh: "皮肤干燥" },
    en: "dry|dryness|crack(?:s|ed|ing)",
    zh: "干燥|干裂|很干|发干",
  },
  {
    id: "redness",
    name: { en: "redness", zh: "发红" },
    en: "red(?:ness|dish)?|inflamed|pink(?:ish)?",
    zh: "发红|红肿|红斑|红点|红疹|红色|通红|泛红|变红|红红的",
  },
  {
    id: "swelling",
    name: { en: "swelling", zh: "肿胀" },
    en: "swollen|swelling|swell(?:s|ed)?|puffy|raised|lumpy",
    zh: "肿(?!瘤)|鼓起|隆起|凸起",
  },
  {
    id: "warmth",
    name: { en: "warm to the touch", zh: "摸起来发热" },
    en: "(?:warm|hot) to (?:the )?touch|feels? (?:warm|hot)",
    zh: "发烫|烫手|摸着热|摸起来热|热热的|皮温高",
  },
  {
    id: "spreading",
    name: { en: "spreading", zh: "扩散" },
    en: "spread(?:s|ing)?|expand(?:s|ed|ing)?|extend(?:s|ed|ing)?",
    zh: "扩散|蔓延|扩大|越来越多|范围变大|范围越来越大|长满",
  },
  {
    id: "rapid_growth",
    name: { en: "rapid growth", zh: "迅速长大" },
    en: "(?:grow(?:s|ing)?|grew|getting bigger|got bigger) (?:very |really |so )?(?:fast|quickly|rapidly)|(?:rapid|fast|quick) growth|rapidly (?:growing|enlarging)",
    zh: "长得(?:很|特别|非常)?快|(?:很快|迅速|快速|突然)地?(?:变大|长大|增大)|越长越大",
  },
  {
    id: "size_change",
    name: { en: "change in size", zh: "大小改变" },
    en: "bigger|larger|grow(?:s|ing|n)?|grew|enlarg(?:e|ed|es|ing)|increas(?:ed|ing) in size|chang(?:e|ed|ing) (?:in )?size",
    zh: "变大|长大|增大|大了|变宽",
  },
  {
    id: "colour_change",
    name: { en: "change in colour or uneven colour", zh: "颜色改变或不均" },
    en: "darker|darkening|(?:chang(?:e|ed|ing)|change in) colou?rs?|colou?r (?:has )?changed|turn(?:ed|ing|s)? (?:black|dark|darker|blue)|(?:several|many|multiple|different|uneven) colou?rs",
    zh: "颜色变|变色|变黑|变深|颜色加深|颜色不均|颜色不一|好几种颜色|发黑",
  },
  {
    id: "shape_change",
    name: { en: "change in shape or irregular edge", zh: "形状改变或边缘不规则" },
    en: "(?:chang(?:e|ed|ing)|change in) shape|shape (?:has )?changed|irregular|uneven (?:edges?|borders?|shape)|jagged|blurry (?:edges?|borders?)|asymmetric(?:al)?",
    zh: "形状变|形状改变|不规则|不对称|边界不清|边缘模糊",
  },
  {
    id: "changing",
    name: { en: "changing", zh: "有变化" },
    en: "(?:has|is|it's|been|keeps?) (?:been |really |slowly |quickly )?chang(?:ed|ing)|(?:mole|spot|it|mark) (?:has )?chang(?:ed|ing)|looks? different|evolv(?:ed|ing)",
    zh: "变化|改变|变了|不一样了",
  },
  {
    id: "fever",
    name: { en: "fever", zh: "发烧" },
    en: "fever(?:ish|s)?|high temperature|temperature|chills|shivering|rigou?rs",
    zh: "发烧|发热|高烧|低烧|体温高|体温升高|寒战|发冷|打寒颤",
  },
  {
    id: "face_swelling",
    name: { en: "swelling of the lips, face, tongue or throat", zh: "嘴唇、面部、舌头或喉咙肿胀" },
    en: "(?:swollen|swelling|swelled|puffy) (?:of )?(?:the |my |his |her |their )?(?:lips?|face|tongue|throat|mouth)|(?:lips?|face|tongue|throat|mouth) (?:is |are |has |have |got |getting |became |started |to )*(?:swollen|swelling|swelled|puffy|swell(?:s|ing)?)",
    zh: "(?:嘴唇|口唇|嘴巴|嘴|脸|面部|脸部|舌头|舌|喉咙|嗓子)(?:也|都|有点|有些|开始|突然|一下子|变得|很|好)*(?:肿|浮肿)",
  },
  {
    id: "breathing_difficulty",
    name: { en: "trouble breathing", zh: "呼吸困难" },
    en: "(?:trouble|difficulty|difficult|hard|struggling|struggle|problems?) (?:to )?breath(?:e|ing)|(?:can'?t|cannot|can not|unable to) breathe|short(?:ness)? of breath|breathless|wheez(?:e|es|ing|y)|throat (?:is |feels )?(?:tight|closing)|tight throat|(?:trouble|difficulty) swallowing",
    zh: "呼吸困难|喘不(?:过|上)气|透不过气|上不来气|呼吸不畅|呼吸急促|无法呼吸|不能呼吸|呼吸不了|憋气|气短|气喘|喉咙(?:发紧|紧|堵)|吞咽困难",
  },
  {
    id: "near_eye",
    name: { en: "near the eye", zh: "靠近眼睛" },
    en: "(?<!an )eyes?|eyelids?|eye ?lids?|eyebrows?",
    zh: "眼睛|眼周|眼皮|眼角|眼睑|眼旁|眼部|眼眶|眉毛|眼圈",
  },
  {
    id: "on_lips",
    name: { en: "on or around the lips", zh: "嘴唇周围" },
    en: "lips?|mouth",
    zh: "嘴唇|嘴角|唇|口周|嘴边",
  },
  {
    id: "new_medicine",
    name: { en: "a recent new medicine", zh: "最近用了新药" },
    en: "new (?:medicine|medication|meds|drugs?|pills?|tablets?|prescription)|(?:started|starting|began|begun) (?:taking )?(?:a |an |on |new )?(?:medicine|medication|meds|drugs?|pills?|tablets?|antibiotics?)|after taking|antibiotics?",
    zh: "新药|吃了?(?:新的)?药|服了?药|用了?药|换了?药|抗生素|打了?针|输液",
  },
  {
    id: "new_food",
    name: { en: "after a food", zh: "吃了某种食物后" },
    en: "ate|eating|after (?:eating|dinner|lunch|breakfast|a meal)|seafood|shellfish|shrimps?|prawns?|peanuts?|nuts|new food",
    zh: "海鲜|虾|蟹|花生|坚果|芒果|食物|吃了(?![^,.;!?。、]{0,3}药)",
  },
  {
    id: "new_product",
    name: { en: "contact with a new product", zh: "接触了新产品" },
    en: "new (?:soap|cream|lotion|detergent|shampoo|cosmetics?|make-?up|perfume|product|skincare|moisturi[sz]er|jewel(?:le)?ry|watch|gloves|sunscreen)|hair dye|latex|nickel|poison (?:ivy|oak)|detergent|cosmetics?",
    zh: "护肤品|化妆品|洗衣液|洗衣粉|香水|首饰|耳环|项链|手表|手套|染发|洗发水|沐浴露|乳液|面霜|新买的",
  },
  {
    id: "mole",
    name: { en: "a mole", zh: "痣" },
    en: "moles?|naev(?:us|i)|nev(?:us|i)|beauty (?:mark|spot)|birthmark",
    zh: "痣",
  },
  {
    id: "new_lesion",
    name: { en: "a new spot", zh: "新长出的斑点" },
    en: "new (?:mole|spot|growth|lump|bump|mark|lesion)|(?:wasn't|was not) there before",
    zh: "新长(?:的|了|出)|新出现|新冒出|突然(?:长|冒)出|以前没有|原来没有",
  },
  {
    id: "since_childhood",
    name: { en: "present since childhood", zh: "从小就有" },
    en: "since (?:birth|childhood|i was (?:a child|a kid|little|young|born|a baby))|all my life|always had (?:it|this|them)|born with",
    zh: "从小|出生就|生下来就|一出生|小时候就|天生",
  },
  {
    id: "ring_shape",
    name: { en: "ring-shaped", zh: "环形" },
    en: "rings?|ring-shaped|circular|circles?|round patch(?:es)?|clear(?:er)? (?:centre|center|middle)",
    zh: "圆形|环形|环状|圆圈|一圈|圈状",
  },
  {
    id: "night_itch",
    name: { en: "worse at night", zh: "夜间加重" },
    en: "at night|night-?time|overnight",
    zh: "晚上|夜里|夜间|半夜",
  },
  {
    id: "household",
    name: { en: "others at home have it too", zh: "家人也有" },
    en: "(?:family|household|partner|husband|wife|kids?|children|son|daughter|roommates?|brother|sister|classmates?) (?:\\w+ ){0,4}?(?:too|also|as well)|everyone (?:at home|in the house)",
    zh: "(?:家人|家里人|孩子|小孩|老公|老婆|丈夫|妻子|室友|同学|儿子|女儿|爸爸|妈妈|家里)(?:也|都)",
  },
  {
    id: "one_side_band",
    name: { en: "a band on one side", zh: "单侧带状分布" },
    en: "one side|one-sided|band|stripe|strip|belt|line of (?:blisters|spots|bumps)",
    zh: "一侧|单侧|一边|带状|一条",
  },
  {
    id: "tingling",
    name: { en: "tingling or numbness", zh: "发麻或针刺感" },
    en: "tingl(?:e|es|ing|y)|numb(?:ness)?|pins and needles|shooting pain|nerve pain",
    zh: "发麻|麻木|麻麻的|刺麻|针扎|针刺|神经痛|放电",
  },
  {
    id: "wheals",
    name: { en: "raised welts that come and go", zh: "时起时消的风团" },
    en: "welts?|wheals?|hives|(?:come|comes|came) and go(?:es)?|appear and disappear",
    zh: "风团|风疹块|风疙瘩|时有时无|来得快去得快|此起彼伏",
  },
  {
    id: "pimples",
    name: { en: "pimples", zh: "痘痘" },
    en: "pimples?|zits?|blackheads?|whiteheads?|breakouts?|breaking out",
    zh: "(?<!水)痘|粉刺|黑头|白头",
  },
  {
    id: "flushing",
    name: { en: "flushing", zh: "潮红" },
    en: "flush(?:es|ing)?|blush(?:es|ing)?|red face|facial redness",
    zh: "潮红|脸红|面部发红",
  },
  {
    id: "white_patches",
    name: { en: "white patches", zh: "白斑" },
    en: "white (?:patch(?:es)?|spots?|areas?|skin)|(?:lost|losing|loss of) (?:colou?r|pigment)|lighter (?:patch(?:es)?|skin)|pale patch(?:es)?|depigment(?:ed|ation)",
    zh: "白斑|白色斑块|白色的斑|变白|白点",
  },
  {
    id: "rough",
    name: { en: "rough surface", zh: "表面粗糙" },
    en: "rough|sandpaper|gritty|cauliflower|warty",
    zh: "粗糙|砂纸|菜花",
  },
  {
    id: "firm_bump",
    name: { en: "a firm bump", zh: "硬结" },
    en: "firm|hard (?:lump|bump|spot)|dimples?",
    zh: "硬结|硬块|硬疙瘩",
  },
  {
    id: "sun_exposure",
    name: { en: "a lot of sun exposure", zh: "日晒多" },
    en: "sun(?:burn(?:t|ed)?|ny|light|bathing|beds?)?|outdoors?|tanning",
    zh: "晒|太阳|日晒|户外",
  },
  {
    id: "non_healing",
    name: { en: "a sore that does not heal", zh: "伤口不愈合" },
    en: "(?:won't|will not|doesn't|does not|didn't|isn't|not|never) heal(?:ing|ed)?|non-?healing|ulcer(?:ated|s)?|open sore",
    zh: "不愈合|好不了|一直不好|溃疡|不结痂",
  },
  {
    id: "pearly",
    name: { en: "pearly or shiny bump", zh: "珍珠样或发亮的小包" },
    en: "pearly|shiny (?:bump|lump|spot)|waxy|translucent",
    zh: "珍珠|发亮|蜡样|半透明",
  },
  {
    id: "injury",
    name: { en: "a knock or injury", zh: "磕碰或外伤" },
    en: "bumped|bump into|hit|knock(?:ed)?|fell|fall|fallen|injur(?:y|ed)|bang(?:ed)?",
    zh: "撞|摔|磕|外伤|碰伤|碰了一下",
  },
  {
    id: "bruising",
    name: { en: "purple or blue-black colour", zh: "青紫色" },
    en: "bruis(?:e|ed|es|ing)|purple|bluish|black and blue",
    zh: "青紫|淤青|瘀青|乌青|紫色",
  },
  {
    id: "bite",
    name: { en: "a bite or sting", zh: "虫咬或蜇伤" },
    en: "bites?|bitten|mosquito(?:es)?|bugs?|insects?|spiders?|fleas?|bed ?bugs?|ticks?|stung",
    zh: "咬|蚊子|虫子|叮|跳蚤|臭虫|蜘蛛|蜱|蜇",
  },
  {
    id: "burn_injury",
    name: { en: "a burn or scald", zh: "烧伤或烫伤" },
    en: "burn(?:ed|t)? (?:myself|my|it|on|by|from)|a burn|scald(?:ed|s)?|sunburn(?:t|ed)?|hot (?:water|oil|pan|iron|stove)",
    zh: "烫伤|烧伤|烫到|被烫|晒伤",
  },
  {
    id: "dark_colour",
    name: { en: "very dark or several colours", zh: "颜色很深或多种颜色" },
    en: "black|dark (?:brown|spot|patch|mole)|very dark|multi-?colou?red",
    zh: "黑色|深褐色|很黑|发黑",
  },
  {
    id: "widespread",
    name: { en: "all over the body", zh: "全身都有" },
    en: "all over(?: (?:my|the|his|her) body)?|whole body|everywhere|entire body|widespread",
    zh: "全身|浑身|到处都是",
  },
] as const satisfies readonly VocabularyEntry[];

export type SymptomId = (typeof vocabulary)[number]["id"];

const byId = new Map<string, (typeof vocabulary)[number]>(vocabulary.map((v) => [v.id, v]));

export function symptomName(id: SymptomId): Localised {
  return byId.get(id)!.name;
}
