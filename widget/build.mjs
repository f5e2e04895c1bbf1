// Builds the widget bundle: `npm run build` (make demo and make test run it).
//
// Writes to static/roadcase_widget/build/:
//   roadcase-finder.js                   the first chunk, floating (/widget/v1/roadcase-finder.js)
//   roadcase-finder.<hash>.js            the same bytes under a content hash (immutable URL, SRI)
//   roadcase-finder.<name>.<hash>.js     the lazily loaded chunks, ES modules the first chunk
//                                        imports with SRI: search and concierge once the crisis
//                                        block is on screen; zones (time zone → country) at once
//                                        when no country is given; offline (the crisis path's
//                                        strings in every language) when the hub does not answer
//   manifest.json                        {hash, file, integrity, bytes, gzip_bytes, chunks},
//                                        read by widget/bundle.py
// Older hashed files are kept, so pinned embeds keep loading after a new build.
//
// The first chunk is a classic script (so `<script async src integrity>` embeds keep working
// and document.currentScript names the hub); each lazy chunk is built on its own, with its own
// copy of the few helpers it shares, so that the first chunk names the chunks' hashes and
// integrity without depending on them in turn.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import ct from 'countries-and-timezones';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'static', 'roadcase_widget', 'build');
const FIRST_CHUNK_BUDGET = 10 * 1024;
const FIRST_LOAD_BUDGET = 15 * 1024;
// Browsers the build targets: the crisis block renders in each (styles.js falls back to a
// <style> element where constructable stylesheets are missing, Safari before 16.4).
const TARGET = ['chrome100', 'firefox100', 'safari15.4'];
const LAZY = ['search', 'concierge', 'zones', 'offline'];
const RTL = new Set(['ar', 'he', 'fa', 'ur']);
const SERVICE_CODES = { police: 'p', ambulance: 'a', fire: 'f' };

// "GB:999,112;JP:110p,119af;…" from the hub's shipped country facts, in the order the hub
// shows them (cms EmergencyNumber.priority): a number for every service first, then ambulance,
// police, fire. A number reaching every service has no suffix; others name theirs (p, a, f).
function emergencyTable() {
  const facts = JSON.parse(readFileSync(join(here, '..', 'cms', 'data', 'countries.json'), 'utf8'));
  const priority = ({ services }) =>
    services.length === 3 ? 0 : services.includes('ambulance') ? 1 : services.includes('police') ? 2 : 3;
  return facts
    .filter((country) => country.emergency_numbers.length)
    .map((country) => {
      const seen = new Set();
      const numbers = country.emergency_numbers
        .map((n, index) => ({ ...n, index }))
        .sort((a, b) => priority(a) - priority(b) || a.index - b.index)
        .filter((n) => !seen.has(n.number) && seen.add(n.number))
        .map((n) => n.number + (n.services.length === 3 ? '' : n.services.map((s) => SERVICE_CODES[s]).sort().join('')));
      return `${country.code}:${numbers}`;
    })
    .join(';');
}

// "GB:London,Belfast;US:New_York,…" for the countries with an emergency number (no other can be
// shown): each zone by its last part (unique among zones with a
// country), for the zones browsers report: ICU's canonical names, which keep some old ones
// (Asia/Calcutta), and the tz database's current names.
function zoneTable(countries) {
  const zones = ct.getAllTimezones({ deprecated: true });
  const names = new Set([...Intl.supportedValuesOf('timeZone'), ...Object.keys(ct.getAllTimezones())]);
  const byCountry = new Map();
  for (const name of names) {
    const country = zones[name]?.countries[0];
    if (!countries.has(country) || !name.includes('/')) continue;
    byCountry.set(country, new Set([...(byCountry.get(country) || []), name.split('/').pop()]));
  }
  return [...byCountry].map(([country, cities]) => `${country}:${[...cities].sort()}`).sort().join(';');
}

// The crisis path's strings: those used by name in finder.js and render.js, and the emergency
// services' labels. The first chunk bundles only their English; the lazy chunks run after the
// hub has answered with the whole catalog in the visitor's language.
function crisisPathStrings() {
  const used = ['finder.js', 'render.js'].map((f) => readFileSync(join(here, 'src', f), 'utf8')).join('\n');
  const all = JSON.parse(readFileSync(join(here, 'src', 'strings.en.json'), 'utf8'));
  return Object.fromEntries(Object.entries(all)
    .filter(([key]) => key.startsWith('emergency_') || used.includes(`'${key}'`)));
}

const crisisStrings = {
  name: 'crisis-strings',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /strings\.en\.json$/ }, () => ({
      contents: JSON.stringify(crisisPathStrings()),
      loader: 'json',
    }));
  },
};

