/**
 * Names written in Chinese characters or in Hangul inside a diary written in a Latin script ("Dinner with 王小明 tonight",
 * "Met 김민준 at the station"), which the tagger (trained on Latin text) cannot read.
 */

/**
 * The commonest Chinese surnames of one character (simplified and traditional forms), which open most Chinese names;
 * a name of two or three characters after one of them is read as a person's.
 */
const CHINESE_SURNAMES = new Set([
  ...'王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯欧歐',
]);
/** The commonest Japanese surnames, of two or three characters ("田中", "佐々木"), alone or opening a name of up to four. */
const JAPANESE_SURNAMES = new Set([
  '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '山口', '松本', '井上', '木村', '清水',
  '山崎', '池田', '橋本', '阿部', '石川', '山下', '中島', '石井', '小川', '前田', '岡田', '長谷川', '藤田', '後藤', '近藤', '村上', '遠藤', '青木',
  '坂本', '斉藤', '斎藤', '福田', '太田', '西村', '藤井', '金子', '岡本', '藤原', '中野', '三浦', '原田', '松田', '竹内', '小野', '田村', '中山', '和田',
]);
/** The commonest Korean surnames, of one syllable ("김", "이", "박"), which open a name of two to four syllables. */
const KOREAN_SURNAMES = new Set([...'김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉']);

/** A run of Chinese characters or of Hangul syllables, with no character of either script, nor kana, right beside it. */
const CJK_RUN = /(?<![\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}])(?:\p{Script=Han}{2,4}|\p{Script=Hangul}{2,4})(?![\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}])/gu;
/** Whether a text holds a Chinese character or a Hangul syllable at all (most do not: the pass costs one test). */
const ANY_CJK = /[\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;

/** Whether a run of characters is a name by its first character or two: a common surname and one to three more. */
function nameRun(run: string): boolean {
  const chars = [...run];
  if (/\p{Script=Hangul}/u.test(chars[0]!)) return chars.length <= 4 && KOREAN_SURNAMES.has(chars[0]!);
  if (chars.length <= 3 && CHINESE_SURNAMES.has(chars[0]!)) return true;
  return [2, 3].some((n) => chars.length >= n && JAPANESE_SURNAMES.has(chars.slice(0, n).join('')));
}

/**
 * Names written in Chinese characters or Hangul in a text written mostly in a Latin script (two Latin letters at least
 * for each such character: a text in Chinese, Japanese or Korean is left alone, where a common surname's character opens
 * many words): a run of two to four that opens with a common Chinese, Japanese or Korean surname ("王小明", "田中太郎",
 * "김민준"). Spans of type PERSON, kept where the tagger found nothing (detect-pii.ts).
 */
export function cjkNames(text: string): { start: number; end: number; text: string }[] {
  if (!ANY_CJK.test(text)) return [];
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (latin < 2 * cjk) return [];
  const out: { start: number; end: number; text: string }[] = [];
  for (const m of text.matchAll(CJK_RUN)) if (nameRun(m[0])) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}
