// Performance self-evaluation forms, one per page, printed one after the other with the same layout
// and (nearly) the same title: each is a form of its own, never the continuation of the one before.
// On a text layer a repeated title continues a table only when it is the same title; a form that
// starts over (项目名称 with another project under the same fixed header rows) is a new form even
// when its title is printed exactly as the last one's.
import { expect, it } from 'vitest';
import { describeCorpus, corpusDoc } from './helpers.js';

describeCorpus('performance self-evaluation forms in a row', () => {
  it('xa-weijianwei 2022 决算: 89 forms (1 部门整体 over pp. 30–31, 88 项目 one a page on pp. 55–143)', async () => {
    const doc = await corpusDoc('xa-weijianwei-2022-dept-final-with-selfeval.pdf');
    const forms = doc.performance;
    expect(forms).toHaveLength(89);
    expect(forms.filter((f) => f.form_kind === 'department')).toHaveLength(1);
    expect(forms.filter((f) => f.form_kind === 'project').map((f) => f.page)).toEqual(Array.from({ length: 87 }, (_, i) => 55 + i).concat([143]));
    // p. 100 prints a 46-character title (…取消药品加成财政补偿资金（卫生健康事业发展专项资金）项目绩效自评表)
    expect(forms.find((f) => f.page === 100)?.title).toBe('西安市级城市公立医院取消药品加成财政补偿资金(卫生健康事业发展专项资金)项目绩效自评表');
    // the department form runs over two pages and stays one table
    const dept = doc.tables.find((t) => t.table_kind === 'performance_self_evaluation' && t.page_first === 30);
    expect(dept?.page_last).toBe(31);
  });

  it('nearly the same title (…（非政府采购部分）… / …（政府采购部分）…, 安保/保洁/食堂服务) is another form', async () => {
    const doc = await corpusDoc('xa-weijianwei-2022-dept-final-with-selfeval.pdf');
    const on = (page: number) => doc.performance.filter((f) => f.page === page).map((f) => [f.project, f.budget_full_year, f.executed]);
    expect(on(61)).toEqual([['采供血业务经费（非政府采购部分）项目', '1185.36', '965.77']]);
    expect(on(62)).toEqual([['采供血业务经费（政府采购部分）项目', '785.31', '703.27']]);
    expect([74, 75, 76].map((p) => on(p).map((f) => f[0]))).toEqual([['安保服务项目'], ['保洁项目'], ['食堂服务项目']]);
    expect(on(136).map((f) => f[0])).toEqual(['移动式C型臂X光机购置']);
    expect(on(137).map((f) => f[0])).toEqual(['移动式三维C型臂X光机购置']);
  });

  it('the same title printed again over another project (中职免学费补助 市级/中央资金) is another form', async () => {
    const doc = await corpusDoc('xa-weijianwei-2022-dept-final-with-selfeval.pdf');
    const on = (page: number) => doc.performance.filter((f) => f.page === page).map((f) => [f.title, f.project, f.budget_full_year]);
    expect([...on(70), ...on(71)]).toEqual([
      ['西安市级2022年中职免学费补助项目绩效自评表', '中职免学费补助（市级资金）', '352.74'],
      ['西安市级2022年中职免学费补助项目绩效自评表', '中职免学费补助（中央资金）', '235.16'],
    ]);
    expect([...on(85), ...on(86)].map((f) => f[1])).toEqual(['新冠疫情防控', '新冠疫情防控经费']);
  });
});
