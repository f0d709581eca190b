/**
 * Words that carry no topic: English function words plus the words that frame a request ("tell me",
 * "explain"). Ignored for matching everywhere, index and question alike.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each few for from further had has have having he her here hers herself him himself his " +
    "how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out " +
    "over own same she should so some such than that the their theirs them themselves then there these they this those through to too " +
    "under until up very was we were what when where which while who whom whose why will with would you your yours yourself yourselves " +
    "tell me please know say said says let us give show find explain describe anything something thing things there's what's who's " +
    "did does do done any many much one ones two s t"
  ).split(/\s+/),
);

