// <roadcase-finder>: the custom element. It owns the state (locale, country, the hub's start
// answer) and the shadow DOM, and draws what is on the crisis path itself: the quick exit, the
// crisis block and the country and language choices. Search, results, the detail view and the
// concierge form come from lazily loaded chunks (search.js, concierge.js) once that is on screen.
import { createApi } from './api.js';
import * as dom from './dom.js';
import { createI18n, negotiate } from './i18n.js';
import { countryCodes, emergencyNumbers, normaliseCountry, serviceKey } from './places.js';
import * as render from './render.js';
import { applyStyles } from './styles.js';

const { h, safeHref, selectField } = dom;
const { crisisBlock } = render;

/* global __CHUNKS__ */
// Where the quick exit goes when neither the embed code nor the hub names an address: the hub's
// own default (ROADCASE["QUICK_EXIT_URL"]), so it leaves for the same place with the hub down.
export const DEFAULT_QUICK_EXIT = 'https://www.google.com/';
// Two presses of Escape this close together, that closed nothing in the widget, leave the page.
const ESCAPE_TWICE_MS = 1000;
// What the hub's warnings say when the finder runs on a page the hub does not know: the crisis
// block works, the rest of the directory is not offered there.
const RESTRICTED = ['unknown_partner', 'origin_not_registered'];

const warn = (message) => console.warn(`<roadcase-finder>: ${message}`);
/** Runs `then` in a task after the next paint. */
const afterPaint = (then) => requestAnimationFrame(() => setTimeout(then));

export class RoadcaseFinder extends HTMLElement {
  /** The hub's origin and the URL of the first chunk, from the <script> (index.js sets them). */
  static hub = '';
  static script = '';
  /** What the lazy chunks share with this one (build.mjs: SHARED). */
  static lib = { ...dom, ...render };
  static observedAttributes = ['partner', 'locale', 'country', 'hub', 'theme', 'kinds', 'concierge', 'quick-exit'];

  constructor() {
    super();
    this.run = 0;
    this.onKey = (event) => this.escape(event);
  }

  connectedCallback() {
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
    this.i18n ||= createI18n();
    window.addEventListener('keydown', this.onKey);
    this.start();
  }

  disconnectedCallback() {
    window.removeEventListener('keydown', this.onKey);
    this.run++;
    this.controller?.abort();
  }

  attributeChangedCallback(name, before, after) {
    if (!this.isConnected || !this.shadowRoot || before === after) return;
    if (name === 'locale') this.chosenLocale = null;
    if (name === 'country') this.chosenCountry = null;
    // Another partner, hub or kinds: the search starts over from their defaults.
    if (['partner', 'hub', 'kinds'].includes(name)) this.search = null;
    if (name === 'theme' || name === 'quick-exit') this.render();
    else this.start();
  }

  /** The country asked for: the visitor's choice, else the attribute (any case, "UK"), or ''. */
  wantedCountry() {
    if (this.chosenCountry) return this.chosenCountry;
    const attribute = this.getAttribute('country');
    const code = normaliseCountry(attribute);
    if (attribute && !code) {
      warn(`country="${attribute}" is not an ISO 3166-1 country code (e.g. "GB"); showing the visitor's own country instead.`);
    }
    return code;
  }

