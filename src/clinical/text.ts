/**
 * Prepares the patient's words for the vocabulary, the way people really write them:
 *   - Unicode forms folded (NFKC: "３天" -> "3天"), curly apostrophes straightened;
 *   - ASCII lower-cased, common traditional characters folded to simplified ("發燒" -> "发烧"), and Cantonese
 *     function words to Mandarin ("冇發燒" -> "没发烧", "好痕" -> "好痒", "BB" -> "宝宝");
 *   - missing apostrophes restored ("dont" -> "don't", "its" -> "it's"), so negation and the patterns see them;
 *   - one-letter typos corrected towards the vocabulary's own words of 5 or more letters ("swolen" -> "swollen",
 *     "blistres" -> "blisters"): one substitution, insertion, deletion or swap of neighbours. A token that is
 *     itself a common English word ("fewer", "never", "dress", "threat") is never corrected: see typo-guard.json.
 * Every character of the prepared text maps back to the patient's own words, so answers quote what was written.
 */
import { TYPO_GUARD } from "./typo-guard";
import { vocabulary } from "./vocabulary";

export interface PreparedText {
  /** What the patterns read. */
  readonly text: string;
  /** The patient's words after Unicode normalisation: what quotes show. */
  readonly original: string;
  /** Typos corrected, as written -> as read. */
  readonly corrections: readonly { readonly from: string; readonly to: string }[];
  /** The patient's own words behind text[start, end). */
  quote(start: number, end: number): string;
}

const CONTRACTIONS: Readonly<Record<string, string>> = {
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  cant: "can't",
  couldnt: "couldn't",
  wont: "won't",
  wouldnt: "wouldn't",
  shouldnt: "shouldn't",
  isnt: "isn't",
  arent: "aren't",
  wasnt: "wasn't",
  werent: "weren't",
  havent: "haven't",
  hasnt: "hasn't",
  hadnt: "hadn't",
  aint: "ain't",
  im: "i'm",
  ive: "i've",
  its: "it's",
  thats: "that's",
  whats: "what's",
  theres: "there's",
  hes: "he's",
  shes: "she's",
  theyre: "they're",
  youre: "you're",
};

/** Misspellings further than one edit from the word, common enough to list. */
const MISSPELLINGS: Readonly<Record<string, string>> = {
  tounge: "tongue",
  tonuge: "tongue",
  toungue: "tongue",
  throte: "throat",
  swallon: "swollen",
  sweling: "swelling",
  brethe: "breathe",
  breth: "breath",
  blisturs: "blisters",
  rashs: "rashes",
  feaver: "fever",
  pregant: "pregnant",
  diabeties: "diabetes",
};

/** Traditional characters seen in symptom words, and their simplified forms (one for one, same length). */
const TRADITIONAL =
  "發燒癢腫藥皰瘡膚傷紅擴難嚨頭臉懷孕歲個週兩幾沒無從來會後這還變顏點塊處體溫時與氣嗎說聲話親膿癬疹燙問題脫屬圍驗壓斑瘀紫淚睜覺們剛給過幫嘴邊開濕紋種樣蟲鼻額腳斷風癩熱醫診嚴環狀帶貓觸電擊頸鬆痺針紮嘔驚涼凍悶緊啞瀉壞爛潰瘍療蝕鹼漂滾鍋爐燈線插頭錢屬術後戶遊腦實隻雙條蛇傳顆粒較飛機車輛賽場湯禮暈瞓藥蟻蜂黃蝨頸罅曬甩熱痱嚿翳親齒齡歲講亂織組窩乾癮瘋劑總讓嗽淺癒強過煲滾";
const SIMPLIFIED =
  "发烧痒肿药疱疮肤伤红扩难咙头脸怀孕岁个周两几没无从来会后这还变颜点块处体温时与气吗说声话亲脓癣疹烫问题脱属围验压斑瘀紫泪睁觉们刚给过帮嘴边开湿纹种样虫鼻额脚断风癞热医诊严环状带猫触电击颈松痹针扎呕惊凉冻闷紧哑泻坏烂溃疡疗蚀碱漂滚锅炉灯线插头钱属术后户游脑实只双条蛇传颗粒较飞机车辆赛场汤礼晕睡药蚁蜂黄虱颈罅晒甩热痱嚿翳亲齿龄岁讲乱织组窝干瘾疯剂总让嗽浅愈强过煲滚";
/**
 * Cantonese as Hong Kong patients type it, folded to the Mandarin the patterns read, one character for one:
 * 冇 (not have), 唔 (not), 嘅 (of), 咗 (done), 佢 (he/she), 係 (is), 喺 (at), 啲 (some), 睇 (see), 攰 (tired).
 * 痕 is "itchy" in Cantonese (好痕) but "a mark" in Mandarin (疤痕, 抓痕): folded only outside those words.
 * BB (a baby) reads as 宝宝 and 成身 (all over) as 全身.
 */
const CANTONESE: Readonly<Record<string, string>> = {
  冇: "没",
  唔: "不",
  嘅: "的",
  咗: "了",
  佢: "他",
  係: "是",
  喺: "在",
  啲: "些",
  睇: "看",
  攰: "累",
  琴: "昨",
  寻: "昨",
};
const NOT_ITCH_BEFORE = new Set([..."疤伤瘢抓划刮印血勒压指伤泪吻"]);

