// Table tests of the personal-data validators against the issuers' published examples and test data.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  isBirthDate, isCoordinatePair, isCprDk, isEmail, isFodselsnummerNo, isHetuFi, isIban, isIpAddress, isMacAddress, isNinoUk,
  isPaymentCard, isPersonnummerSe, isPhone, isPostalCode, isSsnUs,
} from '../../../../main/core/protect/validators';
import { cprMod11 } from '../../../../main/core/protect/validators/nordicIds';
import { luhn } from '../../../../main/core/protect/validators/checksums';
import { parseDate } from '../../../../main/core/protect/validators/dates';

const DATA = process.env.TIDYSET_DATA_DIR ?? path.resolve(__dirname, '../../../../../shared/data');
const NOW = new Date('2026-06-01T00:00:00Z');

function table(fn: (v: string) => boolean, rows: Array<[string, boolean]>): void {
  for (const [value, expected] of rows) assert.equal(fn(value), expected, `${JSON.stringify(value)} should be ${expected ? 'valid' : 'invalid'}`);
}

describe('checksums', () => {
  it('Luhn', () => table(luhn, [['79927398713', true], ['79927398710', false], ['0', false], ['4111111111111111', true]]));
});

describe('Swedish personnummer', () => {
  it("passes Skatteverket's examples in every written form", () => {
    table((v) => isPersonnummerSe(v, NOW), [
      ['811218-9876', true], ['8112189876', true], ['198112189876', true], ['19811218-9876', true], [' 811218-9876 ', true], ['811218 9876', false],
      // samordningsnummer: day + 60
      ['701063-2391', true], ['197010632391', true],
      // "+" for 100 years or more: 1912, not 2012
      ['121212+1212', true], ['121212-1212', true],
      ['811218-9875', false], ['811318-9876', false], ['811218--9876', false], ['81121-89876', false], ['', false],
    ]);
  });
  it('agrees with list.json of the personnummer project (10- and 12-digit forms, with and without separator)', () => {
    const list = JSON.parse(readFileSync(path.join(DATA, 'se-personnummer/list.json'), 'utf8')) as Array<Record<string, unknown>>;
    for (const e of list) {
      for (const f of ['long_format', 'short_format', 'separated_format', 'separated_long']) {
        if (typeof e[f] === 'string') assert.equal(isPersonnummerSe(e[f] as string), e.valid, `${f} ${String(e[f])}`);
      }
    }
  });
  it('passes all 41,129 official Skatteverket test numbers and rejects the organisation numbers', () => {
    const pins = JSON.parse(readFileSync(path.join(DATA, 'se-personnummer/allPins.json'), 'utf8')) as string[];
    assert.equal(pins.filter((p) => !isPersonnummerSe(p)).length, 0);
    const orgs = JSON.parse(readFileSync(path.join(DATA, 'se-personnummer/orgnumber.json'), 'utf8')) as Array<{ short_format: string; separated_format: string }>;
    for (const o of orgs) assert.equal(isPersonnummerSe(o.short_format) || isPersonnummerSe(o.separated_format), false, o.short_format);
  });
});

describe('Norwegian fødselsnummer', () => {
  it('checks the date, the century series and both mod-11 digits, with the 2032 rule for the first', () => {
    table(isFodselsnummerNo, [
      ['13097248022', true], ['29029648784', true], ['29020075838', true], ['15021951940', true],
      ['53097248016', true], // D-number
      ['13527248013', true], // H-number
      ['10915596784', true], ['68467038838', true], ['50846202355', true],
      // 2032: the first check digit may come from remainder 0–3
      ['02013299997', true], ['30108299920', true], ['30108299939', true], ['70108299914', true],
      ['02013299987', false], ['02013299996', false], ['13097248032', false], ['13097248023', false],
      ['29020112345', false], ['32127248022', false], ['13137248022', false], ['1234567890', false], ['1234567891A', false],
      ['130972 48022', true],
    ]);
  });
});

describe('Danish CPR', () => {
  it('requires a real date by the century table, not the mod-11 check', () => {
    table((v) => isCprDk(v, NOW), [
      ['070761-4285', true], ['0707614285', true], ['010165-4289', true], // issued without mod 11 since 2007
      ['311299-1234', true], ['290200-4000', true], ['290201-4000', false], ['320161-4285', false], ['071361-4285', false],
      ['070761+4285', false], ['010130-5000', false], // 7th digit 5 with year 30: 2030, in the future
    ]);
    assert.equal(cprMod11('070761-4285'), true);
    assert.equal(cprMod11('010165-4289'), false);
  });
});

describe('Finnish HETU', () => {
  it('checks the mod-31 character and the century signs, including those of 2023', () => {
    table((v) => isHetuFi(v, NOW), [
      ['131052-308T', true], ['131052A308T', false], ['010594Y9021', true], ['020594X903P', true], ['020594X902N', true],
      ['010516B903X', true], ['010501A900Y', true], ['010501A900E', false], ['131052-308U', false], ['311352-308T', false], ['131052Z308T', false],
      ['131052-001H', false],
    ]);
  });
});

