// The concierge form (a lazily loaded chunk, see build.mjs): a person asks the team, by email, for help finding care. It opens from a
// labelled disclosure; above it always stand the chosen country's emergency numbers and crisis
// lines and the sentence that the concierge is not an emergency service.
//
// What is typed stays in the form. Only when the widget re-renders (another language) is it
// carried over, in memory on this object; nothing reaches storage, and a successful send clears it.
import { field, h, select } from './dom.js';
import { crisisBlock } from './render.js';

const ROLES = ['artist', 'crew', 'songwriter', 'manager', 'family', 'other'];

export class Concierge {
  /**
   * `host` is the <roadcase-finder>: its `get` (the API), `i18n`, `config`, `locales`,
   * `country`, `context()`, `countryOptions()` and `emergencyNumbers(code)`.
   */
  constructor(host) {
    this.host = host;
    this.open = false;
  }

  /**
   * The concierge section in the host's current language, with what was typed carried over;
   * nothing when the hub's concierge takes no requests (no encryption key set up there).
   */
  render() {
    if (this.host.config.concierge_available === false) return null;
    const { t } = this.host.i18n;
    this.$safety = h('div');
    this.$done = h('p', { tabindex: '-1', hidden: true });
    this.$form = this.form(this.$form && new FormData(this.$form));
    return h(
      'section',
      { class: 'stack', 'aria-labelledby': 'rc-cq' },
      h('h2', { id: 'rc-cq' }, t('concierge_heading')),
      h('p', {}, t('concierge_intro')),
      h(
        'details',
        {
          open: this.open,
          ontoggle: (event) => {
            this.open = event.target.open;
            if (this.open) this.loadSafety();
          },
        },
        h('summary', {}, t('concierge_open')),
        h('div', { class: 'stack' }, this.$done, this.$safety, this.$form),
      ),
    );
  }

  // The fields exactly as the API takes them, filled with `values` (a FormData) if given. The
  // hub validates them and answers in the reply's language, so the browser's checks are off.
  // Country and language start as the widget's and follow it until the person changes them.
  form(values = []) {
    const { host } = this;
    const { t } = host.i18n;
    const before = this.prefilled;
    this.prefilled = { country: host.country, language: host.config.locale };
    const control = (tag, name, attributes) => h(tag, { id: `rc-c-${name}`, name, ...attributes });
    this.$alert = h('div', { role: 'alert', class: 'err stack' });
    const form = h(
      'form',
      { class: 'stack', novalidate: true, onsubmit: (event) => this.send(event) },
      this.$alert,
      field(t('field_email'), control('input', 'email', { type: 'email', autocomplete: 'email', required: true })),
      field(t('field_phone'), control('input', 'phone', { type: 'tel', autocomplete: 'tel' })),
      h(
        'div',
        { class: 'grid' },
        field(t('field_country'), select(
          { id: 'rc-c-country', name: 'country', required: true, onchange: () => this.loadSafety() },
          host.countryOptions(),
          this.prefilled.country,
        )),
        field(t('field_language'), select(
          { id: 'rc-c-language', name: 'language', required: true },
          host.locales.map((l) => [l.code, l.name]),
          this.prefilled.language,
        )),
        field(t('field_role'), select(
          { id: 'rc-c-role', name: 'role' },
          [['', t('role_none')], ...ROLES.map((role) => [role, t(`role_${role}`)])],
        )),
      ),
      field(t('field_message'), control('textarea', 'message', { rows: 5, required: true })),
      h('div', { class: 'field' }, h(
        'label',
        { class: 'check' },
        control('input', 'consent', { type: 'checkbox', value: 'true', required: true }),
        t('field_consent'),
      )),
      // The honeypot: out of sight, out of the tab order and hidden from assistive technology,
      // so only robots fill it in.
      h('div', { class: 'sr', 'aria-hidden': 'true' },
        h('input', { name: 'website', tabindex: '-1', autocomplete: 'off' })),
      h('button', { class: 'btn', type: 'submit' }, t('send')),
    );
    for (const [name, value] of values) {
      const element = form.elements[name];
      if (before?.[name] === value) continue;
      if (element.type === 'checkbox') element.checked = true;
      else element.value = value;
    }
    return form;
  }

