// Writes test/fixtures/e2e/measurements.csv: 2,000 deterministic rows for the e2e scrolling test. Run: node test/e2e/generateFixtures.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'e2e');
const stations = ['Abisko', 'Bergen', 'Cork', 'Dresden', 'Evora', 'Fargo', 'Graz', 'Hilo'];
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const lines = ['reading_id,station,taken_on,temperature_c,humidity_pct,note'];
for (let i = 1; i <= 2000; i++) {
  const day = new Date(Date.UTC(2024, 0, 1) + (i - 1) * 6 * 3600 * 1000).toISOString().slice(0, 10);
  const temp = (rand() * 40 - 10).toFixed(1);
  const hum = Math.round(20 + rand() * 80);
  const note = i % 250 === 0 ? `checkpoint ${i / 250}` : '';
  lines.push(`${i},${stations[i % stations.length]},${day},${temp},${hum},${note}`);
}
writeFileSync(path.join(here, 'measurements.csv'), lines.join('\n') + '\n');
