/**
 * Alternative romanisations of names, as a user might type them: "Dzhaparov"/"Japarov",
 * "Babayev"/"Babaev", "Khalilov"/"Halilov". Questions use them so that retrieval must find a name
 * spelled differently from the article.
 */
import type { Prng } from "./prng.js";

const RULES: ReadonlyArray<[RegExp, string]> = [
  [/^Dzh/, "J"],
  [/^J(?=[aeiou])/, "Dzh"],
  [/^Zh/, "J"],
  [/yev$/, "ev"],
  [/([aeiou])ev$/, "$1yev"],
  [/^Kh/, "H"],
  [/kh/, "h"],
  [/^Yu/, "Iu"],
  [/yan$/, "ian"],
];

/** Another plausible spelling of a name (each word tried), or the name itself when no rule applies. */
export function respell(name: string, rng: Prng): string {
  const words = name.split(" ");
  const order = rng.shuffle(words.map((_, i) => i)).reverse();
  for (const i of order) {
    const word = words[i] ?? "";
    const rules = rng.shuffle(RULES);
    for (const [pattern, replacement] of rules) {
      if (!pattern.test(word)) continue;
      words[i] = word.replace(pattern, replacement);
      return words.join(" ");
    }
  }
  return name;
}
