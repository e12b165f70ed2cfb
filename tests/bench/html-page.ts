// Speed of the HTML extractor (bytes → Block[]), for the bench: a synthetic disclosure page of
// 20 tables like the real ones (layout wrapper, a title and unit line, a two-row rowspan/colspan
// header, 30 coded rows of 7 amounts), extracted repeatedly.
import { extractHtml } from '../../extractors/html/index.js';

export function benchPage(tables = 20, rows = 30): Uint8Array {
  const parts: string[] = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>部门决算</title></head><body>'];
  for (let t = 0; t < tables; t++) {
    parts.push(`<table width="100%"><tr><td align="center"><b>收入决算表</b></td></tr><tr><td>公开0${(t % 9) + 1}表 单位：万元</td></tr><tr><td>`);
    parts.push('<table border="1"><thead><tr><th colspan="2">项目</th>');
    for (const h of ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']) parts.push(`<th rowspan="2">${h}</th>`);
    parts.push('</tr><tr><th>科目编码</th><th>科目名称</th></tr></thead><tbody>');
    for (let r = 0; r < rows; r++) {
      parts.push(`<tr><td>${2010000 + r}</td><td><span>其他</span>医疗保障<o:p></o:p></td>`);
      for (let c = 0; c < 7; c++) parts.push(`<td align="right">${(r * 7 + c) * 3.17 + 0.01}</td>`);
      parts.push('</tr>');
    }
    parts.push('</tbody></table></td></tr></table><p>注：本表反映部门本年度取得的各项收入情况。</p>');
  }
  parts.push('</body></html>');
  return new TextEncoder().encode(parts.join(''));
}

export async function benchHtml(opts: { rounds?: number } = {}): Promise<{ tablesPerSecond: number; tables: number; ms: number }> {
  const page = benchPage();
  const rounds = opts.rounds ?? 20;
  extractHtml(page); // warm up
  let tables = 0;
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) tables += extractHtml(page).blocks.filter((b) => b.kind === 'grid').length;
  const ms = performance.now() - t0;
  return { tablesPerSecond: Math.round((tables / ms) * 1000), tables, ms: Math.round(ms) };
}
