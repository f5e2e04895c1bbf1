// The search's views, built from API data with DOM APIs and text nodes only: result cards and
// the detail view (in the search chunk). `ctx` is render.js's, plus `open(resource, opener)`.
import { h, safeHref } from './dom.js';
import { contactLink, openLine, pointFacts } from './render.js';

/** "Last checked 3 Oct 2026" in the visitor's locale, or null when it never was. */
function checked(resource, i18n) {
  return resource.last_verified && h('p', { class: 'muted' }, i18n.t('last_verified', {
    // A calendar date: read and shown at noon UTC so no time zone moves it to another day.
    date: i18n.date(new Date(`${resource.last_verified}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' }),
  }));
}

/** One result: its name opens the detail view; its contact points are one tap away. */
export function resultCard(resource, i18n, ctx) {
  const name = h('button', { class: 'link', type: 'button', onclick: (event) => ctx.open(resource, event.currentTarget) }, resource.name);
  return h(
    'li',
    { class: 'card stack' },
    h('h3', {}, name),
    h('p', { class: 'muted' }, [resource.kind_label, resource.organisation?.name].filter(Boolean).join(' · ')),
    resource.summary && h('p', {}, resource.summary),
    openLine(resource, i18n, ctx),
    h('div', { class: 'row' }, resource.contact_points.map((point) => contactLink(point, i18n, ctx))),
    checked(resource, i18n),
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
      pointFacts(point, resource, i18n, ctx),
    ))),
    resource.schedule && [h('h4', {}, t('hours')), weeklyHours(resource.schedule, resource.time_zone, i18n, ctx.now)],
    resource.hours_note && h('p', {}, resource.hours_note),
    facts.length > 0 && h('dl', {}, facts.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    h('p', { class: 'muted' }, resource.worldwide ? t('worldwide') : resource.countries.map((item) => item.name || i18n.display('region', item.code || item)).join(', ')),
    checked(resource, i18n),
    source && h('p', {}, h('a', { href: source, target: '_blank', rel: 'noopener noreferrer' }, t('source'), h('span', { class: 'sr' }, ` ${t('new_tab')}`))),
  );
}
