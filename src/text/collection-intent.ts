/**
 * Questions about the collection rather than about one fact: "what's new?", "summarise the
 * articles", "what happened in 2021?", "which countries are mentioned?", "what sources do you
 * have?". They are answered from article metadata and leads, not from one matching sentence.
 */
export type CollectionAsk = "news" | "oldest" | "summary" | "year" | "countries" | "people" | "organizations" | "sources";

export interface CollectionIntent {
  ask: CollectionAsk;
  /** The year asked about ("what happened in 2021?"). */
  year?: number;
}

const YEAR = /\b(19[5-9]\d|20\d\d)\b/;

/** The collection question a (normalised, lower-case) question asks, or null for an ordinary one. */
export function collectionIntent(question: string): CollectionIntent | null {
  const q = question.toLowerCase().replace(/[’']/g, "'").replace(/[?!.]+\s*$/, "").trim();
  // Only about the collection as a whole: "what's new?", not "what is new in the labour code?".
  if (/^(what'?s|what is|anything|any) (new|latest|the latest)( in the (articles|collection|news))?( today| lately| recently)?$|^(latest|recent) (news|articles|reports|stories)$|^(what|any) (news|updates)( today| lately)?$|^news$/.test(q)) return { ask: "news" };
  if (/^(what'?s|what is|which is|show me|give me)? ?(the )?(most recent|latest|newest|last) (article|story|report|news)( (you have|in the collection|indexed))?$/.test(q)) return { ask: "news" };
  if (/^(what'?s|what is|which is|show me|give me)? ?(the )?(oldest|earliest|first) (article|story|report)( (you have|in the collection|indexed))?$/.test(q)) return { ask: "oldest" };
  if (/^(please )?(summari[sz]e|sum up|give me an overview of|overview of)( (the|all|your|them|it)( (articles|collection|reports|news|sources))?)?$|^what (are|do) (the|these|your) (articles|reports|stories|sources|documents) (about|cover|say)$|^what do you know( about)?$|^(please )?(give me |can i get |i want )?(a |the )?(short |quick )?(summary|overview|rundown|tl;?dr)( of (the |all )?(articles|collection|news|everything))?( please)?$|^what (topics|subjects) (do|are) (the articles|you) (cover|covered)$/.test(q)) return { ask: "summary" };
  const year = YEAR.exec(q);
  if (year?.[1] !== undefined && /^(what|which events?|tell me what) (happened|went on|was (reported|there)|took place)( in| during)? (the year )?\d{4}$|^(what|anything) (happened )?in \d{4}$|^(any |what )?(news|articles|stories|reports) (from|in|of) \d{4}$|^\d{4}$/.test(q)) {
    return { ask: "year", year: Number(year[1]) };
  }
  const mentioned = /(are|were|is|get|gets|got)? ?(mentioned|named|covered|featured|involved|in the articles|appear)/;
  if (/^(which|what) countries\b/.test(q) && mentioned.test(q)) return { ask: "countries" };
  if ((/^(which|what) (people|persons|officials)\b/.test(q) || /^who (is|are|gets?|got) (mentioned|named)\b/.test(q)) && mentioned.test(q)) return { ask: "people" };
  if (/^(which|what) (organi[sz]ations|unions|bodies)\b/.test(q) && /(mentioned|named|in the articles)/.test(q)) return { ask: "organizations" };
  if (/^(which|what) (sources|outlets|news agencies|newspapers|articles)\b|^(list|show)( me)? (the )?(articles|sources)\b|^how many articles\b/.test(q)) return { ask: "sources" };
  return null;
}
