// The stable check ids, with what each means (for the review page and documentation).
export const CHECK_IDS: Record<string, string> = {
  hierarchy_sum: 'a parent code (类/款) equals the sum of its children; the 合计 row equals the sum of the 类 rows',
  column_sum: 'within a row, the total column equals the sum of its part columns (本年收入合计 = 财政拨款收入 + …)',
  balance: 'a two-sided 总表: 收入总计 = 支出总计',
  cross_table_total: 'the same total printed in two tables agrees (01 vs 02/03, 04 vs 05/08/09, 05 vs 06, per 类)',
  side_sum: '01/04表: 本年收入合计 = Σ income items; 本年支出合计 = Σ 类 rows',
  grand_total: '01/04表: 总计 = 本年…合计 + 结转/结余 rows',
  class_sum: '06表: 人员经费合计 = Σ 301, 303; 公用经费合计 = Σ the other 类',
  three_public_sum: '07表: 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费; 公务用车 = 购置 + 运行维护',
  printed_total: 'a row labelled 合计/总计 equals the sum of the rows it closes (top numbering level), a numbered row the rows numbered under it, a <group> / 小计 column the other columns of its group; inferred from the layout: verifies when it holds, reported only for the kinds declared `must_hold`',
  prose_vs_table: 'a figure stated in the 情况说明 text equals the table cell it restates',
  ocr_repaired: 'an OCR misreading corrected because the failing identities pinned that one cell (info: printed → corrected)',
  missing_table: 'a standard table the document kind requires (决算: 公开01-09表) is not in the document',
  empty_table_unexplained: 'a standard table without numbers has no note saying why',
  code_name_mismatch: 'the printed name of a code is not its name in that year’s classification',
  unknown_code: 'a printed code is not in that year’s classification',
};
