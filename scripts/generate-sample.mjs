// Writes assets/samples/customers-messy.csv: a deterministic, fictional, deliberately messy customer
// list (mixed date formats, missing-value tokens, stray spaces, accents, near-duplicate people).
// Usage: node scripts/generate-sample.mjs  — the output is committed; rerunning gives the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'assets', 'samples', 'customers-messy.csv');
const ROWS = 300;

/** mulberry32: a small seeded PRNG, so the file is byte-identical on every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20240517);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const chance = (p) => rand() < p;
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

// Fictional people: common given names and surnames combined at random.
const FIRST = ['Anna', 'José', 'Zoë', 'Søren', 'Åsa', 'François', 'Łukasz', 'Maria', 'Jürgen', 'Chloé', 'Mikael', 'Ingrid',
  'Noah', 'Emma', 'Liam', 'Olivia', 'Björn', 'Ines', 'Rafael', 'Aoife', 'Siobhán', 'Mateo', 'Elif', 'Kai', 'Nora', 'Otto',
  'Léa', 'Hugo', 'Freja', 'Matías', 'Aino', 'Ruth', 'Dmitri', 'Zofia', 'Pál', 'Ida'];
const LAST = ['Andersson', 'García', 'Müller', 'Dubois', 'Nowak', 'Rossi', 'Jensen', 'Nieminen', 'O’Brien', 'van der Berg',
  'Smith', 'Johansson', 'Fernández', 'Kowalski', 'Lefèvre', 'Schäfer', 'Hansen', 'Virtanen', 'Murphy', 'Costa', 'Novák',
  'Yılmaz', 'Ødegaard', 'Blom', 'Weiß', 'Ferreira', 'Larsen', 'Lindqvist'];
const PLACES = [
  ['Stockholm', 'Sweden', ['Sweden', 'SE', 'sweden', 'Sverige']],
  ['Göteborg', 'Sweden', ['Sweden', 'SE']],
  ['København', 'Denmark', ['Denmark', 'DK', 'Danmark']],
  ['Helsinki', 'Finland', ['Finland', 'FI']],
  ['Oslo', 'Norway', ['Norway', 'NO', 'Norge']],
  ['München', 'Germany', ['Germany', 'DE', 'Deutschland']],
  ['Paris', 'France', ['France', 'FR']],
  ['Kraków', 'Poland', ['Poland', 'PL']],
  ['Dublin', 'Ireland', ['Ireland', 'IE']],
  ['London', 'United Kingdom', ['United Kingdom', 'UK', 'GB', 'U.K.']],
  ['Madrid', 'Spain', ['Spain', 'ES', 'España']],
];
const PLANS = ['free', 'Free', 'basic', 'Basic ', 'pro', 'PRO', 'Pro', 'team', 'Team'];
const MISSING = ['', 'N/A', '-', 'n/a', 'NULL', '?', ' '];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const NOTES = ['', '', '', '', 'called twice about invoice', '<b>VIP</b> customer', 'prefers email, not phone',
  'moved from "basic" to pro', 'Requested GDPR export<br>done', 'complained, refunded 10%', 'pays late; reminder sent',
  'duplicate account?', 'Partner, see contract 2023-114', 'speaks Swedish &amp; English', 'line one\nline two'];

const pad = (n, w = 2) => String(n).padStart(w, '0');
const ascii = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ø/g, 'o').replace(/Ø/g, 'O').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ß/g, 'ss').replace(/ı/g, 'i').replace(/[’' ]/g, '');

/** A date in one of the formats people actually export. */
function messyDate(y, m, d) {
  switch (int(0, 7)) {
    case 0: case 1: case 2: return `${y}-${pad(m)}-${pad(d)}`;
    case 3: return `${pad(d)}/${pad(m)}/${y}`;
    case 4: return `${m}/${d}/${y}`;
    case 5: return `${d} ${MONTHS[m - 1]} ${y}`;
    case 6: return `${y}/${pad(m)}/${pad(d)}`;
    default: return `${pad(d)}.${pad(m)}.${y}`;
  }
}

/** A fictional phone number from ranges reserved for drama and examples (UK 07700 900xxx, US 555-01xx, SE 070-17406xx). */
function phone() {
  switch (int(0, 2)) {
    case 0: return pick(['07700 900', '+44 7700 900', '+447700900']) + pad(int(0, 999), 3);
    case 1: return pick(['(202) 555-01', '+1 202-555-01', '202.555.01']) + pad(int(0, 99));
    default: return pick(['070-17406', '+46 70 174 06 ', '0701740 6']) + pad(int(5, 99));
  }
}

function spend() {
  if (chance(0.08)) return pick(MISSING);
  const v = (int(0, 40000) / 100).toFixed(2);
  return pick([v, v, v, v.replace('.', ','), `$${v}`, `${v} EUR`, ` ${v} `]);
}

function person(i) {
  const first = pick(FIRST);
  const last = pick(LAST);
  const [city, , countries] = pick(PLACES);
  const y = int(2019, 2024), m = int(1, 12), d = int(1, 28);
  return {
    id: `C${pad(1000 + i, 5)}`,
    first, last,
    email: `${ascii(first).toLowerCase()}.${ascii(last).toLowerCase()}${int(1, 99)}@${pick(['example.com', 'example.org', 'example.net'])}`,
    phone: chance(0.1) ? pick(MISSING) : phone(),
    city: pick([city, city, city, city.toUpperCase(), city.toLowerCase(), ` ${city}`, `${city} `]),
    country: pick(countries),
    signup: chance(0.05) ? pick(MISSING) : messyDate(y, m, d),
    birth: chance(0.15) ? pick(MISSING) : messyDate(int(1950, 2004), int(1, 12), int(1, 28)),
    plan: chance(0.05) ? pick(MISSING) : pick(PLANS),
    spend: spend(),
    newsletter: pick(['yes', 'no', 'Y', 'N', 'true', 'false', '1', '0', '']),
    notes: pick(NOTES),
  };
}

/** A near-duplicate of `p`: the same person typed again with small differences. */
function variant(p, i) {
  const q = { ...p, id: `C${pad(1000 + i, 5)}` };
  const tweaks = [
    () => { q.first = ascii(q.first) || q.first; },
    () => { q.email = q.email.toUpperCase(); },
    () => { q.last = ` ${q.last}  `; },
    () => { q.first = q.first.toLowerCase(); q.last = q.last.toLowerCase(); },
    () => { q.phone = q.phone.replace(/[\s().-]/g, ''); },
    () => { q.city = q.city.trim().toUpperCase(); },
    () => { q.first = `${q.first}  `; q.notes = 'duplicate account?'; },
  ];
  for (let k = int(1, 3); k > 0; k--) pick(tweaks)();
  return q;
}

function csvField(v) {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const people = [];
for (let i = 0; people.length < ROWS; i++) {
  // About one row in twenty repeats an earlier person with variations.
  if (people.length > 20 && chance(0.05)) people.push(variant(pick(people.slice(0, people.length - 1)), people.length));
  else people.push(person(people.length));
}

const header = ['customer_id', 'first_name', 'last_name', 'email', 'phone', 'city', 'country', 'signup_date', 'birth_date', 'plan', 'monthly_spend', 'newsletter', 'notes'];
const lines = [header.join(',')];
for (const p of people) {
  lines.push([p.id, p.first, p.last, p.email, p.phone, p.city, p.country, p.signup, p.birth, p.plan, p.spend, p.newsletter, p.notes].map(csvField).join(','));
}
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, lines.join('\r\n') + '\r\n');
process.stdout.write(`wrote ${path.relative(root, out)} (${people.length} rows)\n`);
