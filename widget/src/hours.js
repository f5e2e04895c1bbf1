// Opening hours, read in the service's own IANA time zone with Intl (no time-zone library).
//
// A schedule is what the API sends: {always_open, spans: [{weekday, opens, closes}]}, weekday
// 0 = Monday, times "HH:MM" of local wall-clock time, closes may be "24:00". The rules mirror
// cms/hours.py: a service is only ever shown open when its spans say so, and a wall time that
// a DST jump skips resolves forward, as clocks do.

const DAY = 864e5;
const formatters = new Map();

/** Minutes since midnight of "HH:MM" ("24:00" is 1440). */
export const minutes = (text) => {
  const [h, m] = text.split(':');
  return h * 60 + +m;
};

/** The wall clock in `timeZone` at `date`: {y, m, d, weekday (0 = Monday), minute}. */
export function wallClock(date, timeZone) {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const p = {};
  for (const { type, value } of format.formatToParts(date)) p[type] = value;
  return {
    y: +p.year,
    m: +p.month,
    d: +p.day,
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday),
    minute: (p.hour % 24) * 60 + +p.minute,
  };
}

// How far `timeZone`'s wall clock is ahead of UTC at instant `t` (ms since epoch), in ms.
function offsetAt(t, timeZone) {
  const w = wallClock(new Date(t), timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, 0, w.minute) - Math.floor(t / 6e4) * 6e4;
}

/**
 * The instant at which the wall clock in `timeZone` reads day y-m-d, `minute` minutes after
 * midnight. A repeated wall time (clocks going back) gives the earlier instant; a skipped one
 * (clocks going forward) gives the instant just after the jump, as cms/hours.py does.
 */
export function zonedInstant(y, m, d, minute, timeZone) {
  const local = Date.UTC(y, m - 1, d, 0, minute);
  const valid = [];
  const all = [];
  for (const offset of new Set([offsetAt(local - DAY, timeZone), offsetAt(local + DAY, timeZone)])) {
    const t = local - offset;
    all.push(t);
    if (offsetAt(t, timeZone) === offset) valid.push(t);
  }
  return new Date(valid.length ? Math.min(...valid) : Math.max(...all));
}

/** True when `schedule` says the service is open at `now`. */
export function isOpen(schedule, timeZone, now) {
  if (!schedule) return false;
  if (schedule.always_open) return true;
  const { weekday, minute } = wallClock(now, timeZone);
  return schedule.spans.some(
    (s) => s.weekday === weekday && minutes(s.opens) <= minute && minute < minutes(s.closes),
  );
}

/** The next Date at which a closed service opens; null when open, always open or no hours. */
export function nextOpening(schedule, timeZone, now) {
  if (!schedule || schedule.always_open || !schedule.spans.length) return null;
  if (isOpen(schedule, timeZone, now)) return null;
  const today = wallClock(now, timeZone);
  const spans = [...schedule.spans].sort((a, b) => minutes(a.opens) - minutes(b.opens));
  for (let offset = 0; offset < 8; offset++) {
    const date = new Date(Date.UTC(today.y, today.m - 1, today.d + offset));
    const weekday = (date.getUTCDay() + 6) % 7;
    for (const span of spans) {
      const opens = minutes(span.opens);
      if (span.weekday !== weekday || (offset === 0 && opens <= today.minute)) continue;
      return zonedInstant(
        date.getUTCFullYear(),
        date.getUTCMonth() + 1,
        date.getUTCDate(),
        opens,
        timeZone,
      );
    }
  }
  return null;
}

/**
 * Whether a service is open across several schedules (the resource's own, or else its contact
 * points'): {known, always, open, next}. `known` is false when no schedule is set at all.
 */
export function openState(schedules, timeZone, now) {
  const set = schedules.filter(Boolean);
  const state = { known: set.length > 0, always: false, open: false, next: null };
  for (const schedule of set) {
    state.always ||= !!schedule.always_open;
    state.open ||= isOpen(schedule, timeZone, now);
    const next = nextOpening(schedule, timeZone, now);
    if (next && (!state.next || next < state.next)) state.next = next;
  }
  if (state.open) state.next = null;
  return state;
}
