/**
 * Copies just the `ArticleMeta` fields of a record, leaving out absent optional ones (so objects
 * stay valid under `exactOptionalPropertyTypes` and JSON stays free of `undefined` keys).
 */
import type { ArticleMeta } from "../core/types.js";

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

/** An article's identity and metadata as fields of a class, for records whose text is read on demand. */
export abstract class ArticleRecord implements ArticleMeta {
  readonly id: string;
  readonly path: string;
  readonly hash: string;
  readonly title: string;
  readonly source: string;
  readonly date: string | null;
  readonly url: string | null;
  readonly language?: string;
  readonly license?: string;

  constructor(meta: ArticleMeta & { id: string; path: string; hash: string }) {
    this.id = meta.id;
    this.path = meta.path;
    this.hash = meta.hash;
    this.title = meta.title;
    this.source = meta.source;
    this.date = meta.date;
    this.url = meta.url;
    if (meta.language !== undefined) this.language = meta.language;
    if (meta.license !== undefined) this.license = meta.license;
  }

  abstract get text(): string;
}
