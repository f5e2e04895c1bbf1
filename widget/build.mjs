// Builds the widget bundle: `npm run build` (make demo and make test run it).
//
// Writes to static/roadcase_widget/build/:
//   roadcase-finder.js           the floating bundle (/widget/v1/roadcase-finder.js)
//   roadcase-finder.<hash>.js    the same bytes under a content hash (immutable URL, SRI)
//   manifest.json                {hash, file, integrity, bytes, gzip_bytes}, read by widget/bundle.py
// Older hashed files are kept, so pinned embeds keep loading after a new build.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import ct from 'countries-and-timezones';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'static', 'roadcase_widget', 'build');
const BUDGET = 15 * 1024;

// "GB:999,112;US:911;…" from the hub's shipped country facts.
function emergencyTable() {
  const facts = JSON.parse(readFileSync(join(here, '..', 'cms', 'data', 'countries.json'), 'utf8'));
  return facts
    .filter((country) => country.emergency_numbers.length)
    .map((country) => `${country.code}:${[...new Set(country.emergency_numbers.map((n) => n.number))]}`)
    .join(';');
}

// "GB:London,Belfast;US:New_York,…": each zone by its last part (unique among zones with a
// country), for the zones browsers report: ICU's canonical names, which keep some old ones
// (Asia/Calcutta), and the tz database's current names.
function zoneTable() {
  const zones = ct.getAllTimezones({ deprecated: true });
  const names = new Set([...Intl.supportedValuesOf('timeZone'), ...Object.keys(ct.getAllTimezones())]);
  const byCountry = new Map();
  for (const name of names) {
    const country = zones[name]?.countries[0];
    if (!country || !name.includes('/')) continue;
    byCountry.set(country, new Set([...(byCountry.get(country) || []), name.split('/').pop()]));
  }
  return [...byCountry].map(([country, cities]) => `${country}:${[...cities].sort()}`).sort().join(';');
}

const result = await build({
  entryPoints: [join(here, 'src', 'index.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15.4'],
  legalComments: 'none',
  define: {
    __EMERGENCY__: JSON.stringify(emergencyTable()),
    __ZONES__: JSON.stringify(zoneTable()),
  },
  write: false,
});

const code = result.outputFiles[0].contents;
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
const manifest = {
  hash,
  file: `roadcase-finder.${hash}.js`,
  integrity: `sha384-${createHash('sha384').update(code).digest('base64')}`,
  bytes: code.length,
  gzip_bytes: gzipSync(code, { level: 9 }).length,
};

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'roadcase-finder.js'), code);
writeFileSync(join(out, manifest.file), code);
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`roadcase-finder.js: ${kb(manifest.bytes)}, ${kb(manifest.gzip_bytes)} gzipped (budget ${kb(BUDGET)})`);
if (manifest.gzip_bytes > BUDGET) {
  console.error('The widget is over its gzip budget.');
  process.exit(1);
}
