/** Query parameters that carry a secret (`password=`, `sslpassword=`, `token=`, `api_key=`). */
const SECRET_PARAM = /pass|secret|token|key/i;

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
    // Drivers also take a password in the query (`?password=…`): never shown either.
    for (const name of [...url.searchParams.keys()]) if (SECRET_PARAM.test(name)) url.searchParams.set(name, "***");
    return url.toString().replace(/\/$/, "");
  } catch {
    return "(an unparseable URL)";
  }
}

/** The password (and user name) inside a URL, for log redaction; empty when none. */
export function credentialsOf(raw: string): string[] {
  try {
    const url = new URL(raw);
    const inQuery = [...url.searchParams.entries()].filter(([name]) => SECRET_PARAM.test(name)).map(([, value]) => value);
    return [decodeURIComponent(url.password), url.password, ...inQuery].filter((s, i, all) => s.length >= 4 && all.indexOf(s) === i);
  } catch {
    return [];
  }
}