  // The emergency numbers at once (from the bundle), then the hub's numbers and crisis lines.
  async loadSafety() {
    const { host } = this;
    const code = this.$form.elements.country.value;
    const show = (numbers, lines) => this.showSafety({
      note: host.i18n.t('concierge_not_emergency'),
      country: code && host.i18n.display('region', code),
      numbers,
      lines,
    });
    show(host.emergencyNumbers(code), []);
    if (!code) return;
    try {
      const data = await host.get('crisis-lines/', { country: code, locale: host.config.locale });
      if (code !== this.$form.elements.country.value) return;
      show(data.country.emergency_numbers, data.results);
    } catch {
      // The bundled numbers stay; the crisis block at the top says the hub is unreachable.
    }
  }

  showSafety(facts) {
    this.$safety.replaceChildren(crisisBlock(facts, this.host.i18n, this.host.context()));
  }

  async send(event) {
    event.preventDefault();
    const { i18n: { t }, get } = this.host;
    const form = event.target;
    const button = form.querySelector('[type=submit]');
    if (this.busy) return;
    this.busy = true;
    button.textContent = t('sending');
    let answer = {};
    try {
      answer = await get.post('concierge-requests/', form);
    } catch {
      // Unreachable: told below like any other failure, with what was typed left in place.
    }
    this.busy = false;
    button.textContent = t('send');
    const { status, data } = answer;
    if (status === 201) this.sent(data);
    else if (status === 400) this.showErrors(data);
    else if (status === 503 && data.code === 'concierge_not_set_up') this.unavailable(data);
    else this.$alert.replaceChildren(h('p', {}, t('send_failed')));
  }

  // Each invalid field gets its message under it (aria-invalid, aria-describedby), the summary
  // lists them all, and the first one takes focus.
  showErrors({ detail, errors = {} }) {
    const items = [];
    let first;
    for (const element of this.$form.elements) {
      const message = element.name !== 'website' && errors[element.name]?.message;
      element.closest('.field')?.querySelector('.err')?.remove();
      if (!message) {
        element.removeAttribute('aria-invalid');
        element.removeAttribute('aria-describedby');
        continue;
      }
      const id = `${element.id}-e`;
      element.setAttribute('aria-invalid', 'true');
      element.setAttribute('aria-describedby', id);
      element.closest('.field').append(h('p', { id, class: 'err' }, message));
      items.push(h('li', {}, `${element.labels[0].textContent} — ${message}`));
      first ||= element;
    }
    this.$alert.replaceChildren(h('p', {}, detail), items.length > 0 && h('ul', {}, items));
    first?.focus();
  }

  // The hub stopped taking requests since the widget started: the form goes, what was typed is
  // dropped with it, and the hub's words and the country's numbers and lines take its place.
  unavailable(data) {
    this.$form.remove();
    this.showSafety({
      note: data.not_an_emergency_service,
      country: data.country?.name,
      numbers: data.country?.emergency_numbers || [],
      lines: data.crisis_lines || [],
    });
    this.$done.textContent = data.detail;
    this.$done.hidden = false;
    this.$done.focus();
  }

  // The hub's own words, in the reply's language: thanks, then what the concierge is not and
  // whom to call for the country sent; the form starts over, empty.
  sent(data) {
    const fresh = this.form();
    this.$form.replaceWith(fresh);
    this.$form = fresh;
    this.showSafety({
      note: data.not_an_emergency_service,
      country: data.country?.name,
      numbers: data.country?.emergency_numbers || [],
      lines: data.crisis_lines || [],
    });
    this.$done.textContent = data.message;
    this.$done.hidden = false;
    this.$done.focus();
  }
}
