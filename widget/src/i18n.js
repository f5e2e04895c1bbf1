// UI strings and locale choice. Strings come from the hub's catalog for the locale (the API's
// widget start endpoint); the English catalog is bundled as the fallback for any missing key and
// for when the hub cannot be reached (the first chunk holds the crisis path's strings only:
// build.mjs). Numbers, dates and times always go through Intl.
import EN from './strings.en.json' with { type: 'json' };

/** The first of `wanted` the hub serves (exact tag, then language only), or null. */
export function negotiate(wanted, available) {
  const lower = available.map((code) => code.toLowerCase());
  for (const tag of wanted) {
    const t = tag.toLowerCase().replace('_', '-');
    const exact = lower.indexOf(t);
    if (exact >= 0) return available[exact];
    const base = lower.findIndex((code) => code.split('-')[0] === t.split('-')[0]);
    if (base >= 0) return available[base];
  }
  return null;
}

/**
 * The visitor's own variant of `locale` among their `preferred` tags ("en-GB" for "en"), else
 * `locale`: the texts are the hub's, but dates and numbers look the way the visitor expects.
 */
export function regional(locale, preferred = []) {
  for (const tag of preferred) {
    try {
      if (negotiate([tag], [locale])) return Intl.getCanonicalLocales(tag)[0];
    } catch {
      // Not a valid language tag: skip it.
    }
  }
  return locale;
}

// Intl objects are costly to make (the first one on a slow phone takes tens of milliseconds, as
// the browser loads its locale data, and one render asks for hundreds of names): each is made
// on first use, once per page for its locale and options, so none delays the first request.
const made = new Map();
function once(key, make) {
  if (!made.has(key)) made.set(key, make());
  return made.get(key);
}

/**
 * A translator for `locale` with the hub's `strings` over the bundled English ones. Intl
 * formats for the visitor's variant of it among `preferred` (the browser's languages).
 */
export function createI18n(hubLocale = 'en', strings = {}, dir = 'ltr', preferred = []) {
  const locale = regional(hubLocale, preferred);
  const catalog = { ...EN, ...strings };
  const intl = (Kind, options = {}) =>
    once(`${Kind.name} ${locale} ${JSON.stringify(options)}`, () => new Kind(locale, options));
  const t = (key, vars = {}) =>
    (catalog[key] ?? key).replace(/\{(\w+)\}/g, (_, name) =>
      typeof vars[name] === 'number' ? intl(Intl.NumberFormat).format(vars[name]) : vars[name]);
  const display = (type, code) => {
    try {
      return intl(Intl.DisplayNames, { type }).of(code) || code;
    } catch {
      return code;
    }
  };
  return {
    locale,
    dir,
    t,
    display,
    count: (key, count) =>
      t(`${key}_${intl(Intl.PluralRules).select(count) === 'one' ? 'one' : 'other'}`, { count }),
    date: (date, options) => intl(Intl.DateTimeFormat, options).format(date),
    /** [code, name] of each of `codes` (the same every call), sorted by name in this language. */
    countries: (codes) => once(`countries ${locale}`, () => {
      const collator = intl(Intl.Collator);
      return codes.map((code) => [code, display('region', code)]).sort((a, b) => collator.compare(a[1], b[1]));
    }),
  };
}