  // One request to the hub for everything on the crisis path (configuration, strings, the
  // country's emergency numbers and crisis lines); until it answers, or if it never does, the
  // crisis block shows the bundled emergency numbers. Without a country, the browser's time zone
  // names one (zones.js, loaded alongside); only when it differs from the country the hub chose
  // (the partner's default) is a second request made, for its crisis lines. The rest of the
  // directory loads once the crisis block is painted.
  async start() {
    const run = ++this.run;
    this.controller?.abort();
    this.controller = new AbortController();
    this.get = createApi(`${this.getAttribute('hub') || RoadcaseFinder.hub}/api/v1/`, this.controller.signal);
    this.country = this.wantedCountry();
    this.state = 'loading';
    // The search and the concierge keep what the visitor chose and typed across a restart
    // (another language), but show again only once the hub has answered.
    this.loaded = false;
    const partner = this.getAttribute('partner');
    const asked = this.get(partner ? `widget/${encodeURIComponent(partner)}/start/` : 'widget/start/', {
      country: this.country,
      locale: this.chosenLocale || this.getAttribute('locale') || document.documentElement.lang,
    });
    const guess = this.country ? null : chunk('zones').then((zones) => zones.guessCountry(), () => '');
    // The bundled emergency numbers show at once for a known country. Until a country is known,
    // the embed code's own fallback content (light DOM), if any, stays on screen alone.
    this.ownContent = this.hasOwnContent();
    const waiting = !this.country && this.ownContent;
    if (waiting) this.shadowRoot.replaceChildren(h('slot'));
    else this.render();
    guess?.then((code) => {
      if (run !== this.run || this.country || this.state !== 'loading') return;
      this.country = code;
      if (!waiting) this.renderCrisis();
      else if (code) this.render();
    });
    let data;
    try {
      data = await asked;
    } catch {
      if (run !== this.run) return;
      this.country ||= (await guess) || '';
      this.state = 'offline';
      this.render();
      this.speakOffline(run);
      return;
    }
    if (run !== this.run) return;
    this.country ||= (await guess) || data.crisis?.country.code || '';
    this.crisis = data.crisis;
    this.crisisFailed = false;
    if (this.country && data.crisis?.country.code !== this.country) await this.loadCrisis(run, data.locale);
    if (run !== this.run) return;
    for (const warning of data.warnings || []) {
      // A page language the hub lacks is no mistake of the embed code: the browser's decide.
      if (warning.code !== 'unknown_locale' || this.getAttribute('locale')) warn(warning.message);
    }
    this.config = data;
    this.locales = data.locales;
    this.restricted = (data.warnings || []).some((w) => RESTRICTED.includes(w.code));
    this.i18n = createI18n(data.locale, data.strings, data.direction, navigator.languages);
    this.setAttribute('lang', data.locale);
    this.setAttribute('dir', data.direction);
    this.state = 'ready';
    this.render();
    // After the crisis block is painted: the search and the concierge, from their chunks.
    afterPaint(() => run === this.run && this.loadRest(run));
  }

  // With the hub's API not answering: the crisis path's strings in the visitor's language, from
  // the offline chunk (when it can be had), instead of the bundled English.
  async speakOffline(run) {
    const wanted = [this.chosenLocale, this.getAttribute('locale'), document.documentElement.lang,
      ...(navigator.languages || [])].filter(Boolean);
    let catalogs;
    try {
      ({ catalogs } = await chunk('offline'));
    } catch {
      return;
    }
    const code = negotiate(wanted, Object.keys(catalogs));
    if (!code || code === 'en' || run !== this.run || this.state !== 'offline') return;
    const { dir, strings } = catalogs[code];
    this.i18n = createI18n(code, strings, dir, navigator.languages);
    this.setAttribute('lang', code);
    this.setAttribute('dir', dir);
    this.render();
  }

  /** Whether the element has fallback content of its own (the embed code's) to show. */
  hasOwnContent() {
    return [...this.childNodes].some((n) => n.nodeType === 1 || n.textContent.trim());
  }

  async loadRest(run) {
    if (this.restricted) return;
    try {
      const [{ Search, moreCss }, { Concierge }] = await Promise.all([chunk('search'), chunk('concierge')]);
      if (run !== this.run) return;
      this.moreCss = moreCss;
      this.restyle();
      this.search ||= new Search(this);
      this.concierge ||= new Concierge(this);
      this.loaded = true;
    } catch {
      if (run !== this.run) return;
      this.$find.replaceChildren(this.message('error'));
      return;
    }
    this.renderRest();
    this.search.start();
  }

  /** The quick exit's address: the embed code's, else the hub's, else the bundle's default. */
  exitUrl() {
    return safeHref(this.getAttribute('quick-exit')) || safeHref(this.config?.quick_exit_url)
      || safeHref(this.config?.partner?.quick_exit_url) || DEFAULT_QUICK_EXIT;
  }

  leave() {
    window.location.replace(this.exitUrl());
  }

