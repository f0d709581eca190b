/**
 * A server URL as it may be shown in logs and errors: the user name and password taken out
 * (`redis://:s3cret@cache:6379/0` → `redis://cache:6379/0`). A string that is not a URL is
 * replaced by a placeholder rather than echoed, since it may be a password pasted in the wrong place.
 */
export function urlWithoutCredentials(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = "";
    url.password = "";
    return url.toString().replace(/\/$/, "");
  } catch {
    return "(an unparseable URL)";
  }
}

/** The password (and user name) inside a URL, for log redaction; empty when none. */
export function credentialsOf(raw: string): string[] {
  try {
    const url = new URL(raw);
    return [decodeURIComponent(url.password), url.password].filter((s, i, all) => s.length >= 4 && all.indexOf(s) === i);
  } catch {
    return [];
  }
}
