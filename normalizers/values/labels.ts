// Row labels and headers as printed → comparable strings.

/** Remove all white space (stray spaces and line breaks inside CJK labels) and markup. */
export function cleanLabel(s: string): string {
  return s
    .replace(/<\/?b>/gi, '')
    .replace(/[\s\u3000]+/g, '')
    .trim();
}

/** Strip list numbering (一、 (二) 3. （1）) and a leading 其中：, for matching only. */
export function stripNumbering(s: string): string {
  let t = cleanLabel(s).normalize('NFKC');
  t = t.replace(/^其中[:：]/, '');
  t = t.replace(/^(?:[(（]?[一二三四五六七八九十百]+[)）、.．]|[(（]\d+[)）]|\d+[、.．](?!\d))/, '');
  t = t.replace(/^其中[:：]/, '');
  return t;
}

/** The list numbering a label is printed with: 一、 'cn', （一） 'cn_paren', 1、 'arabic', (1)
 *  'arabic_paren', ① 'circled'; '' when unnumbered (a leading 其中： is passed over). */
export function numberingStyle(label: string): string {
  const s = cleanLabel(label).normalize('NFKC').replace(/^其中[:：]/, '');
  if (/^[一二三四五六七八九十百]+[、.．]/.test(s)) return 'cn';
  if (/^[(（][一二三四五六七八九十百]+[)）]/.test(s)) return 'cn_paren';
  if (/^\d+[、.．](?!\d)/.test(s)) return 'arabic';
  if (/^[(（]\d+[)）]/.test(s)) return 'arabic_paren';
  if (/^[①-⑳]/.test(s)) return 'circled';
  return '';
}

/** Header text normalised for vocabulary matching: no spaces, no punctuation around. */
export function headerKey(s: string): string {
  return cleanLabel(s).normalize('NFKC').replace(/[()（）:：]/g, '');
}

/** A label read as Latin letters alone, two to six (a Chinese label OCR misread: 合计 read Ait,
 *  交通运输支出 read agt). */
export function latinOnly(label: string): boolean {
  return /^[A-Za-z]{2,6}$/.test(cleanLabel(label));
}
