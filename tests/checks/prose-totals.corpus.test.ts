// The 情况说明 against the tables on the shared corpus: the MODIFIED 普陀 财政局 2024 决算 states
// 收入支出总计 0 万元 where its 收入支出决算总表 prints 2,995.39; prose_vs_table fires and the sentence's
// figure is not verified. The unmodified document's statement agrees and is verified (its
// 财政拨款收入支出总计 0.3 万元 is a printed contradiction of the 2,961.68 in its 04表, and fires).
import { beforeAll, expect, it } from 'vitest';
import { ingest } from '../../index.js';
import type { DocumentRecord } from '../../model/types.js';
import { corpusFile, describeCorpus } from '../corpus-tier.js';

describeCorpus('prose statements of totals vs the tables (shared corpus)', () => {
  let modified: DocumentRecord;
  let original: DocumentRecord;
  beforeAll(async () => {
    const r = await ingest([corpusFile('sh-putuo-caizhengju-2024-dept-final-MODIFIED.pdf'), corpusFile('sh-putuo-caizhengju-2024-dept-final.pdf')], { keepRecords: true });
    modified = r.records!.find((d) => d.source.endsWith('-MODIFIED.pdf'))!;
    original = r.records!.find((d) => d.source.endsWith('-final.pdf'))!;
  });

  const stated = (d: DocumentRecord, measure: string) => d.facts.filter((f) => f.table_kind === 'narrative' && f.measure === measure);

  it('收入支出总计 0 万元 contradicts the 01表 总计 2995.39: prose_vs_table fires, the figure is flagged and not verified', () => {
    const hits = modified.checks.filter((c) => c.check_id === 'prose_vs_table' && c.subject.includes('income_expenditure_grand_total') && !c.subject.includes('fiscal_appropriation'));
    expect(hits.map((c) => [c.severity, c.expected, c.actual])).toEqual([['warning', '0', '2995.39']]);
    const [f, ...more] = stated(modified, 'income_expenditure_grand_total');
    expect(more).toEqual([]);
    expect(f!.value.isZero()).toBe(true);
    expect(f!.flags).toContain('prose_vs_table');
    expect(f!.verified).toBeUndefined();
    // the figures of the text that agree with the tables are verified
    expect(stated(modified, 'fiscal_appropriation_income_expenditure_grand_total').map((x) => [x.value.toFixed(2), x.verified])).toEqual([['2961.68', true]]);
    expect(stated(modified, 'income_total').map((x) => [x.value.toFixed(2), x.verified])).toEqual([['2946.25', true]]);
  });

  it('the unmodified document: 收入支出总计 2995.39 verified; its printed 财政拨款收入支出总计 0.3 fires', () => {
    expect(stated(original, 'income_expenditure_grand_total').map((x) => [x.value.toFixed(2), x.verified])).toEqual([['2995.39', true]]);
    expect(original.checks.filter((c) => c.check_id === 'prose_vs_table').map((c) => [c.expected, c.actual])).toEqual([['0.3', '2961.68']]);
  });
});
