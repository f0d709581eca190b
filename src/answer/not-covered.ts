/**
 * The plain refusals, each with its reason: the indexed articles do not answer the question
 * (`not_covered`), it is not a question about them (`out_of_scope`), or the offline reader cannot
 * read its language (`unsupported_language`, said in that language too). Never a citation: a wrong
 * citation costs more trust than an honest refusal.
 */
import type { DraftAnswer } from "../core/answerer.js";
import type { RefusalReason } from "../core/types.js";

const MESSAGES: Record<RefusalReason, string> = {
  not_covered: "The indexed articles don't cover this. I could not find a passage that answers it, so I won't guess.",
  out_of_scope:
    "I can only answer questions about the indexed news articles on labour and trade-union cooperation. Try asking who met whom, what was agreed, or when and where it happened.",
  unsupported_language:
    "I can only read questions in English in offline mode — please ask in English. (With a language model configured, dossier answers in Azerbaijani, Russian, Persian, Kyrgyz, Turkish and other languages.)",
};

/** "Please ask in English", in the asker's language, for the languages of dossier's users. */
const ASK_IN_ENGLISH: Record<string, string> = {
  az: "Zəhmət olmasa, sualınızı ingilis dilində verin.",
  tr: "Lütfen sorunuzu İngilizce sorun.",
  ru: "Пожалуйста, задайте вопрос на английском языке.",
  ky: "Сураныч, суроонузду англис тилинде бериңиз.",
  kk: "Сұрағыңызды ағылшын тілінде қойыңыз.",
  uz: "Iltimos, savolingizni ingliz tilida bering.",
  fa: "لطفاً پرسش خود را به زبان انگلیسی بپرسید.",
  uk: "Будь ласка, поставте запитання англійською мовою.",
  ar: "يرجى طرح سؤالك باللغة الإنجليزية.",
};

export function refusal(reason: RefusalReason, language?: string): DraftAnswer {
  const local = reason === "unsupported_language" && language !== undefined ? ASK_IN_ENGLISH[language] : undefined;
  return {
    answer: local === undefined ? MESSAGES[reason] : `${local} ${MESSAGES[reason]}`,
    grounded: false,
    citations: [],
    reason,
    ...(language === undefined ? {} : { language }),
  };
}

/** The refusal for "no passage answers it" (`none`) or "not a question about the articles" (`request`). */
export function notCoveredAnswer(_question: string, kind: "none" | "request"): DraftAnswer {
  return refusal(kind === "none" ? "not_covered" : "out_of_scope");
}
