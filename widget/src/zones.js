// Where the visitor probably is, without asking anyone: the country of the browser's time zone,
// from a table compiled at build time (build.mjs, from the tz database). A chunk of its own,
// loaded at once when no country is given, in parallel with the hub's start answer: the table
// is a third of the first chunk's budget.

/* global __ZONES__ */
let zones;

/** The ISO country code of the browser's time zone, or '' when it names no country. */
export function guessCountry() {
  if (!zones) {
    zones = new Map();
    // "GB:London,Belfast;US:New_York,…"
    for (const [country, list] of __ZONES__.split(';').map((entry) => entry.split(':'))) {
      for (const city of list.split(',')) zones.set(city, country);
    }
  }
  try {
    return zones.get(Intl.DateTimeFormat().resolvedOptions().timeZone.split('/').pop()) || '';
  } catch {
    return '';
  }
}