// A PO file's translations, {msgid: msgstr}, for entries without a context (as gettext() reads
// them), neither plural nor obsolete.
function readPo(path) {
  const text = (block, name) => {
    const found = block.match(new RegExp(`^${name} ((?:".*"(?:\\n|$))+)`, 'm'));
    return found ? found[1].trim().split('\n').map((line) => JSON.parse(line)).join('') : '';
  };
  const entries = {};
  for (const block of readFileSync(path, 'utf8').split(/\n\s*\n/)) {
    const id = text(block, 'msgid');
    const str = text(block, 'msgstr');
    if (id && str && !/^(#~|msgctxt )/m.test(block)) entries[id] = str;
  }
  return entries;
}

// The crisis path's strings in every language of the hub (locale/<lang>/LC_MESSAGES/django.po),
// for the offline chunk: with the hub's API failing, the crisis block still speaks the visitor's
// language when the hub's static files can be had.
function offlineCatalogs() {
  const english = crisisPathStrings();
  const catalogs = { en: { dir: 'ltr', strings: {} } };
  const root = join(here, '..', 'locale');
  for (const name of readdirSync(root)) {
    const po = readPo(join(root, name, 'LC_MESSAGES', 'django.po'));
    const code = name.replace('_', '-');
    catalogs[code] = {
      dir: RTL.has(code.split('-')[0]) ? 'rtl' : 'ltr',
      strings: Object.fromEntries(Object.entries(english).map(([key, text]) => [key, po[text]]).filter(([, text]) => text)),
    };
  }
  return catalogs;
}

// The lazy chunks use the first chunk's DOM helpers and crisis-path views (dom.js, render.js
// and what they import) rather than bundling copies: the first chunk hands them over as
// RoadcaseFinder.lib, which these modules read when a chunk is evaluated (always after the
// element is defined).
const SHARED = ['dom.js', 'render.js'];
const sharedFromFirstChunk = {
  name: 'shared-from-first-chunk',
  setup(pluginBuild) {
    const shared = new RegExp(`^\\./(${SHARED.map((name) => name.replace('.', '\\.')).join('|')})$`);
    pluginBuild.onResolve({ filter: shared }, (args) => ({ path: args.path.slice(2), namespace: 'first-chunk' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'first-chunk' }, (args) => {
      const source = readFileSync(join(here, 'src', args.path), 'utf8');
      const names = [...source.matchAll(/^export (?:async )?(?:function|const|let|class) (\w+)/gm)].map((m) => m[1]);
      return {
        contents: `export const { ${names.join(', ')} } = customElements.get('roadcase-finder').lib;`,
        loader: 'js',
      };
    });
  },
};

// NO_MINIFY=1 keeps names readable in a browser's profiler (sizes are then over budget).
const common = { bundle: true, minify: !process.env.NO_MINIFY, target: TARGET, legalComments: 'none', write: false };

function describe(code, file) {
  return {
    file,
    integrity: `sha384-${createHash('sha384').update(code).digest('base64')}`,
    bytes: code.length,
    gzip_bytes: gzipSync(code, { level: 9 }).length,
  };
}
const hashOf = (code) => createHash('sha256').update(code).digest('hex').slice(0, 16);

const lazy = await build({
  ...common,
  entryPoints: Object.fromEntries(LAZY.map((name) => [name, join(here, 'src', `${name}.js`)])),
  format: 'esm',
  outdir: out,
  plugins: [sharedFromFirstChunk],
  define: {
    __ZONES__: JSON.stringify(zoneTable(new Set(emergencyTable().split(';').map((e) => e.slice(0, 2))))),
    __OFFLINE__: JSON.stringify(offlineCatalogs()),
  },
});
const chunks = {};
for (const file of lazy.outputFiles) {
  const name = file.path.split('/').pop().replace(/\.js$/, '');
  chunks[name] = describe(file.contents, `roadcase-finder.${name}.${hashOf(file.contents)}.js`);
  chunks[name].code = file.contents;
}

const first = await build({
  ...common,
  entryPoints: [join(here, 'src', 'index.js')],
  format: 'iife',
  plugins: [crisisStrings],
  define: {
    __EMERGENCY__: JSON.stringify(emergencyTable()),
    __CHUNKS__: JSON.stringify(Object.fromEntries(
      Object.entries(chunks).map(([name, { file, integrity }]) => [name, { file, integrity }]),
    )),
  },
});
const code = first.outputFiles[0].contents;
const hash = hashOf(code);
mkdirSync(out, { recursive: true });
const manifest = { hash, ...describe(code, `roadcase-finder.${hash}.js`), chunks: {} };
for (const [name, { code: chunk, ...facts }] of Object.entries(chunks)) {
  writeFileSync(join(out, facts.file), chunk);
  manifest.chunks[name] = facts;
}
writeFileSync(join(out, 'roadcase-finder.js'), code);
writeFileSync(join(out, manifest.file), code);
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
// What the crisis block needs before it shows: the first chunk, and the zones chunk when no
// country is given. (Search and concierge load once it is painted.)
const firstLoad = manifest.gzip_bytes + manifest.chunks.zones.gzip_bytes;
console.log(`first chunk: ${kb(manifest.bytes)}, ${kb(manifest.gzip_bytes)} gzipped (budget ${kb(FIRST_CHUNK_BUDGET)})`);
for (const [name, facts] of Object.entries(manifest.chunks)) console.log(`${name} chunk: ${kb(facts.gzip_bytes)} gzipped`);
console.log(`crisis path (first + zones): ${kb(firstLoad)} gzipped (budget ${kb(FIRST_LOAD_BUDGET)})`);
if (manifest.gzip_bytes > FIRST_CHUNK_BUDGET || firstLoad > FIRST_LOAD_BUDGET) {
  console.error('The widget is over its gzip budget.');
  process.exit(1);
}