  // Escape closes what is open in the widget (its handlers mark the event); two presses that
  // closed nothing, within a second, are the quick exit.
  escape(event) {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (event.timeStamp - (this.lastEscape ?? -Infinity) < ESCAPE_TWICE_MS) this.leave();
    this.lastEscape = event.timeStamp;
  }

  message(key) {
    return h('p', { class: 'muted' }, this.i18n.t(key));
  }

  // The whole shadow tree for the current state; state lives on the element, not the DOM.
  render() {
    const { i18n, config } = this;
    const t = i18n.t;
    this.$crisis = h('div');
    this.$find = h('div', { class: 'stack' }, this.state === 'ready' && this.message(this.restricted ? 'search_unavailable' : 'loading'));
    this.$concierge = h('div');
    // The country and language choices are drawn after the crisis block is painted (naming and
    // sorting every country takes a slow phone a while), and kept while what they show is the same.
    const placesKey = JSON.stringify([i18n.locale, this.country, this.locales?.map((l) => l.code), config?.locale]);
    if (placesKey !== this.placesKey) {
      const $places = (this.$places = h('div'));
      this.placesKey = placesKey;
      this.placesDrawn = new Promise((resolve) => afterPaint(() => {
        if (this.$places === $places) {
          $places.replaceChildren(this.places());
          // The crisis block could name the country only by the hub's name: now the browser's too.
          if (this.country && !this.hubCountryName(this.country)) this.renderCrisis();
        }
        resolve();
      }));
    }
    const theme = this.getAttribute('theme') || config?.partner?.theme || 'auto';
    this.$exitHint = h('span', { id: 'rc-exit-hint', hidden: true }, t('quick_exit_hint'));
    const root = h(
      'div',
      { class: `rc stack ${theme === 'dark' ? 'dark' : theme === 'light' ? '' : 'auto'}`, part: 'root' },
      h('button', {
        class: 'btn exit', type: 'button', 'aria-describedby': 'rc-exit-hint', onclick: () => this.leave(),
      }, t('quick_exit')),
      this.$exitHint,
      // For the keyboard: past the crisis block, which may be long, to the search (shown when
      // focused).
      this.state === 'ready' && !this.restricted && h('button', {
        class: 'btn plain skip', type: 'button', onclick: () => this.shadowRoot.getElementById('rc-q')?.focus(),
      }, t('search_label')),
      this.$crisis,
      this.$places,
      // The directory's part only once the hub has answered: no empty section before or without it.
      this.state === 'ready' && h('section', { class: 'stack', 'aria-labelledby': 'rc-find' }, h('h2', { id: 'rc-find' }, t('title')), this.$find),
      this.$concierge,
    );
    this.shadowRoot.replaceChildren(root);
    this.restyle();
    this.renderCrisis();
    if (this.loaded) this.renderRest();
  }

  renderRest() {
    this.$find.replaceChildren(this.search.render());
    this.$concierge.replaceChildren((this.getAttribute('concierge') !== 'off' && this.concierge.render()) || '');
  }

  restyle() {
    const style = applyStyles(this.shadowRoot, this.config?.partner?.accent_colour, this.moreCss);
    this.shadowRoot.querySelector('style')?.remove();
    if (style) this.shadowRoot.prepend(style);
  }

  renderCrisis() {
    const code = this.country;
    const { t } = this.i18n;
    const numbers = this.emergencyNumbers(code);
    this.$crisis.replaceChildren(crisisBlock({
      heading: h('h2', { id: 'rc-crisis' }, t('crisis_heading')),
      country: code && this.countryName(code),
      numbers,
      lines: this.crisisLines(),
      // "Call the number above" only when there is exactly one.
      status: this.state === 'loading' ? h('p', { class: 'muted' }, t('loading'))
        : this.unreachable() && h('p', { role: 'alert' }, t(numbers.length === 1 ? 'offline' : 'offline_directory')),
      retry: this.unreachable() && (() => this.start()),
      // The embed code's own content (crisis lines it was written with) while the hub is away.
      fallback: this.state === 'offline' && h('slot'),
    }, this.i18n, this.context()));
  }

