// Detection accuracy on data with ground truth (shared/data and generated), with and without headers:
// a regression below the targets fails here; the figures go to test/bench/RESULTS.md from the bench.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judge } from '../../../helpers/pdAccuracy';
import { allCases } from '../../../helpers/pdCases';

describe('detection accuracy per column', () => {
  it('precision and recall ≥ 0.95 per kind, no false direct identifier on non-personal tables, special categories found', async () => {
    const cases = await allCases();
    const a = judge(cases);
    const misses = a.judged.filter((j) => j.truth !== j.finding.kind).map((j) => `${j.case}/${j.header}: ${j.truth} → ${j.finding.kind}`);
    for (const k of a.perKind) {
      assert.ok(k.precision >= 0.95, `${k.kind} precision ${k.precision.toFixed(2)} (tp ${k.tp}, fp ${k.fp}); misses: ${misses.join('; ')}`);
      assert.ok(k.recall >= 0.95, `${k.kind} recall ${k.recall.toFixed(2)} (tp ${k.tp}, fn ${k.fn}); misses: ${misses.join('; ')}`);
    }
    // Every kind the issue names (but person-free kinds like none) is measured at least twice (with and without headers).
    for (const kind of ['person_name', 'email', 'phone', 'national_id_se', 'national_id_no', 'national_id_dk', 'national_id_fi', 'nino_uk', 'ssn_us',
      'iban', 'payment_card', 'ip_address', 'mac_address', 'date_of_birth', 'postal_code', 'location', 'coordinates', 'free_text_pii']) {
      const k = a.perKind.find((x) => x.kind === kind);
      assert.ok(k && k.tp >= 2, `${kind} measured`);
    }
    assert.deepEqual(a.falseDirect.map((j) => `${j.case}/${j.header} → ${j.finding.kind}`), []);
    const special = a.judged.filter((j) => j.header === 'diagnosis' || j.header === 'religion' || (j.case.startsWith('generated identifiers (') && ['c15', 'c16'].includes(j.header)));
    assert.equal(special.length, 4);
    for (const j of special) assert.equal(j.finding.category, 'special', `${j.case}/${j.header}`);
  });
});