function foldCantonese(chars: string[]): string[] {
  return chars.map((ch, i) => {
    if (ch === "痕") return NOT_ITCH_BEFORE.has(chars[i - 1] ?? "") || chars[i + 1] === "迹" ? ch : "痒";
    if (ch === "成" && chars[i + 1] === "身") return "全";
    if (ch === "b" && (chars[i + 1] === "b" || chars[i - 1] === "b")) {
      const start = chars[i - 1] === "b" ? i - 1 : i;
      const wordChar = /[a-z0-9]/;
      if (!wordChar.test(chars[start - 1] ?? "") && !wordChar.test(chars[start + 2] ?? "")) return "宝";
    }
    return CANTONESE[ch] ?? ch;
  });
}
const TO_SIMPLIFIED = new Map([...TRADITIONAL].map((ch, i) => [ch, [...SIMPLIFIED][i]]));

/**
 * The vocabulary's English words of 5 or more letters: the words a typo is corrected towards. Read from the
 * patterns themselves, skipping suffix groups ("itch(?:y|iness)") and escapes ("\\w", "\\d").
 */
export function lexiconWords(sources: readonly string[]): Set<string> {
  const words = new Set<string>();
  const add = (word: string) => {
    if (word.length >= 5) words.add(word);
  };
  for (const source of sources) {
    const suffix: boolean[] = [];
    let i = 0;
    while (i < source.length) {
      const ch = source[i];
      if (ch === "\\") {
        i += 2;
      } else if (ch === "[") {
        while (i < source.length && !(source[i] === "]" && source[i - 1] !== "\\")) i++;
        i++;
      } else if (ch === "(") {
        suffix.push(/[a-z]/.test(source[i - 1] ?? "") || (suffix.at(-1) ?? false));
        i++;
      } else if (ch === ")") {
        suffix.pop();
        i++;
      } else if (/[a-z]/.test(ch)) {
        let j = i;
        while (j < source.length && /[a-z]/.test(source[j])) j++;
        const run = source.slice(i, j);
        const rest = source.slice(j);
        if (!(suffix.at(-1) ?? false)) {
          const optionalLetter = /^\?([a-z]+)/.exec(rest);
          const group = /^\(\?:([a-z|]+)\)(\?)?/.exec(rest);
          if (optionalLetter) {
            // "colou?r": colour, color
            add(run + optionalLetter[1]);
            add(run.slice(0, -1) + optionalLetter[1]);
            j += optionalLetter[0].length;
          } else if (rest[0] === "?") {
            add(run);
            add(run.slice(0, -1));
          } else if (group) {
            // "swell(?:s|ing)?": swells, swelling, swell; the group itself is then skipped as a suffix
            for (const alternative of group[1].split("|")) add(run + alternative);
            if (group[2]) add(run);
          } else if (rest[0] !== "(") {
            add(run);
          }
        }
        i = j;
      } else {
        i++;
      }
    }
  }
  return words;
}

const LEXICON = lexiconWords(
  vocabulary.flatMap((v) => [v.en, "enAbsent" in v ? (v.enAbsent as string) : ""]),
);
const LEXICON_LIST = [...LEXICON].sort();

/** True when a and b differ by one substitution, insertion, deletion or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.slice(i) === long.slice(i + 1);
}

/** The vocabulary word a token was probably meant to be, or null. */
export function correctTypo(token: string): string | null {
  if (token.length < 4 || LEXICON.has(token) || TYPO_GUARD.has(token)) return null;
  const candidates = LEXICON_LIST.filter((w) => withinOneEdit(token, w));
  if (candidates.length === 0) return null;
  // Prefer a candidate that keeps the first letter: first letters are rarely mistyped.
  return candidates.find((w) => w[0] === token[0]) ?? candidates[0];
}

export function prepareText(raw: string): PreparedText {
  const original = raw.normalize("NFKC").replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'");
  const folded = foldCantonese(
    [...original].map((ch) => (ch >= "A" && ch <= "Z" ? ch.toLowerCase() : (TO_SIMPLIFIED.get(ch) ?? ch))),
  ).join("");
  // Code units, not code points, from here on: `folded` has the same length as `original`.
  let text = "";
  const starts: number[] = [];
  const ends: number[] = [];
  const corrections: { from: string; to: string }[] = [];
  let at = 0;
  const keep = (until: number) => {
    for (; at < until; at++) {
      text += folded[at];
      starts.push(at);
      ends.push(at + 1);
    }
  };
  for (const m of folded.matchAll(/[a-z]+(?:'[a-z]+)?/g)) {
    const token = m[0];
    const replacement =
      CONTRACTIONS[token] ?? MISSPELLINGS[token] ?? (token.includes("'") ? null : correctTypo(token));
    if (!replacement) continue;
    keep(m.index);
    for (const ch of replacement) {
      text += ch;
      starts.push(m.index);
      ends.push(m.index + token.length);
    }
    at = m.index + token.length;
    if (!(token in CONTRACTIONS)) corrections.push({ from: original.slice(m.index, at), to: replacement });
  }
  keep(folded.length);
  return {
    text,
    original,
    corrections,
    quote: (start, end) => (end <= start ? "" : original.slice(starts[start], ends[end - 1])),
  };
}
