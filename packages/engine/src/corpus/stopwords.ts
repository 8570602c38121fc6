// The most frequent function words of each language the language rule can expect. Real prose in
// the language has 30–50% of its words in the list; another language has almost none. Add a
// language by adding its list here and its code to ZQualitySettings.

export const STOPWORDS = {
  en: new Set(
    (
      "the of and to a in is that for it as was with be by on not he i this are or his from at which but " +
      "have an they you were her she there been one all we their has would will can if its also more " +
      "when who so what these some into than them only other may then do any could such those our " +
      "how each most because between both through about after over under while where during without " +
      "should must does did being same very many much"
    ).split(/\s+/),
  ),
} as const;

export type TStopwordLanguage = keyof typeof STOPWORDS;
