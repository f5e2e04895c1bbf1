// Each country's emergency numbers with the services they reach, compiled into the first chunk
// at build time (build.mjs, from cms/data/countries.json) so they work with the hub down.
// (Where the visitor probably is comes from zones.js, a chunk of its own.)

/* global __EMERGENCY__ */
// "GB:999,112;JP:110p,119af;…".
const parse = (packed) => packed.split(';').map((entry) => entry.split(':'));

// Codes people write that are not ISO 3166-1 alpha-2, as the hub maps them too.
const ALIASES = { UK: 'GB', EL: 'GR' };
const SERVICES = { p: 'police', a: 'ambulance', f: 'fire' };

let emergency;

function table() {
  emergency ||= new Map(parse(__EMERGENCY__).map(([country, numbers]) => [country, numbers.split(',').map((entry) => {
    const [, number, codes] = entry.match(/^(\d+)([a-z]*)$/);
    return { number, services: codes ? [...codes].map((c) => SERVICES[c]) : Object.values(SERVICES) };
  })]));
  return emergency;
}

/**
 * The emergency numbers known at build time for `country`, in the order the hub shows them:
 * [{number, services}].
 */
export const emergencyNumbers = (country) => table().get(country) || [];

/** Every country the bundle knows an emergency number for. */
export const countryCodes = () => [...table().keys()];

/** `code` as an ISO country code the bundle knows ("uk" → "GB"), or '' for anything else. */
export function normaliseCountry(code) {
  const upper = String(code || '').trim().toUpperCase();
  const iso = ALIASES[upper] || upper;
  return table().has(iso) ? iso : '';
}

/** The string key naming what a number reaches: "emergency_all", "emergency_ambulance_fire"… */
export function serviceKey(services) {
  const set = new Set(services);
  if (set.size === 3) return 'emergency_all';
  return `emergency_${['ambulance', 'police', 'fire'].filter((s) => set.has(s)).join('_')}`;
}
