// A table that prints no unit takes the document's: unflagged where the document's tables print
// one unit, `unit_assumed` where none prints any (万元 then), `unit_inferred` where they print two.
// A 10,000× error (元 read as 万元) must not look like a trusted fact. On a real dump (a 决算 of
// nine tables, each printing 金额单位：万元), as printed and with its unit lines taken out or changed.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord, Fact } from '../../model/types.js';
import { processDocument } from '../../pipeline/process-document.js';
import { UNIT_ASSUMED, UNIT_INFERRED } from '../../normalizers/values/units.js';
import { sample } from '../fixture.js';

const NAME = '001_527840cd4be78074.txt';
const UNIT_LINE = /^(\s*)金额单位：万元$/gm;

async function read(text: string): Promise<DocumentRecord> {
  return processDocument(sample(NAME), new TextEncoder().encode(text));
}
const money = (d: DocumentRecord): Fact[] => d.facts.filter((f) => f.amount_yuan !== null && f.table_kind !== 'narrative');
const doubted = (d: DocumentRecord, flag: string): Fact[] => money(d).filter((f) => f.flags.includes(flag));
const key = (f: Fact): string => `${f.table_id}|${f.row}|${f.col}`;

describe('a table that prints no unit', () => {
  const printed = readFileSync(sample(NAME), 'utf8');
  let asPrinted: DocumentRecord;
  let noUnits: DocumentRecord;
  let twoUnits: DocumentRecord;
  beforeAll(async () => {
    asPrinted = await read(printed);
    noUnits = await read(printed.replace(UNIT_LINE, '$1金额单位：'));
    // the first table in 元, the second in 万元, the others print none
    let n = 0;
    twoUnits = await read(printed.replace(UNIT_LINE, (_m, sp: string) => (++n === 1 ? `${sp}金额单位：元` : n === 2 ? `${sp}金额单位：万元` : `${sp}金额单位：`)));
  });

  it('as printed (every table prints 万元): no fact is in doubt of its unit', () => {
    expect(asPrinted.tables.filter((t) => t.unit === '万元').length).toBeGreaterThanOrEqual(8);
    expect(money(asPrinted).length).toBeGreaterThan(200);
    expect(doubted(asPrinted, UNIT_ASSUMED)).toEqual([]);
    expect(doubted(asPrinted, UNIT_INFERRED)).toEqual([]);
  });

  it('no table printing a unit: the same values in 万元, every money fact flagged unit_assumed', () => {
    expect(noUnits.tables.filter((t) => t.unit !== '').map((t) => t.title)).toEqual([]);
    const before = new Map(money(asPrinted).map((f) => [key(f), f]));
    const after = money(noUnits);
    expect(after.length).toBe(before.size);
    for (const f of after) {
      expect(f.value.toFixed()).toBe(before.get(key(f))?.value.toFixed());
      expect(f.unit).toBe('万元');
      expect(f.flags).toContain(UNIT_ASSUMED);
    }
    // rates are no money: no unit to doubt
    expect(noUnits.facts.filter((f) => f.unit === '%' && f.flags.includes(UNIT_ASSUMED))).toEqual([]);
    expect(noUnits.tables.filter((t) => t.flags.includes(UNIT_ASSUMED)).length).toBe(noUnits.tables.filter((t) => money(noUnits).some((f) => f.table_id === t.table_id)).length);
  });

  it('tables printing 元 and 万元: those printing none are unit_inferred, those printing one are not', () => {
    const [first, second] = twoUnits.tables.filter((t) => t.unit);
    expect([first?.unit, second?.unit]).toEqual(['元', '万元']);
    const inferred = doubted(twoUnits, UNIT_INFERRED);
    expect(inferred.length).toBeGreaterThan(100);
    expect(inferred.filter((f) => f.table_id === first!.table_id || f.table_id === second!.table_id)).toEqual([]);
    const unitless = new Set(twoUnits.tables.filter((t) => !t.unit).map((t) => t.table_id));
    expect(money(twoUnits).filter((f) => unitless.has(f.table_id) && !f.flags.includes(UNIT_INFERRED))).toEqual([]);
    expect(doubted(twoUnits, UNIT_ASSUMED)).toEqual([]);
  });
});