describe('UK NINO and US SSN', () => {
  it('NINO: the letters HMRC allows and a suffix A–D', () => {
    table(isNinoUk, [['AB123456C', true], ['AB 12 34 56 C', true], ['ab123456d', true], ['QQ123456C', false], ['BG123456A', false],
      ['GB123456A', false], ['AB123456E', false], ['AO123456A', false], ['AB12345C', false]]);
  });
  it('SSN: never-issued areas, groups and serials, and the written form unless bare digits are allowed', () => {
    table((v) => isSsnUs(v), [['536-90-4399', true], ['536 90 4399', true], ['078-05-1120', false], ['219-09-9999', false],
      ['666-12-3456', false], ['900-12-3456', false], ['000-12-3456', false], ['536-00-4399', false], ['536-90-0000', false],
      ['536904399', false], ['536-904399', false]]);
    assert.equal(isSsnUs('536904399', true), true);
  });
});

describe('IBAN and payment cards', () => {
  it('IBAN: examples of the IBAN registry, printed or electronic', () => {
    table(isIban, [['DE89 3704 0044 0532 0130 00', true], ['GB29 NWBK 6016 1331 9268 19', true], ['SE45 5000 0000 0583 9825 7466', true],
      ['NO93 8601 1117 947', true], ['DK50 0040 0440 1162 43', true], ['FI21 1234 5600 0007 85', true], ['de89370400440532013000', true],
      ['DE89 3704 0044 0532 0130 01', false], ['DE89 3704 0044 0532 0130', false], ['XX89 3704 0044 0532 0130 00', false]]);
  });
  it("cards: the networks' test numbers pass; a Luhn-valid number outside every issuer range does not", () => {
    table(isPaymentCard, [['4111 1111 1111 1111', true], ['4012888888881881', true], ['5555555555554444', true], ['2223003122003222', true],
      ['378282246310005', true], ['6011111111111117', true], ['3530111333300000', true], ['30569309025904', true], ['4111-1111-1111-1111', true],
      ['4111 1111 1111 1112', false], ['1234567812345670', false], ['5.54563E+15', false], ['411111111111111', false]]);
  });
});

describe('network addresses', () => {
  it('IPv4 and IPv6', () => {
    table(isIpAddress, [['192.168.0.1', true], ['8.8.8.8', true], ['256.1.1.1', false], ['01.2.3.4', false], ['1.2.3', false],
      ['2001:db8::1', true], ['::1', true], ['::ffff:192.0.2.128', true], ['1:2:3:4:5:6:7:8', true], ['2001:db8::1::2', false],
      ['1:2:3:4:5:6:7:8:9', false], ['12:30', false], ['fe80::1%eth0', false]]);
  });
  it('MAC', () => {
    table(isMacAddress, [['00:1A:2B:3C:4D:5E', true], ['00-1a-2b-3c-4d-5e', true], ['001a.2b3c.4d5e', true], ['00:1A:2B:3C:4D', false],
      ['00:1A-2B:3C:4D:5E', false], ['00:1G:2B:3C:4D:5E', false]]);
  });
});

describe('email and phone', () => {
  it('email', () => {
    table(isEmail, [['ana.gomez@example.com', true], ['user+tag@sub.example.co.uk', true], ['jose@exämple.de', true], ['MARY.JONES5@CORP.TEST', true],
      ['a@b', false], ['no-at.example.com', false], ['two@@example.com', false], ['x@example.c', false], ['.dot@example.com', false],
      ['a b@example.com', false], ['ana@-example.com', false]]);
  });
  it('phone: valid numbers of a numbering plan, not merely digits', () => {
    table((v) => isPhone(v), [['+46 70 123 45 67', true], ['0046 70 123 45 67', true], ['08-123 456 78', true], ['+44 20 7946 0958', true],
      ['(212) 555-0123', true], ['212-555-0123', true], ['12345', false], ['2024-01-15', false], ['12.5', false], ['-25.123456', false],
      ['1234567', false], ['+46 00 000', false]]);
  });
});

describe('dates, postal codes and coordinates', () => {
  it('parses the common ways of writing a date', () => {
    assert.deepEqual(parseDate('1985-03-12'), { year: 1985, month: 3, day: 12 });
    assert.deepEqual(parseDate('12/03/1985'), { year: 1985, month: 3, day: 12 });
    assert.deepEqual(parseDate('3/29/1982'), { year: 1982, month: 3, day: 29 });
    assert.deepEqual(parseDate('12 March 1985'), { year: 1985, month: 3, day: 12 });
    assert.deepEqual(parseDate('March 12, 1985'), { year: 1985, month: 3, day: 12 });
    assert.deepEqual(parseDate('19850312'), { year: 1985, month: 3, day: 12 });
    assert.deepEqual(parseDate('2024-03-02T14:05:09.000Z'), { year: 2024, month: 3, day: 2 });
    assert.equal(parseDate('1985-02-30'), null);
    assert.equal(parseDate('31/31/1985'), null);
  });
  it('a birth date is in the past and not before 1900', () => {
    table((v) => isBirthDate(v, NOW), [['1985-03-12', true], ['1899-12-31', false], ['2030-01-01', false], ['not a date', false]]);
  });
  it('postal codes of many countries', () => {
    table(isPostalCode, [['SW1A 1AA', true], ['EC1A 1BB', true], ['K1A 0B1', true], ['1234 AB', true], ['5000-047', true], ['123 45', true],
      ['00-950', true], ['90210', true], ['90210-1234', true], ['0150', true], ['ABCDE', false], ['123', false], ['12345678901', false]]);
  });
  it('coordinate pairs', () => {
    table(isCoordinatePair, [['59.3293, 18.0686', true], ['(-33.8688, 151.2093)', true], ['59.3293|18.0686', true], ['91.0, 10.0', false],
      ['59, 18', false], ['10.5, 190.1', false]]);
  });
});
