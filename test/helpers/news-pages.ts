/**
 * Real-looking news pages for extraction and "add by URL" tests: the article sits among the
 * furniture real sites have (navigation, cookie banner, byline, share buttons, related links,
 * newsletter form, comments, footer), with its metadata in Open Graph and JSON-LD.
 */

export interface NewsPageOptions {
  title: string;
  /** Article paragraphs (plain text; `&`, `<` are escaped). */
  paragraphs: readonly string[];
  siteName?: string;
  /** ISO date-time for article:published_time / JSON-LD. */
  published?: string;
  canonical?: string;
  /** Put site name and date only in JSON-LD (no Open Graph tags). */
  jsonLdOnly?: boolean;
  byline?: string;
  lang?: string;
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const FURNITURE_TEXTS = [
  "We use cookies",
  "Accept all cookies",
  "Share on Facebook",
  "Tweet this",
  "Related stories",
  "Dockers strike in Rotterdam",
  "Sign up for our newsletter",
  "Leave a comment",
  "All rights reserved",
  "Home",
  "Contact us",
];

export function newsPage(o: NewsPageOptions): string {
  const site = o.siteName ?? "Harbour Labour News";
  const published = o.published ?? "2024-03-12T09:30:00+02:00";
  const byline = o.byline ?? "Jane Doe";
  const jsonLd = {
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "WebSite", "@id": "https://news.example/#site", name: site },
      {
        "@type": "NewsArticle",
        headline: o.title,
        datePublished: published,
        author: { "@type": "Person", name: byline },
        publisher: { "@type": "NewsMediaOrganization", name: site, logo: { "@type": "ImageObject", url: "/logo.png" } },
        ...(o.canonical === undefined ? {} : { mainEntityOfPage: { "@type": "WebPage", "@id": o.canonical } }),
      },
    ],
  };
  const og = o.jsonLdOnly
    ? ""
    : `<meta property="og:title" content="${escape(o.title)}">
  <meta property="og:site_name" content="${escape(site)}">
  <meta property="og:type" content="article">
  <meta property="article:published_time" content="${published}">`;
  return `<!DOCTYPE html>
<html lang="${o.lang ?? "en"}">
<head>
  <meta charset="utf-8">
  <title>${escape(o.title)} | ${escape(site)}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  ${og}
  ${o.canonical === undefined ? "" : `<link rel="canonical" href="${o.canonical}">`}
  <link rel="stylesheet" href="/static/site.css">
  <script type="application/ld+json">${JSON.stringify(jsonLd)}</script>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>
</head>
<body class="article-page">
  <div id="cookie-consent" class="cookie-banner">
    <p>We use cookies to give you the best experience on our website. By continuing to browse the site you agree to our use of cookies and to our privacy policy, which explains how we process your data.</p>
    <button>Accept all cookies</button> <a href="/privacy">Manage preferences</a>
  </div>
  <header class="site-header">
    <a class="logo" href="/">${escape(site)}</a>
    <nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/unions">Unions</a></li><li><a href="/ports">Ports</a></li><li><a href="/contact">Contact us</a></li></ul></nav>
  </header>
  <div class="breadcrumbs"><a href="/">Home</a> › <a href="/unions">Unions</a></div>
  <main id="content">
    <article class="story">
      <header class="story-header">
        <h1 class="story-title">${escape(o.title)}</h1>
        <div class="byline">By <a rel="author" href="/authors/jane-doe">${escape(byline)}</a>, Labour correspondent</div>
        <time datetime="${published}">12 March 2024</time>
      </header>
      <ul class="share-buttons">
        <li><a href="https://www.facebook.com/sharer/sharer.php?u=x">Share on Facebook</a></li>
        <li><a href="https://twitter.com/intent/tweet?url=x">Tweet this</a></li>
        <li><a href="mailto:?subject=x">Email</a></li>
      </ul>
      <div class="story-body">
        ${o.paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n        ")}
      </div>
      <div class="related-stories">
        <h2>Related stories</h2>
        <ul>
          <li><a href="/news/dockers-strike">Dockers strike in Rotterdam over automation plans</a></li>
          <li><a href="/news/ferry-wages">Ferry crews win a new wage agreement after long talks</a></li>
          <li><a href="/news/ilo-shipping">ILO shipping committee meets in Geneva next month</a></li>
        </ul>
      </div>
    </article>
    <section class="newsletter-signup">
      <h2>Sign up for our newsletter</h2>
      <form action="/subscribe"><input type="email" name="email" placeholder="Your email"><button>Subscribe</button></form>
    </section>
    <section id="comments" class="comments"><h2>Leave a comment</h2><p>Comments are moderated and may take a day to appear.</p></section>
  </main>
  <footer class="site-footer"><p>© 2024 ${escape(site)}. All rights reserved.</p><a href="/contact">Contact us</a></footer>
  <script src="/static/app.js"></script>
</body>
</html>`;
}

/** A distinct, answerable article about a seafarers' union agreement. */
export const SEAFARERS = {
  title: "Estonian seafarers and Nordic transport workers sign cooperation agreement",
  paragraphs: [
    "TALLINN — The Estonian Seafarers' Independent Union and the Nordic Transport Workers' Federation signed a cooperation agreement in Tallinn on Tuesday, committing both organisations to joint inspections of ferries on the Baltic routes.",
    "The agreement was signed by Kalev Tamm, the chairman of the Estonian Seafarers' Independent Union, and by the federation's general secretary, Ingrid Lindqvist, at a ceremony in the city's old harbour.",
    "Under the agreement, inspectors from both unions will check working hours, rest periods and wage slips on board, and will share the results with the port authorities of Estonia, Finland and Sweden.",
    "Tamm said the agreement would help crews who work long shifts on the busy route between Tallinn and Helsinki. \u201cOur members deserve the same protection whichever flag their ship flies,\u201d he said.",
    "The two organisations also plan a joint training programme for young seafarers, to begin in the autumn at the maritime academy in Tallinn.",
  ],
} as const;

/** A second, unrelated article whose title slugs the same as `SEAFARERS` on the same day and outlet. */
export const SEAFARERS_FOLLOW_UP = {
  title: SEAFARERS.title,
  paragraphs: [
    "TALLINN — A week after the Estonian Seafarers' Independent Union and the Nordic Transport Workers' Federation signed their cooperation agreement, the first joint inspection took place on board a ferry in the port of Muuga.",
    "Inspectors found that the crew's rest periods had been recorded correctly, but asked the operator to translate the wage slips into Russian and English for the crew members who do not read Estonian.",
    "The inspection team said the next visits would cover cargo ships calling at Paldiski and Sillamäe, where union representation has been weaker in recent years.",
  ],
} as const;

/** A third article, for the feeds: Finnish and Estonian dockers agree joint safety rules. */
export const PORT_SAFETY = {
  title: "Finnish and Estonian dockers agree joint safety rules for the Gulf ports",
  paragraphs: [
    "KOTKA — The Finnish Port Workers' Union and the Estonian Dockers' Union agreed on Monday to apply the same safety rules for container handling in the ports of Kotka, Hamina and Muuga.",
    "The rules cover lashing work, night shifts and the training of crane drivers, and were drafted after two serious accidents at Muuga last winter.",
    "Harri Virtanen, the president of the Finnish Port Workers' Union, said a joint safety course for new dockers would be held in Kotka every spring, with instructors from both unions.",
    "The employers' associations of both countries have been invited to sign the rules before the summer season begins.",
  ],
} as const;
