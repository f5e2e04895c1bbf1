// <roadcase-finder>: the custom element. It owns the state (locale, country, filters, results)
// and the shadow DOM; the views come from render.js and concierge.js, the data from api.js.
import { createApi } from './api.js';
import { wireCombobox } from './combobox.js';
import { Concierge } from './concierge.js';
import { h, safeHref, selectField } from './dom.js';
import { createI18n, negotiate, wantedLocales } from './i18n.js';
import { countryCodes, emergencyNumbers, guessCountry } from './places.js';
import { crisisBlock, detailView, resultCard } from './render.js';
import { accentSheet, sheet } from './styles.js';

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 300;
const EMPTY_FILTERS = { q: '', kind: '', topic: '', language: '', contact: '', open_now: false, free: false };

export class RoadcaseFinder extends HTMLElement {
  /** The hub's origin, from the <script> that loaded the bundle (index.js sets it). */
  static hub = '';
  static observedAttributes = ['locale', 'country', 'partner'];

  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [sheet];
    this.get = createApi(`${this.getAttribute('hub') || RoadcaseFinder.hub}/api/v1/`);
    this.i18n = createI18n();
    this.filters = { ...EMPTY_FILTERS };
    this.concierge = new Concierge(this);
    this.seq = 0;
    this.start();
  }

  attributeChangedCallback(name, before, after) {
    if (!this.shadowRoot || before === after) return;
    if (name === 'locale') this.chosenLocale = null;
    if (name === 'country') this.country = null;
    this.start();
  }

  // Loads the configuration for the best locale, then everything shown in it. Until the hub
  // answers (or if it never does), the crisis block shows the bundled emergency numbers.
  async start() {
    this.country ??= (this.getAttribute('country') || guessCountry()).toUpperCase();
    this.offline = false;
    this.lines = [];
    this.render();
    const partner = this.getAttribute('partner');
    const configPath = partner ? `widget/${encodeURIComponent(partner)}/` : 'widget/';
    try {
      const [locales, base] = await Promise.all([this.get('locales/'), this.get(configPath)]);
      this.locales = locales.results;
      const locale = negotiate(
        [this.chosenLocale, this.getAttribute('locale'), base.partner?.default_locale, ...wantedLocales()].filter(Boolean),
        this.locales.map((l) => l.code),
      ) || base.locale;
      this.config = locale === base.locale ? base : await this.get(configPath, { locale });
    } catch {
      this.offline = true;
      this.render();
      return;
    }
    const { config } = this;
    this.i18n = createI18n(config.locale, config.strings, config.direction, navigator.languages);
    this.setAttribute('lang', config.locale);
    this.setAttribute('dir', config.direction);
    this.shadowRoot.adoptedStyleSheets = [sheet, accentSheet(config.partner?.accent_colour)];
    this.filters.kind ||= this.getAttribute('kinds') || (config.partner?.default_kinds || []).join(',');
    // The visitor's own time zone beats the partner's default: a visitor abroad needs local numbers.
    this.country ||= config.partner?.default_country || '';
    this.topics = await this.get('topics/', { locale: config.locale }).then((d) => d.results, () => []);
    this.render();
    this.loadCrisisLines();
    this.search();
  }

  // The whole shadow tree for the current locale; state lives on the element, not the DOM.
  render() {
    const { i18n, config } = this;
    const t = i18n.t;
    const exit = safeHref(config?.partner?.quick_exit_url);
    this.$crisis = h('div');
    this.$status = h('p', { role: 'status', class: 'muted' });
    this.$list = h('ul');
    this.$more = h('button', { class: 'btn plain', type: 'button', hidden: true, onclick: () => this.search(true) }, t('load_more'));
    this.$results = h('div', { class: 'stack' }, this.$list, this.$more);
    this.$detail = h('div', { hidden: true });
    const theme = this.getAttribute('theme') || config?.partner?.theme || 'auto';
    const root = h(
      'div',
      { class: `rc stack ${theme === 'dark' ? 'dark' : theme === 'light' ? '' : 'auto'}`, part: 'root' },
      exit && h('div', { class: 'row' }, h('button', {
        class: 'btn plain exit', type: 'button', onclick: () => window.location.replace(exit),
      }, t('quick_exit'))),
      this.$crisis,
      this.places(),
      config && h(
        'section',
        { class: 'stack', 'aria-labelledby': 'rc-find' },
        h('h2', { id: 'rc-find' }, t('title')),
        this.searchBox(),
        this.filterPanel(),
        this.$status,
        this.$results,
        this.$detail,
      ),
      config && this.getAttribute('concierge') !== 'off' && this.concierge.render(),
    );
    this.shadowRoot.replaceChildren(root);
    this.renderCrisis();
  }

  renderCrisis() {
    const code = this.country;
    this.$crisis.replaceChildren(crisisBlock({
      heading: h('h2', { id: 'rc-crisis' }, this.i18n.t('crisis_heading')),
      country: code && this.i18n.display('region', code),
      numbers: this.emergencyNumbers(code),
      lines: this.lines,
      offline: this.offline,
    }, this.i18n, this.context()));
  }

  /** A country's emergency numbers: the hub's once it has answered for it, else the bundle's. */
  emergencyNumbers(code) {
    return this.crisisCountry?.code === code
      ? this.crisisCountry.emergency_numbers.map((n) => n.number)
      : emergencyNumbers(code);
  }

  /** [code, name] of every country, sorted by name in the visitor's language, after "—". */
  countryOptions() {
    const names = countryCodes().map((code) => [code, this.i18n.display('region', code)]);
    const collator = new Intl.Collator(this.i18n.locale);
    return [['', '—'], ...names.sort((a, b) => collator.compare(a[1], b[1]))];
  }

  context() {
    return {
      now: new Date(),
      methods: Object.fromEntries((this.config?.contact_methods || []).map((m) => [m.value, m.label])),
      open: (resource, opener) => this.openDetail(resource, opener),
    };
  }

  // The visitor's country and language; both work offline (countries and their names come
  // from the bundle and Intl), so a visitor can always find another country's number.
  places() {
    const { i18n } = this;
    const country = selectField(i18n.t('country_label'), {
      onchange: (event) => {
        this.country = event.target.value;
        this.renderCrisis();
        if (this.config) {
          this.loadCrisisLines();
          this.search();
        }
      },
    }, this.countryOptions(), this.country);
    const locales = (this.locales || []).map((l) => [l.code, l.name]);
    const language = locales.length > 1 && selectField(i18n.t('locale_label'), {
      onchange: async (event) => {
        this.chosenLocale = event.target.value;
        await this.start();
        this.shadowRoot.querySelector('[data-locale]')?.focus();
      },
      'data-locale': true,
    }, locales, this.config?.locale);
    return h('div', { class: 'grid' }, country, language);
  }

  async loadCrisisLines() {
    const country = this.country;
    if (!country) {
      this.lines = [];
      return this.renderCrisis();
    }
    try {
      const data = await this.get('crisis-lines/', { country, locale: this.config.locale });
      if (country !== this.country) return;
      this.crisisCountry = data.country;
      this.lines = data.results;
      this.offline = false;
    } catch {
      this.lines = [];
      this.offline = true;
    }
    this.renderCrisis();
  }

  searchBox() {
    const { t } = this.i18n;
    const input = h('input', {
      id: 'rc-q', type: 'search', role: 'combobox', autocomplete: 'off',
      'aria-autocomplete': 'list', 'aria-controls': 'rc-suggest', 'aria-describedby': 'rc-hint',
      value: this.filters.q,
    });
    const listbox = h('ul', { id: 'rc-suggest', role: 'listbox', 'aria-label': t('suggestions_label') });
    let timer;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.setFilter('q', input.value.trim()), DEBOUNCE_MS);
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.defaultPrevented) {
        clearTimeout(timer);
        this.setFilter('q', input.value.trim());
      }
    });
    wireCombobox(input, listbox, (text) => {
      const wanted = text.trim().toLocaleLowerCase(this.i18n.locale);
      return wanted
        ? this.topics.filter((topic) => topic.name.toLocaleLowerCase(this.i18n.locale).includes(wanted))
          .slice(0, 6).map((topic) => ({ label: topic.name, slug: topic.slug }))
        : [];
    }, (item) => {
      clearTimeout(timer);
      input.value = '';
      this.filters.q = '';
      this.$topic.value = item.slug;
      this.setFilter('topic', item.slug);
    });
    return h('div', { role: 'search', class: 'stack' },
      h('label', { for: 'rc-q' }, t('search_label')),
      h('p', { id: 'rc-hint', class: 'muted' }, t('search_hint')),
      h('div', { class: 'combo' }, input, listbox));
  }

  filterPanel() {
    const { t } = this.i18n;
    const { config } = this;
    const any = ['', t('any')];
    const choice = (key, label, options) => selectField(
      label,
      { onchange: (event) => this.setFilter(key, event.target.value) },
      [any, ...options],
      this.filters[key],
    );
    const kinds = config.kinds.map((k) => [k.value, k.label]);
    if (this.filters.kind && !kinds.some(([value]) => value === this.filters.kind)) {
      kinds.unshift([this.filters.kind, this.filters.kind.split(',').map((v) => config.kinds.find((k) => k.value === v)?.label || v).join(', ')]);
    }
    const topic = choice('topic', t('filter_topic'), this.topics.map((x) => [x.slug, x.name]));
    this.$topic = topic.querySelector('select');
    const check = (key, label) => h('label', { class: 'check' }, h('input', {
      type: 'checkbox', checked: this.filters[key], onchange: (event) => this.setFilter(key, event.target.checked),
    }), label);
    const active = Object.entries(EMPTY_FILTERS).some(([k, v]) => k !== 'q' && this.filters[k] !== v);
    return h('details', { open: this.filtersOpen || active, ontoggle: (event) => { this.filtersOpen = event.target.open; } },
      h('summary', {}, t('filters')),
      h('div', { class: 'grid' },
        choice('kind', t('filter_kind'), kinds),
        topic,
        choice('language', t('filter_language'), this.locales.map((l) => [l.code, l.name])),
        choice('contact', t('filter_contact'), config.contact_methods.map((m) => [m.value, m.label])),
        check('open_now', t('filter_open_now')),
        check('free', t('filter_free'))),
      h('button', { class: 'btn plain', type: 'button', onclick: () => this.clearFilters() }, t('clear_filters')));
  }

  setFilter(key, value) {
    if (this.filters[key] === value) return;
    this.filters[key] = value;
    this.search();
  }

  clearFilters() {
    this.filters = { ...EMPTY_FILTERS, q: this.filters.q };
    this.render();
    this.shadowRoot.querySelector('summary').focus();
    this.search();
  }

  // Runs the search (or, with `more`, loads its next page); only the latest answer is shown.
  async search(more = false) {
    const seq = ++this.seq;
    const { t, count } = this.i18n;
    this.closeDetail();
    this.$status.textContent = t('loading');
    const { open_now, free, ...filters } = this.filters;
    try {
      const data = more
        ? await this.get(this.next)
        : await this.get('resources/', {
          ...filters,
          open_now: open_now && 'true',
          free: free && 'true',
          country: this.country,
          locale: this.config.locale,
          page_size: PAGE_SIZE,
        });
      if (seq !== this.seq) return;
      this.next = data.next;
      const cards = data.results.map((resource) => resultCard(resource, this.i18n, this.context()));
      if (more) this.$list.append(...cards);
      else this.$list.replaceChildren(...cards);
      this.$more.hidden = !data.next;
      this.$status.textContent = !data.count ? t('empty') : data.count_is_estimate ? t('results_estimate', { count: data.count }) : count('results', data.count);
      if (!data.count) {
        this.$list.replaceChildren(h('li', {}, h('button', { class: 'btn plain', type: 'button', onclick: () => this.clearFilters() }, t('clear_filters'))));
      }
      if (more) cards[0]?.querySelector('button')?.focus();
    } catch {
      if (seq !== this.seq) return;
      this.$more.hidden = true;
      this.$status.textContent = t('error');
      this.$list.replaceChildren(h('li', {}, h('button', { class: 'btn plain', type: 'button', onclick: () => this.search() }, t('retry'))));
    }
  }

  openDetail(resource, opener) {
    this.opener = opener;
    this.$detail.replaceChildren(detailView(resource, this.i18n, this.context(), () => this.closeDetail(true)));
    this.$results.hidden = true;
    this.$detail.hidden = false;
    this.$detail.querySelector('h3').focus();
  }

  closeDetail(restoreFocus) {
    if (this.$detail.hidden) return;
    this.$detail.hidden = true;
    this.$results.hidden = false;
    if (restoreFocus) this.opener?.focus();
  }
}
