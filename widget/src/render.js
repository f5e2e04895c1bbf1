// The crisis path's views, built from API data with DOM APIs and text nodes only: the crisis
// block, contact buttons and "open now". Each takes the translator `i18n` and a `ctx` of shared
// facts: {now, methods: {value: label}}.
import { h, safeHref } from './dom.js';
import { openState } from './hours.js';

// Keeps a phone number or address left-to-right inside right-to-left text.
const isolate = (text) => `\u2066${text}\u2069`;

/** A tap-to-call/text/chat/email/web link for a contact point, or null for an unsafe href. */
export function contactLink(point, i18n, ctx) {
  const href = safeHref(point.href);
  if (!href) return null;
  const web = /^https?:/i.test(href);
  const label =
    point.method === 'phone' ? i18n.t('call', { number: isolate(point.display || point.value) })
      : point.method === 'sms' ? i18n.t('text', { number: isolate(point.display || point.value) })
        : ctx.methods[point.method] || point.method;
  return h(
    'a',
    { class: 'btn', href, target: web && '_blank', rel: web && 'noopener noreferrer' },
    label,
    web && h('span', { class: 'sr' }, ` ${i18n.t('new_tab')}`),
  );
}

// "14:00" today, "Tue 09:00" another day, in the visitor's own time zone and locale.
function when(date, i18n, now) {
  const sameDay = date.toDateString() === now.toDateString();
  return i18n.date(date, { weekday: sameDay ? undefined : 'short', hour: 'numeric', minute: '2-digit' });
}

/** "Open now" / "Closed, opens Tue 09:00" for a resource, or its hours note, or null. */
export function openLine(resource, i18n, ctx) {
  const schedules = resource.schedule
    ? [resource.schedule]
    : resource.contact_points.map((point) => point.schedule);
  const state = openState(schedules, resource.time_zone, ctx.now);
  if (!state.known) return resource.hours_note ? h('p', { class: 'muted' }, resource.hours_note) : null;
  const text = state.always ? i18n.t('open_always')
    : state.open ? i18n.t('open_now')
      : state.next ? i18n.t('closed_opens', { time: when(state.next, i18n, ctx.now) })
        : i18n.t('closed');
  return h('p', { class: state.open ? 'dot open' : 'dot' }, text);
}

// A contact point's own name ("Welsh-language line") and, when it keeps hours of its own, whether
// it is open: beside its button wherever the line is shown.
export function pointFacts(point, resource, i18n, ctx) {
  return [
    point.label && point.label !== ctx.methods[point.method] && h('span', {}, point.label),
    point.schedule && openLine({ schedule: point.schedule, time_zone: resource.time_zone }, i18n, ctx),
  ];
}

// A crisis line, compact (a phone screen shows the first one's call button without scrolling):
// its name, each way to reach it side by side with that way's own name and hours, whether it
// is open, and its summary last.
function crisisLine(line, i18n, ctx) {
  return h(
    'li',
    { class: 'card stack' },
    h('h4', {}, line.name),
    h('ul', { class: 'row' }, line.contact_points.map((point) => {
      const link = contactLink(point, i18n, ctx);
      return link && h('li', { class: 'row' }, link, pointFacts(point, line, i18n, ctx));
    })),
    openLine(line, i18n, ctx),
    line.summary && h('p', { class: 'muted' }, line.summary),
  );
}

/**
 * The emergency numbers first, each labelled with what it reaches ("Ambulance 119"), then the
 * country's crisis lines. `numbers` is [{number, label}], in the order to call them. With a
 * `heading` (an <h2> with an id) it is a section of its own; `note` is a sentence shown above
 * the numbers; `status` is a line shown under them (loading, or the hub not answering), and
 * `retry` a function that asks the hub again.
 */
export function crisisBlock({ heading, note, country, numbers, lines, status, retry, fallback }, i18n, ctx) {
  return h(
    heading ? 'section' : 'div',
    { class: 'crisis stack', 'aria-labelledby': heading?.id },
    heading,
    note && h('p', {}, note),
    numbers.length
      ? h(
        'div',
        { class: 'row' },
        h('span', {}, `${i18n.t(numbers.length > 1 ? 'emergency_labels' : 'emergency_label')}${country ? ` (${country})` : ''}:`),
        numbers.map(({ number, label }) => h(
          'a',
          { class: 'btn sos', href: `tel:${number}` },
          label && [h('span', {}, label), ' '],
          h('b', {}, number),
        )),
      )
      : h('p', {}, i18n.t('emergency_unknown')),
    status,
    retry && h('button', { class: 'btn plain', type: 'button', onclick: retry }, i18n.t('retry')),
    fallback,
    lines.length > 0 && [
      h('h3', {}, i18n.t('crisis_lines')),
      h('ul', {}, lines.map((line) => crisisLine(line, i18n, ctx))),
    ],
  );
}

