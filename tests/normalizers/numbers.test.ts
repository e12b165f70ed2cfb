import { describe, it, expect } from 'vitest';
import { Decimal } from 'decimal.js';
import { parseNumber } from '../../normalizers/values/numbers.js';
import { findUnit, toYuan } from '../../normalizers/values/units.js';
import { cleanLabel, stripNumbering } from '../../normalizers/values/labels.js';

const v = (s: string) => parseNumber(s)?.value.toFixed() ?? null;

describe('parseNumber', () => {
  it('reads the number forms printed in the seeds', () => {
    expect(v('3,106.33')).toBe('3106.33'); // seed 001 thousands separators
    expect(v('2776. 77')).toBe('2776.77'); // seed 003 OCR split
    expect(v('１２３.４５')).toBe('123.45'); // full-width digits
    expect(v('0.00')).toBe('0');
    expect(v('-12.5')).toBe('-12.5');
    expect(v('(12.5)')).toBe('-12.5');
    expect(v('99.65%')).toBe('99.65');
    // a grouped whole number with a point after it (a speck off a scan: 156,211,123.), as 1234.
    expect(v('156,211,123.')).toBe('156211123');
    expect(parseNumber('156,211,123.')?.scale).toBe(0);
    expect(v('1234.')).toBe('1234');
    // a space read for one of the commas (156,211 123), and none where the groups do not fit
    expect(v('156,211 123')).toBe('156211123');
    expect(v('1 ,234.5')).toBe('1234.5');
    expect(v('156,21 123')).toBeNull();
    // a speck read as a point before a number with its own (.49.14); one point alone is a fraction
    expect(v('.49.14')).toBe('49.14');
    expect(v('.5')).toBe('0.5');
    expect(v('.4.9.14')).toBeNull();
  });
  it('reads a dash as a printed zero and marks it', () => {
    const p = parseNumber('—');
    expect(p?.value.isZero()).toBe(true);
    expect(p?.dash).toBe(true);
  });
  it('refuses blanks, words and malformed groupings', () => {
    for (const s of ['', '  ', '合计', '1,23.4', '12a', '≥90%', '2022年']) expect(parseNumber(s)).toBeNull();
  });
  it('keeps exact decimals (no binary float)', () => {
    const a = parseNumber('0.1')!.value.plus(parseNumber('0.2')!.value);
    expect(a.toFixed()).toBe('0.3');
  });
});

describe('units', () => {
  it('finds the unit line, also split over lines', () => {
    expect(findUnit('单位：万元')).toBe('万元');
    expect(findUnit('单位：万' + '元')).toBe('万元');
    expect(findUnit('金额单位：元')).toBe('元');
    expect(findUnit('(单位:亿元)')).toBe('亿元');
    expect(findUnit('部门：漳州市医疗保障局')).toBe('');
  });
  it('converts to 元 exactly', () => {
    expect(toYuan(new Decimal('1091.68'), '万元')!.toFixed()).toBe('10916800');
    expect(toYuan(new Decimal('0.01'), '亿元')!.toFixed()).toBe('1000000');
    expect(toYuan(new Decimal('5'), '%')).toBeNull();
  });
});

describe('names', () => {
  it('joins labels broken by spaces and line breaks, keeps printed punctuation', () => {
    expect(cleanLabel('其他对个人和家庭的补 助')).toBe('其他对个人和家庭的补助');
    expect(cleanLabel('<b>本年收入合计</b>')).toBe('本年收入合计');
    expect(cleanLabel('因公出国（境）费')).toBe('因公出国（境）费');
  });
  it('strips list numbering for matching', () => {
    expect(stripNumbering('二十六、抗疫特别国债安排的支出')).toBe('抗疫特别国债安排的支出');
    expect(stripNumbering('其中：（1）公务用车购置费')).toBe('公务用车购置费');
    expect(stripNumbering('3. 公务接待费')).toBe('公务接待费');
  });
});
