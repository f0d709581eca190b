/**
 * Question variants written the way chat users write, for the eval's robustness check
 * (`npm run eval -- --perturb`): a right answer should survive a typo, two typos, or a question
 * typed in lower case without apostrophes or a final question mark. The typos are the four
 * kinds of one edit — a letter dropped, doubled, changed to its keyboard neighbour, or swapped
 * with the next — in one content word of five letters or more, chosen by a seeded generator.
 */
import { Prng } from "../prng.js";
import { STOPWORDS } from "../../text/stopwords.js";

export type Perturbation = "typo" | "two typos" | "chat" | "chat + typo";
export const PERTURBATIONS: readonly Perturbation[] = ["typo", "two typos", "chat", "chat + typo"];

/** A neighbouring key on a QWERTY keyboard, for "changed" typos. */
const NEIGHBOUR: Readonly<Record<string, string>> = {
  a: "s", b: "v", c: "x", d: "s", e: "r", f: "g", g: "h", h: "j", i: "o", j: "k", k: "l", l: "k", m: "n",
  n: "m", o: "i", p: "o", q: "w", r: "t", s: "a", t: "r", u: "y", v: "b", w: "e", x: "z", y: "u", z: "x",
};

/** One typo in one content word (unchanged when the question has no word to misspell). */
export function addTypo(question: string, rng: Prng): string {
  const words = question.split(" ");
  const candidates = words.flatMap((w, i) => (/^[A-Za-z]{5,}$/.test(w) && !STOPWORDS.has(w.toLowerCase()) ? [i] : []));
  if (candidates.length === 0) return question;
  const at = candidates[rng.int(candidates.length)] ?? 0;
  const word = words[at] ?? "";
  // Not the first letter: people rarely get that wrong, and it carries the capital.
  const p = 1 + rng.int(word.length - 2);
  const letter = word[p] ?? "";
  const next = word[p + 1] ?? "";
  const edits = [
    word.slice(0, p) + word.slice(p + 1),
    word.slice(0, p) + letter + word.slice(p),
    word.slice(0, p) + (NEIGHBOUR[letter.toLowerCase()] ?? letter) + word.slice(p + 1),
    word.slice(0, p) + next + letter + word.slice(p + 2),
  ].filter((w) => w !== word);
  words[at] = edits[rng.int(edits.length)] ?? word;
  return words.join(" ");
}

/** Lower case, no apostrophes, no final punctuation: "Who is Iran's minister?" → "who is irans minister". */
export function chatStyle(question: string): string {
  return question.toLowerCase().replace(/['’]/g, "").replace(/\s*[?!.]+\s*$/, "");
}

/** The variant of `question` for one perturbation; the generator is seeded per question, so runs agree. */
export function perturb(question: string, kind: Perturbation, seed: string): string {
  let h = 2166136261;
  for (const ch of `${kind}:${seed}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  const rng = new Prng(h >>> 0);
  switch (kind) {
    case "typo":
      return addTypo(question, rng);
    case "two typos":
      return addTypo(addTypo(question, rng), rng);
    case "chat":
      return chatStyle(question);
    case "chat + typo":
      return addTypo(chatStyle(question), rng);
  }
}
