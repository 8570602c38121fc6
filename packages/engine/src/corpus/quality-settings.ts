// Every threshold of the chunk quality filter, with defaults calibrated on textbook text (the
// corpus-sample books keep >97% of their chunks) and on web/boilerplate counter-examples. Gopher
// (Rae et al. 2021) and RefinedWeb (Penedo et al. 2023) rules are the model for the repetition ones.
import { z } from "zod";

const share = z.number().min(0).max(1);

export const ZQualitySettings = z.object({
  length: z.object({ enabled: z.boolean().default(true), minTokens: z.number().int().min(0).default(32) }).prefault({}),
  boilerplate: z
    .object({
      enabled: z.boolean().default(true),
      /** Lines of at most `shortLineWords` words with no sentence punctuation: menus, breadcrumbs. */
      maxShortLineShare: share.default(0.6),
      shortLineWords: z.number().int().min(1).default(3),
      /** Rules on line shares only apply from this many non-blank lines. */
      minLines: z.number().int().min(1).default(5),
      /** Lines such as "All rights reserved", "Accept cookies", "Skip to content", "© 2024 …". */
      maxBoilerplateLineShare: share.default(0.15),
    })
    .prefault({}),
  symbols: z
    .object({
      enabled: z.boolean().default(true),
      /** Characters that are neither letters, digits nor spaces, after removing Markdown markup. */
      maxSymbolShare: share.default(0.3),
      /** LaTeX commands (\frac, \alpha…) per word. */
      maxLatexPerWord: z.number().min(0).default(0.35),
    })
    .prefault({}),
  language: z
    .object({
      enabled: z.boolean().default(true),
      expected: z.enum(["en", "zh", "any"]).default("en"),
      /** Share of words in the expected language's stopword list (Latin-script languages). */
      minStopwordShare: share.default(0.12),
      /** Share of letters that are CJK ideographs or kana ("zh"). */
      minCjkShare: share.default(0.3),
      /** Below this many words the language cannot be judged and the rule is skipped. */
      minWords: z.number().int().min(1).default(20),
    })
    .prefault({}),
  repetition: z
    .object({
      enabled: z.boolean().default(true),
      maxDuplicateLineShare: share.default(0.3),
      maxDuplicateLineCharShare: share.default(0.2),
      /**
       * Characters covered by the most frequent 2-, 3- and 4-gram. Gopher's document-level values
       * (0.20/0.18/0.16) drop ~10% of textbook chunks (glossaries, worked examples), whose terms of art legitimately repeat.
       */
      maxTopNgramCharShare: z.tuple([share, share, share]).default([0.35, 0.34, 0.33]),
      /** Characters covered by any repeated 5- to 10-gram (Gopher: 0.15 down to 0.10, same caveat). */
      maxDuplicateNgramCharShare: z.tuple([share, share, share, share, share, share]).default([0.6, 0.58, 0.56, 0.54, 0.52, 0.5]),
      minWords: z.number().int().min(1).default(50),
    })
    .prefault({}),
  information: z
    .object({
      enabled: z.boolean().default(true),
      /** Shannon entropy of the character distribution, in bits; English prose is ~4.2. */
      minCharEntropy: z.number().min(0).default(3.5),
      /** Distinct words ÷ words, judged from `minWords` words. */
      minUniqueWordShare: share.default(0.25),
      minWords: z.number().int().min(1).default(50),
    })
    .prefault({}),
});

export type TQualitySettings = z.infer<typeof ZQualitySettings>;
export type TQualitySettingsInput = z.input<typeof ZQualitySettings>;
export const DEFAULT_QUALITY_SETTINGS: TQualitySettings = ZQualitySettings.parse({});
