// Where the visitor probably is, without asking anyone: the country of the browser's time zone,
// and each country's emergency numbers, both compiled into the bundle at build time
// (build.mjs: cms/data/countries.json and the tz database) so they work with the hub down.

/* global __ZONES__, __EMERGENCY__ */
// "GB:London,Belfast;US:New_York,…" and "GB:999,112;US:911;…".
const parse = (packed) => packed.split(';').map((entry) => entry.split(':'));

let zones;

/** The ISO country code of the browser's time zone, or '' when it names no country. */
export function guessCountry() {
  if (!zones) {
    zones = new Map();
    for (const [country, list] of parse(__ZONES__)) {
      for (const city of list.split(',')) zones.set(city, country);
    }
  }
  try {
    return zones.get(Intl.DateTimeFormat().resolvedOptions().timeZone.split('/').pop()) || '';
  } catch {
    return '';
  }
}

const emergency = new Map(parse(__EMERGENCY__).map(([country, numbers]) => [country, numbers.split(',')]));

/** The emergency numbers known at build time for `country`, first one first. */
export const emergencyNumbers = (country) => emergency.get(country) || [];

/** Every country the bundle knows an emergency number for. */
export const countryCodes = () => [...emergency.keys()];
