/**
 * Copies just the `ArticleMeta` fields of a record, leaving out absent optional ones (so objects
 * stay valid under `exactOptionalPropertyTypes` and JSON stays free of `undefined` keys).
 */
import type { ArticleMeta } from "./types.js";

export function pickArticleMeta(a: ArticleMeta): ArticleMeta {
  return {
    title: a.title,
    source: a.source,
    date: a.date,
    url: a.url,
    ...(a.language === undefined ? {} : { language: a.language }),
    ...(a.license === undefined ? {} : { license: a.license }),
  };
}
