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

/**
 * A translator for `locale` with the hub's `strings` over the bundled English ones. Intl
 * formats for the visitor's variant of it among `preferred` (the browser's languages).
 */
export function createI18n(hubLocale = 'en', strings = {}, dir = 'ltr', preferred = []) {
  const locale = regional(hubLocale, preferred);
  const catalog = { ...EN, ...strings };
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(locale);
  const t = (key, vars = {}) =>
    (catalog[key] ?? key).replace(/\{(\w+)\}/g, (_, name) =>
      typeof vars[name] === 'number' ? numbers.format(vars[name]) : vars[name]);
  return {
    locale,
    dir,
    t,
    count: (key, count) => t(`${key}_${plurals.select(count) === 'one' ? 'one' : 'other'}`, { count }),
    date: (date, options) => new Intl.DateTimeFormat(locale, options).format(date),
    display: (type, code) => {
      try {
        return new Intl.DisplayNames([locale], { type }).of(code);
      } catch {
        return code;
      }
    },
  };
}
