// Views built from API data with DOM APIs and text nodes only: the crisis block, result cards
// and the detail view. Each takes the translator `i18n` and a `ctx` of shared facts:
// {now, methods: {value: label}, open(resource, opener)}.
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
    point.method === 'phone' ? i18n.t('call', { number: isolate(point.value) })
      : point.method === 'sms' ? i18n.t('text', { number: isolate(point.value) })
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

/** "Last checked 3 Oct 2026" in the visitor's locale, or null when it never was. */
function checked(resource, i18n) {
  return resource.last_verified && h('p', { class: 'muted' }, i18n.t('last_verified', {
    // A calendar date: read and shown at noon UTC so no time zone moves it to another day.
    date: i18n.date(new Date(`${resource.last_verified}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' }),
  }));
}

/** One result: its name opens the detail view; its contact points are one tap away. */
export function resultCard(resource, i18n, ctx, headingLevel = 'h3') {
  const name = ctx.open
    ? h('button', { class: 'link', type: 'button', onclick: (event) => ctx.open(resource, event.currentTarget) }, resource.name)
    : resource.name;
  return h(
    'li',
    { class: 'card stack' },
    h(headingLevel, {}, name),
    h('p', { class: 'muted' }, [resource.kind_label, resource.organisation?.name].filter(Boolean).join(' · ')),
    resource.summary && h('p', {}, resource.summary),
    openLine(resource, i18n, ctx),
    h('div', { class: 'row' }, resource.contact_points.map((point) => contactLink(point, i18n, ctx))),
    // Crisis lines (no detail view) stay short; search results say when they were checked.
    ctx.open && checked(resource, i18n),
  );
}

/**
 * The emergency number(s) first, then the country's crisis lines. With a `heading` (an <h2>
 * with an id) it is a section of its own; `note` is a sentence shown above the numbers.
 */
export function crisisBlock({ heading, note, country, numbers, lines, offline }, i18n, ctx) {
  return h(
    heading ? 'section' : 'div',
    { class: 'crisis stack', 'aria-labelledby': heading?.id },
    heading,
    note && h('p', {}, note),
    numbers.length
      ? h(
        'div',
        { class: 'row' },
        h('span', {}, `${i18n.t('emergency_label')}${country ? ` (${country})` : ''}:`),
        [...new Set(numbers)].map((number) =>
          h('a', { class: 'btn sos', href: `tel:${number}` }, i18n.t('emergency_call', { number }))),
      )
      : h('p', {}, i18n.t('emergency_unknown')),
    offline && h('p', { role: 'alert' }, i18n.t('offline')),
    lines.length > 0 && [
      h('h3', {}, i18n.t('crisis_lines')),
      h('ul', {}, lines.map((line) => resultCard(line, i18n, { ...ctx, open: null }, 'h4'))),
    ],
  );
}

// Spans grouped by weekday, with weekday names and times in the visitor's locale (the times
// themselves are the line's local times: the zone is named under the table).
function weeklyHours(schedule, timeZone, i18n, now) {
  if (schedule.always_open) return h('p', {}, i18n.t('open_always'));
  const clock = (text) => {
    const [hour, minute] = text.split(':');
    return i18n.date(Date.UTC(2024, 0, 1, hour, minute), { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' });
  };
  const rows = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    const spans = schedule.spans.filter((span) => span.weekday === weekday);
    if (!spans.length) continue;
    rows.push(
      // 2024-01-01 was a Monday.
      h('dt', {}, i18n.date(Date.UTC(2024, 0, 1 + weekday), { timeZone: 'UTC', weekday: 'long' })),
      h('dd', {}, spans.map((span) => `${clock(span.opens)}–${clock(span.closes)}`).join(', ')),
    );
  }
  const zone = new Intl.DateTimeFormat(i18n.locale, { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(now).find((part) => part.type === 'timeZoneName')?.value || timeZone;
  return [h('dl', {}, rows), h('p', { class: 'muted' }, i18n.t('hours_zone', { zone }))];
}

/** The detail view of one resource, opened from its result card. */
export function detailView(resource, i18n, ctx, back) {
  const t = i18n.t;
  const facts = [
    [t('languages'), resource.languages.map((item) => item.name || i18n.display('language', item.code || item)).join(', ')],
    [t('cost'), resource.cost_label],
    [t('eligibility'), resource.eligibility],
    [t('confidentiality'), resource.confidentiality],
  ].filter(([, value]) => value);
  const source = safeHref(resource.source_url);
  return h(
    'div',
    { class: 'stack' },
    h('button', { class: 'btn plain back', type: 'button', onclick: back }, t('back')),
    h('h3', { tabindex: '-1' }, resource.name),
    h('p', { class: 'muted' }, [resource.kind_label, resource.organisation?.name].filter(Boolean).join(' · ')),
    resource.summary && h('p', {}, resource.summary),
    (resource.description || '').split(/\n{2,}/).filter(Boolean).map((paragraph) => h('p', {}, paragraph)),
    openLine(resource, i18n, ctx),
    // Each way to reach it, with its label ("Welsh-language line") and its own hours.
    h('ul', { class: 'stack' }, resource.contact_points.map((point) => h(
      'li',
      { class: 'row' },
      contactLink(point, i18n, ctx),
      point.label && point.label !== ctx.methods[point.method] && h('span', {}, point.label),
      point.schedule && openLine({ schedule: point.schedule, time_zone: resource.time_zone }, i18n, ctx),
    ))),
    resource.schedule && [h('h4', {}, t('hours')), weeklyHours(resource.schedule, resource.time_zone, i18n, ctx.now)],
    resource.hours_note && h('p', {}, resource.hours_note),
    facts.length > 0 && h('dl', {}, facts.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    h('p', { class: 'muted' }, resource.worldwide ? t('worldwide') : resource.countries.map((item) => item.name || i18n.display('region', item.code || item)).join(', ')),
    checked(resource, i18n),
    source && h('p', {}, h('a', { href: source, target: '_blank', rel: 'noopener noreferrer' }, t('source'), h('span', { class: 'sr' }, ` ${t('new_tab')}`))),
  );
}
