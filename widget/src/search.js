// The search, its filters, the results and a result's detail view: a lazily loaded chunk (see
// build.mjs), started once the crisis block is on screen. `host` is the <roadcase-finder>: its
// `get` (the API), `i18n`, `config`, `locales`, `country`, `crisisLines()` and `context()`.
import { wireCombobox } from './combobox.js';
import { h, selectField } from './dom.js';
import { crisisBlock } from './render.js';
import { detailView, resultCard } from './results.js';

export { moreCss } from './styles.more.js';

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 300;
const EMPTY_FILTERS = { q: '', kind: '', topic: '', language: '', contact: '', open_now: false, free: false };

export class Search {
  constructor(host) {
    this.host = host;
    this.seq = 0;
    this.topics = [];
    this.filters = {
      ...EMPTY_FILTERS,
      kind: host.getAttribute('kinds') || (host.config.partner?.default_kinds || []).join(','),
    };
  }

  /** The topics (for suggestions and the filter), then the first results. */
  async start() {
    const { host } = this;
    const topics = await host.get('topics/', { locale: host.config.locale }).then((d) => d.results, () => null);
    if (topics) {
      this.topics = topics;
      host.$find.replaceChildren(this.render());
    }
    this.run();
  }

  context() {
    return { ...this.host.context(), open: (resource, opener) => this.openDetail(resource, opener) };
  }

  /** The search box, the filters, the results and the (hidden) detail view. */
  render() {
    const { t } = this.host.i18n;
    this.$status = h('p', { role: 'status', class: 'muted' });
    this.$list = h('ul');
    this.$more = h('button', { class: 'btn plain', type: 'button', hidden: true, onclick: () => this.run(true) }, t('load_more'));
    this.$above = h('p', { class: 'muted', hidden: true }, t('results_crisis_above'));
    // With words that signal a crisis, the emergency numbers come first, right under the box.
    this.$help = h('div', { id: 'rc-help-now', class: 'stack', hidden: true });
    this.$results = h('div', { class: 'stack' }, this.$help, this.$above, this.$list, this.$more);
    this.$detail = h('div', { hidden: true, onkeydown: (event) => this.detailKey(event) });
    return h('div', { class: 'stack' }, this.searchBox(), this.filterPanel(), this.$status, this.$results, this.$detail);
  }

