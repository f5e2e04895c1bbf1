// Locale negotiation and the translator, run with `node --test widget/tests/`.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createI18n, negotiate, regional } from '../src/i18n.js';

const HUB = ['en', 'es', 'fr', 'de', 'pt-br', 'ja', 'ar', 'sv'];

test('negotiation takes the first wanted locale the hub serves', () => {
  assert.equal(negotiate(['pt-BR', 'en'], HUB), 'pt-br');
  assert.equal(negotiate(['pt_PT'], HUB), 'pt-br');
  assert.equal(negotiate(['ar-EG', 'en'], HUB), 'ar');
  assert.equal(negotiate(['ko', 'sv-FI'], HUB), 'sv');
  assert.equal(negotiate(['ko'], HUB), null);
});

test('the hub’s strings win over the bundled English, which fills any gap', () => {
  const i18n = createI18n('fr', { search_label: 'Rechercher du soutien' });
  assert.equal(i18n.t('search_label'), 'Rechercher du soutien');
  assert.equal(i18n.t('retry'), 'Try again');
});

test('placeholders and plurals follow the locale', () => {
  const en = createI18n('en');
  assert.equal(en.count('results', 1), '1 result');
  assert.equal(en.count('results', 1200), '1,200 results');
  assert.equal(en.t('call', { number: '999' }), 'Call 999');
  const de = createI18n('de', { results_other: '{count} Ergebnisse' });
  assert.equal(de.count('results', 1200), '1.200 Ergebnisse');
});

test('dates and numbers follow the visitor’s own variant of the language', () => {
  const day = new Date('2026-10-03T12:00:00Z');
  const options = { dateStyle: 'medium', timeZone: 'UTC' };
  assert.equal(createI18n('en', {}, 'ltr', ['en-GB', 'en']).date(day, options), '3 Oct 2026');
  assert.equal(createI18n('en', {}, 'ltr', ['en-US']).date(day, options), 'Oct 3, 2026');
  // A browser language the hub does not serve, or a broken tag, changes nothing.
  assert.equal(regional('en', ['de-AT', 'en_GB!', 'en-IE']), 'en-IE');
  assert.equal(regional('pt-br', ['pt-PT']), 'pt-PT');
  assert.equal(regional('fr', ['de-DE']), 'fr');
});

test('country names are sorted in the language, and each date format keeps its own options', () => {
  const fr = createI18n('fr');
  const countries = fr.countries(['DE', 'AT', 'GB', 'ES']);
  assert.deepEqual(countries.map(([code]) => code), ['DE', 'AT', 'ES', 'GB']);
  assert.equal(countries[0][1], 'Allemagne');
  assert.equal(fr.display('region', 'JP'), 'Japon');
  const day = Date.UTC(2026, 9, 3, 14, 5);
  assert.equal(fr.date(day, { timeZone: 'UTC', weekday: 'long' }), 'samedi');
  assert.equal(fr.date(day, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' }), '14:05');
});