  /**
   * The country's name: the hub's, with its answer for that country, else the browser's once the
   * country choices are drawn, else '' (the first name a page asks the browser for makes it load
   * its names, which a slow phone should do after the emergency numbers are on screen).
   */
  countryName(code) {
    return this.hubCountryName(code) || (this.$places?.firstChild ? this.i18n.display('region', code) : '');
  }

  /** The hub's name for the country, with its answer for that country, else ''. */
  hubCountryName(code) {
    return (this.crisis?.country.code === code && this.crisis.country.name) || '';
  }

  /** Whether the hub did not answer for the crisis block (not once, or not for this country). */
  unreachable() {
    return this.state === 'offline' || (this.crisisFailed && Boolean(this.country));
  }

  /** The crisis lines the hub gave for the country shown, [] before it has. */
  crisisLines() {
    return this.crisis?.country.code === this.country ? this.crisis.results : [];
  }

  /**
   * A country's emergency numbers, [{number, label}]: the hub's once it has answered for it,
   * else the bundle's, labelled from the strings.
   */
  emergencyNumbers(code) {
    if (this.crisis?.country.code === code) return this.crisis.country.emergency_numbers;
    return emergencyNumbers(code).map(({ number, services }) => ({ number, label: this.i18n.t(serviceKey(services)) }));
  }

  /** [code, name] of every country, sorted by name in the visitor's language, after "—". */
  countryOptions() {
    return [['', '—'], ...this.i18n.countries(countryCodes())];
  }

  context() {
    return {
      now: new Date(),
      methods: Object.fromEntries((this.config?.contact_methods || []).map((m) => [m.value, m.label])),
    };
  }

  // The visitor's country and language; the country works offline (countries and their names
  // come from the bundle and Intl), so a visitor can always find another country's number.
  places() {
    const { i18n } = this;
    const country = selectField(i18n.t('country_label'), {
      id: 'rc-country',
      onchange: (event) => this.chooseCountry(event.target.value),
    }, this.countryOptions(), this.country);
    const locales = (this.locales || []).map((l) => [l.code, l.name]);
    const language = locales.length > 1 && selectField(i18n.t('locale_label'), {
      id: 'rc-locale',
      onchange: async (event) => {
        this.chosenLocale = event.target.value;
        await this.start();
        await this.placesDrawn;
        this.shadowRoot.getElementById('rc-locale')?.focus();
      },
    }, locales, this.config?.locale);
    return h('div', { class: 'grid' }, country, language);
  }

  // Another country: its bundled numbers at once, then the hub's numbers and lines for it.
  async chooseCountry(code) {
    this.chosenCountry = code;
    this.country = code;
    this.renderCrisis();
    if (this.loaded) this.search.run();
    if (!code || this.state !== 'ready') return;
    const run = this.run;
    await this.loadCrisis(run, this.config.locale);
    if (run !== this.run || code !== this.country) return;
    this.renderCrisis();
    if (this.loaded) this.search.run();
  }

  // The hub's crisis lines for the country shown (the start answer had another's); if they
  // cannot be had, the crisis block says so and offers to try again, with the bundled numbers.
  async loadCrisis(run, locale) {
    const code = this.country;
    try {
      const data = await this.get('crisis-lines/', { country: code, locale });
      if (run === this.run && code === this.country) {
        this.crisis = data;
        this.crisisFailed = false;
      }
    } catch {
      if (run === this.run && code === this.country) this.crisisFailed = true;
    }
  }
}

// A lazily loaded chunk, from the directory the first chunk came from. Where the browser can
// preload modules, a <link rel=modulepreload integrity> fetches it first, so the import gets
// the verified module or fails (the import itself cannot carry an integrity hash).
const loading = {};
function chunk(name) {
  const { file, integrity } = __CHUNKS__[name];
  const url = new URL(file, RoadcaseFinder.script || `${RoadcaseFinder.hub}/widget/v1/`).href;
  if (!loading[url]) {
    const link = document.createElement('link');
    if (link.relList?.supports?.('modulepreload')) {
      Object.assign(link, { rel: 'modulepreload', href: url, integrity, crossOrigin: 'anonymous' });
      document.head.append(link);
    }
    loading[url] = import(url).catch((error) => {
      delete loading[url];
      throw error;
    });
  }
  return loading[url];
}