  searchBox() {
    const { host } = this;
    const { t } = host.i18n;
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
    const close = wireCombobox(input, listbox, (text) => {
      const wanted = text.trim().toLocaleLowerCase(host.i18n.locale);
      return wanted
        ? this.topics.filter((topic) => topic.name.toLocaleLowerCase(host.i18n.locale).includes(wanted))
          .slice(0, 6).map((topic) => ({ label: topic.name, slug: topic.slug }))
        : [];
    }, (item) => {
      clearTimeout(timer);
      input.value = '';
      this.filters.q = '';
      this.$topic.value = item.slug;
      this.setFilter('topic', item.slug);
    });
    // Enter searches for what was typed, and the suggestions for it close.
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.defaultPrevented) {
        clearTimeout(timer);
        close();
        this.setFilter('q', input.value.trim());
      }
    });
    return h('div', { role: 'search', class: 'stack' },
      h('label', { for: 'rc-q' }, t('search_label')),
      h('p', { id: 'rc-hint', class: 'muted' }, t('search_hint')),
      h('div', { class: 'combo' }, input, listbox));
  }

  filterPanel() {
    const { config, locales, i18n: { t } } = this.host;
    const any = ['', t('any')];
    const choice = (key, label, options) => selectField(
      label,
      { id: `rc-${key}`, onchange: (event) => this.setFilter(key, event.target.value) },
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
    const active = this.filtered();
    // Escape closes the open filters like any other open part (and is not counted towards the
    // quick exit's Escape twice: finder.js skips handled keys).
    const closeOnEscape = (event) => {
      const details = event.currentTarget;
      if (event.key !== 'Escape' || !details.open) return;
      event.preventDefault();
      details.open = false;
      details.querySelector('summary').focus();
    };
    return h('details', {
      open: this.filtersOpen || active,
      ontoggle: (event) => { this.filtersOpen = event.target.open; },
      onkeydown: closeOnEscape,
    },
      h('summary', {}, t('filters')),
      h('div', { class: 'grid' },
        choice('kind', t('filter_kind'), kinds),
        topic,
        choice('language', t('filter_language'), locales.map((l) => [l.code, l.name])),
        choice('contact', t('filter_contact'), config.contact_methods.map((m) => [m.value, m.label])),
        check('open_now', t('filter_open_now')),
        check('free', t('filter_free'))),
      h('button', { class: 'btn plain', type: 'button', onclick: () => this.clearFilters() }, t('clear_filters')));
  }

  /** Whether any filter (not the words) narrows the results. */
  filtered() {
    return Object.entries(EMPTY_FILTERS).some(([k, v]) => k !== 'q' && this.filters[k] !== v);
  }

  setFilter(key, value) {
    if (this.filters[key] === value) return;
    this.filters[key] = value;
    this.run();
  }

  clearFilters() {
    this.filters = { ...EMPTY_FILTERS, q: this.filters.q };
    this.host.$find.replaceChildren(this.render());
    this.host.shadowRoot.querySelector('#rc-find ~ * summary').focus();
    this.run();
  }

  // Runs the search (or, with `more`, loads its next page); only the latest answer is shown.
  // Lines already in the crisis block are left out here: one list, not two. Unless the words
  // signal a crisis: then the emergency numbers head the results and the crisis lines are
  // listed first, where the person is looking (the block above may be screens away on a phone).
  async run(more = false) {
    const { host } = this;
    const seq = ++this.seq;
    const { t, count } = host.i18n;
    this.closeDetail();
    this.$status.textContent = t('loading');
    const { open_now, free, ...filters } = this.filters;
    try {
      const data = more
        ? await host.get(this.next)
        : await host.get('resources/', {
          ...filters,
          open_now: open_now && 'true',
          free: free && 'true',
          country: host.country,
          locale: host.config.locale,
          page_size: PAGE_SIZE,
        });
      if (seq !== this.seq) return;
      this.next = data.next;
      if (!more) this.showHelp(Boolean(data.crisis_intent));
      const above = new Set(this.crisisIntent ? [] : host.crisisLines().map((line) => line.id));
      const shown = data.results.filter((resource) => !above.has(resource.id));
      if (!more) this.hidden = 0;
      this.hidden += data.results.length - shown.length;
      const cards = shown.map((resource) => resultCard(resource, host.i18n, this.context()));
      if (more) this.$list.append(...cards);
      else this.$list.replaceChildren(...cards);
      // A page of nothing but lines listed above (a country with many crisis lines lists them
      // first): on to the next, so that a page, and "Show more", always shows something.
      if (!shown.length && data.next) return this.run(true);
      this.$more.hidden = !data.next;
      this.$above.hidden = !this.hidden;
      // Once every page is in, the count is of what is listed here (the lines listed above are
      // counted by the hub but not repeated), unless all of them are above: then the note says
      // where they are.
      const listed = data.next || data.count_is_estimate || this.hidden === data.count ? data.count : data.count - this.hidden;
      this.$status.textContent = !data.count ? t('empty') : data.count_is_estimate ? t('results_estimate', { count: data.count }) : count('results', listed);
      if (!data.count && this.filtered()) {
        this.$list.replaceChildren(h('li', {}, h('button', { class: 'btn plain', type: 'button', onclick: () => this.clearFilters() }, t('clear_filters'))));
      }
      // Focus moves to the first new result (or, with none, the last one: the button is gone).
      if (more) (cards[0] || this.$list.lastElementChild)?.querySelector('button')?.focus();
    } catch {
      if (seq !== this.seq) return;
      // A failed "Show more" keeps the emergency numbers a crisis search brought.
      if (!more) this.showHelp(false);
      this.$more.hidden = true;
      this.$above.hidden = true;
      this.$status.textContent = t('error');
      this.$list.replaceChildren(h('li', {}, h('button', { class: 'btn plain', type: 'button', onclick: () => this.run() }, t('retry'))));
    }
  }

  showHelp(crisisIntent) {
    const { host } = this;
    this.crisisIntent = crisisIntent;
    this.$help.hidden = !crisisIntent;
    // Not a landmark of its own: the crisis block at the top is the one "Need help right now?".
    this.$help.replaceChildren(...(crisisIntent ? [
      h('h3', {}, host.i18n.t('crisis_heading')),
      crisisBlock({
        country: host.country && host.countryName(host.country),
        numbers: host.emergencyNumbers(host.country),
        lines: [],
      }, host.i18n, host.context()),
    ] : []));
  }

  openDetail(resource, opener) {
    this.opener = opener;
    this.$detail.replaceChildren(detailView(resource, this.host.i18n, this.context(), () => this.closeDetail(true)));
    this.$results.hidden = true;
    this.$detail.hidden = false;
    this.$detail.querySelector('h3').focus();
  }

  // Escape in the detail view goes back to the results (and is not a press of the quick exit).
  detailKey(event) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.closeDetail(true);
  }

  closeDetail(restoreFocus) {
    if (this.$detail.hidden) return;
    this.$detail.hidden = true;
    this.$results.hidden = false;
    if (restoreFocus) this.opener?.focus();
  }
}
