// Text cells read again on their enlarged crop (reread-text.ts rereadText). The readings below are
// what tesseract returned on the scanned 佛山市轨道交通局 2019 决算 and 国家信访局 2024 决算 table pages
// (tests/fixtures/scans/make-scan-pdfs.sh, 150 and 200 dpi): the first reading (PSM 11 on the
// page, one word per character) and the second (PSM 6 on the crop enlarged 1.5×). End to end: the
// 收入支出决算总表 of the 佛山 scan (pp. 5–7, committed) must give the facts its text layer gives.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textRereadAccepted, type TextReading } from '../../../extractors/ocr/reread-text.js';
import { closeSharedPool } from '../../../extractors/ocr/index.js';
import { processDocument } from '../../../pipeline/process-document.js';
import type { DocumentRecord, Fact } from '../../../model/types.js';
import { corpusBytes, corpusPath } from '../pdf/corpus.js';
import { fixture } from '../../fixture.js';

/** `六78 经96` (`3.91:96` where the word ends in a digit) → words and confidences */
function reading(spec: string): TextReading {
  const words: string[] = [];
  const confidences: number[] = [];
  for (const part of spec.split(' ')) {
    const m = /^(.+):(\d+)$/.exec(part) ?? /^(.*?)(\d+)$/.exec(part)!;
    words.push(m[1]!);
    confidences.push(Number(m[2]));
  }
  return { words, confidences };
}
const takes = (first: string, second: string): boolean => textRereadAccepted(reading(first), reading(second));

describe('a text cell read again', () => {
  it('takes back a list number PSM 11 dropped or misread', () => {
    expect(takes('、87 一94 般96 公96 共96 预96 算96 财96 政97 拨96 款96 收96 入96', '一94 、95 一96 般96 公96 共96 预96 算96 财97 政96 拨96 款94 收96 入96')).toBe(true);
    expect(takes('N83 科95 学96 技96 术96 支96 出96', '六96 、96 科94 学96 技96 术96 支96 出96')).toBe(true);
    expect(takes('共60 、87 附88 属96 单96 位96 上96 缴96 收96 入96', '六96 、96 附96 属96 单96 位96 上96 缴96 收97 入96')).toBe(true);
    expect(takes('十65 公69 金96 融95 支97 出96', '十96 六96 、96 金96 融96 支96 出96')).toBe(true);
  });

  it('takes a misread character back when the second reading is sure of it', () => {
    expect(takes('金96 频85', '金96 额95')).toBe(true);
    expect(takes('用96 事96 业96 基96 金96 弥96 补96 收96 支96 差95 频93', '用95 事96 业96 基96 金96 弥96 补96 收96 支96 差80 额89')).toBe(true);
    expect(takes('年96 未68 结96 转96 和96 结96 余96', '年96 末78 结96 转97 和96 结96 余96')).toBe(true);
    expect(takes('卷28 奶48', '栏96 次96')).toBe(true);
  });

  it('takes the last character of a label wrapped onto a second line', () => {
    expect(takes('l23 stm0 、89 灾85 害95 防96 治96 及96 应96 急96 管96 理96 支96', '二96 十96 一96 、96 灾27 害96 防96 治96 及96 应96 急96 管96 理96 支96 出96')).toBe(true);
  });

  it('takes a character whose box PSM 11 put elsewhere', () => {
    expect(takes('资96 E51 粮91 油96 物61 储81 备96 支96 出93', '二96 十96 、96 粮96 油96 物96 资95 储96 备96 支96 出96')).toBe(true);
  });

  it('gives up no character the first reading was sure of', () => {
    expect(takes('文96 化96 旅96 游96 体96 育96 与96 传96 媒94 支96 出66', '七96 、86 化70 旅96 游96 体96 育96 与96 传96 媒96 支95 出96')).toBe(false);
    expect(takes('附96 属92 单96 位96', '陈71 属82 单96 位87')).toBe(false);
  });

  it('puts no doubtful character in place of a surer one, and adds no mark', () => {
    expect(takes('年96 末83 结96 转96 和96 结96 余80', '年95 未79 结96 转96 和96 结96 余96')).toBe(false);
    expect(takes('灾91 害50 防96 治92 及96 应96 急86 管96 理96 支96 出72', '二96 士69 、96 灾42 害94 防96 治96 及97 应96 急96 管96 理96 支96 出96')).toBe(false);
    expect(takes('、95 一96 般96 公96 共96 服96 务96 支96 出96', '一96 、80 -78 般96 公96 共96 服96 务96 支96 出96')).toBe(false);
  });

  it('adds no digits to a label', () => {
    // 上海普陀 2024 预算 p. 10: the crop of the label caught part of a neighbouring amount
    expect(takes('国96 有96 资96 本96 经96 营94 预96 算96', '3.91:96 国96 有96 资96 本96 经96 营96 预96 算96')).toBe(false);
  });

  it('refuses what says nothing new or is not confident', () => {
    expect(takes('决92 算96 数95', '决92 算96 数95')).toBe(false);
    expect(takes('项96 目85', 'mwH44')).toBe(false);
    expect(takes('栏86 “60 次79', 'ER47')).toBe(false);
  });
});

const FIXTURE = fixture('scans/fs-guidaojiaotongju-2019-p05-p07-200dpi-scan.pdf');
// the text-layer PDF (its fixture is cut to pp. 5–23, the 总表 on pp. 5–7 included)
const TEXT = 'fs-guidaojiaotongju-2019-dept-final.pdf';

/** label without white space and list number (as the answer keys compare them) */
const label = (s: string): string => s.replace(/\s+/g, '').replace(/^[(（]?[一二三四五六七八九十]+[)）、.．]/, '');
const key = (f: Fact): string => `${f.section}|${label(f.item)}|${f.measure}`;
const summary = (d: DocumentRecord): Map<string, string> =>
  new Map(d.facts.filter((f) => f.table_kind === 'income_expenditure_summary').map((f) => [key(f), f.value.toString()]));

describe('the scanned 收入支出决算总表 over three pages (佛山 2019 决算 pp. 5–7, 200 dpi)', () => {
  let ocr: DocumentRecord;
  let text: DocumentRecord;
  beforeAll(async () => {
    ocr = await processDocument(FIXTURE, new Uint8Array(readFileSync(FIXTURE)));
    text = await processDocument(corpusPath(TEXT), corpusBytes(TEXT));
  }, 180_000);
  afterAll(async () => {
    await closeSharedPool();
  });

  it('gives every fact the text layer gives, with its label and measure, and no other', () => {
    const got = summary(ocr);
    const want = summary(text);
    expect(ocr.tables.find((t) => t.table_kind === 'income_expenditure_summary')?.method).toBe('ocr');
    expect([...got.entries()].sort()).toEqual([...want.entries()].sort());
  });

  it('keeps the 栏次 rows out of the data, however OCR read their labels', () => {
    expect(ocr.facts.some((f) => /栏/.test(f.item) || f.value.toString() === '2')).toBe(false);
  });

  it('records the labels read again as OCR repairs of the page', () => {
    expect(ocr.messages.some((m) => /OCR repair/.test(m.text))).toBe(true);
  });
});
