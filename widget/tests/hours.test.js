// Unit tests of the hours logic, run with node's own test runner: `node --test widget/tests/`.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { isOpen, nextOpening, openState, wallClock, zonedInstant } from '../src/hours.js';

const weekdays = (opens, closes, days = [0, 1, 2, 3, 4]) => ({
  always_open: false,
  spans: days.map((weekday) => ({ weekday, opens, closes })),
});
const at = (iso) => new Date(iso);

test('wall clock reads the line’s own time zone, not the visitor’s', () => {
  // 2025-03-28 was a Friday; Tokyo is already on Saturday.
  assert.deepEqual(wallClock(at('2025-03-28T16:30:00Z'), 'Asia/Tokyo'), {
    y: 2025, m: 3, d: 29, weekday: 5, minute: 90,
  });
  assert.equal(wallClock(at('2025-03-28T16:30:00Z'), 'Europe/London').minute, 16 * 60 + 30);
});

test('always open and no hours', () => {
  assert.equal(isOpen({ always_open: true, spans: [] }, 'Europe/London', new Date()), true);
  assert.equal(isOpen(null, 'Europe/London', new Date()), false);
  assert.equal(nextOpening({ always_open: true, spans: [] }, 'Europe/London', new Date()), null);
  assert.equal(nextOpening(null, 'Europe/London', new Date()), null);
});

test('open and closed either side of the spring DST change in London', () => {
  const office = weekdays('09:00', '17:00');
  // Friday before the change: 16:30 UTC is 16:30 GMT, open.
  assert.equal(isOpen(office, 'Europe/London', at('2025-03-28T16:30:00Z')), true);
  // Monday after the change: 16:30 UTC is 17:30 BST, closed.
  assert.equal(isOpen(office, 'Europe/London', at('2025-03-31T16:30:00Z')), false);
  // Monday 08:30 UTC is 09:30 BST, open (it would be closed if the offset were ignored).
  assert.equal(isOpen(office, 'Europe/London', at('2025-03-31T08:30:00Z')), true);
});

test('next opening across the spring change lands on the new offset', () => {
  const office = weekdays('09:00', '17:00');
  // Sunday 00:30 UTC, half an hour before clocks go forward: opens Monday 09:00 BST = 08:00 UTC.
  assert.equal(
    nextOpening(office, 'Europe/London', at('2025-03-30T00:30:00Z')).toISOString(),
    '2025-03-31T08:00:00.000Z',
  );
  // Friday evening: the next opening is after the weekend and after the change.
  assert.equal(
    nextOpening(office, 'Europe/London', at('2025-03-28T18:00:00Z')).toISOString(),
    '2025-03-31T08:00:00.000Z',
  );
});

test('next opening across the autumn change in New York', () => {
  const office = weekdays('09:00', '17:00');
  // Friday 2025-10-31 22:00 UTC is 18:00 EDT; Monday 09:00 is EST (UTC-5).
  assert.equal(
    nextOpening(office, 'America/New_York', at('2025-10-31T22:00:00Z')).toISOString(),
    '2025-11-03T14:00:00.000Z',
  );
});

test('later the same day, and a span that runs to midnight', () => {
  const split = { always_open: false, spans: [
    { weekday: 4, opens: '09:00', closes: '12:00' },
    { weekday: 4, opens: '18:00', closes: '24:00' },
  ] };
  const friday1300 = at('2025-01-10T13:00:00Z'); // London is on GMT in January.
  assert.equal(isOpen(split, 'Europe/London', friday1300), false);
  assert.equal(nextOpening(split, 'Europe/London', friday1300).toISOString(), '2025-01-10T18:00:00.000Z');
  assert.equal(isOpen(split, 'Europe/London', at('2025-01-10T23:59:00Z')), true);
  assert.equal(isOpen(split, 'Europe/London', at('2025-01-11T00:00:00Z')), false);
});

test('a skipped wall time resolves forward; a repeated one takes the earlier instant', () => {
  // 01:30 on 2025-03-30 does not exist in London: it resolves to 02:30 BST = 01:30 UTC.
  assert.equal(zonedInstant(2025, 3, 30, 90, 'Europe/London').toISOString(), '2025-03-30T01:30:00.000Z');
  // 01:30 on 2025-10-26 happens twice: the first time is 01:30 BST = 00:30 UTC.
  assert.equal(zonedInstant(2025, 10, 26, 90, 'Europe/London').toISOString(), '2025-10-26T00:30:00.000Z');
});

test('open state combines contact-point schedules', () => {
  const morning = weekdays('09:00', '12:00');
  const evening = weekdays('18:00', '22:00');
  const friday1300 = at('2025-01-10T13:00:00Z');
  const state = openState([null, morning, evening], 'Europe/London', friday1300);
  assert.equal(state.known, true);
  assert.equal(state.open, false);
  assert.equal(state.next.toISOString(), '2025-01-10T18:00:00.000Z');
  assert.equal(openState([null], 'Europe/London', friday1300).known, false);
  assert.equal(openState([{ always_open: true, spans: [] }], 'UTC', friday1300).always, true);
});
