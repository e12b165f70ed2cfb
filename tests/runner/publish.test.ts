// Publishing: datapackage.json validates as a Frictionless Tabular Data Package against the
// written CSVs, with Fiscal Data Package roles; the Excel variant has a BOM and escapes formulas
// in text cells but never touches numbers.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../pipeline/ingest.js';
import { validateDescriptor, validatePackage } from '../../output/validate-datapackage.js';
import { datapackage } from '../../output/datapackage.js';
import { escapeFormula, toExcelCsv } from '../../output/excel.js';
import { parseCsv } from '../../output/csv.js';
import { samples, tmp } from './helpers.js';

let out = '';
beforeAll(async () => {
  out = tmp();
  await ingest([samples], { out, excel: true });
}, 60_000);

describe('datapackage.json', () => {
  it('is a valid tabular data package and the data fits its schemas', () => {
    expect(validateDescriptor(datapackage())).toEqual([]);
    expect(validatePackage(out)).toEqual([]);
  });
  it('the validator catches what is wrong', () => {
    const bad = datapackage() as unknown as { resources: { name: string; path?: string; schema: { fields: { type: string }[] } }[] };
    bad.resources[0]!.name = 'Documents';
    delete bad.resources[1]!.path;
    bad.resources[2]!.schema.fields[0]!.type = 'money';
    const errs = validateDescriptor(bad as never);
    expect(errs.join('\n')).toMatch(/resources\[0\]\.name/);
    expect(errs.join('\n')).toMatch(/resources\[1\]: path or data/);
    expect(errs.join('\n')).toMatch(/money is not a table schema type/);
  });
  it('carries Fiscal Data Package roles and budget lines with phase and direction', () => {
    const dp = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    const lines = dp.resources.find((r: { name: string }) => r.name === 'budget-lines');
    const roles = Object.fromEntries(lines.schema.fields.map((f: { name: string; columnType?: string }) => [f.name, f.columnType]));
    expect(roles).toMatchObject({ fiscal_year: 'date:fiscal-year', phase: 'phase', direction: 'direction', amount: 'value', functional_l1: 'functional-classification:generic:level1:code', economic_l1: 'economic-classification:generic:level1:code' });
    const rows = parseCsv(readFileSync(join(out, 'budget_lines.csv'), 'utf8'));
    expect(rows.length).toBeGreaterThan(1000);
    const fn = rows.find((r) => r.functional_l3)!;
    expect(fn.functional_l3!.startsWith(fn.functional_l2!)).toBe(true);
    expect(fn.functional_l2!.startsWith(fn.functional_l1!)).toBe(true);
    const phases = new Set(rows.map((r) => r.phase));
    expect(phases.has('executed') && phases.has('approved')).toBe(true); // '' for 绩效 documents
    expect([...phases].every((p) => ['', 'approved', 'adjusted', 'executed'].includes(p!))).toBe(true);
    expect(rows.some((r) => r.direction === 'income') && rows.some((r) => r.direction === 'expenditure')).toBe(true);
    expect(rows.every((r) => /^-?\d+(\.\d+)?$/.test(r.amount!))).toBe(true);
  });
});

describe('Excel variant', () => {
  it('escapes formula-like text and leaves numbers alone', () => {
    expect(escapeFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(escapeFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(escapeFormula('+1+2')).toBe(`'+1+2`);
    expect(escapeFormula('-12.50')).toBe('-12.50');
    expect(escapeFormula('-')).toBe(`'-`);
    expect(escapeFormula('一般公共预算')).toBe('一般公共预算');
    const csv = toExcelCsv('facts', ['item', 'value', 'amount_yuan'], [{ item: '=cmd|calc', value: '-3.00', amount_yuan: '-30000' }, { item: '-减：结余', value: '-0.5', amount_yuan: '' }]);
    expect(csv.startsWith('\ufeffitem,value,amount_yuan\r\n')).toBe(true);
    expect(csv).toContain(`'=cmd|calc,-3.00,-30000\r\n`);
    expect(csv).toContain(`'-减：结余,-0.5,\r\n`);
  });
  it('is written for every tabular file, same rows as the plain CSV', () => {
    for (const f of ['facts.csv', 'documents.csv', 'tables.csv', 'budget_lines.csv']) {
      const plain = parseCsv(readFileSync(join(out, f), 'utf8'));
      const text = readFileSync(join(out, 'excel', f), 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const excel = parseCsv(text);
      expect(excel.length).toBe(plain.length);
      if (f === 'facts.csv') expect(excel.map((r) => r.value)).toEqual(plain.map((r) => r.value));
    }
  });
});
