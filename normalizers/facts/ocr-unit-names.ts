// Units' names in an OCR'd table (收入总表 by unit: 无锡市人力资源和社会保嘉局, 无锡市人力资源和社会
// 保商综合服务中心) put right by the name of the department that publishes the document (issuer.ts,
// read from its cover and its labels, most often in large print): a row label whose first
// characters are the issuer's name, or its name without the last word (局, 委员会 …), but for one
// character in eight (eight characters at least, the same length) takes them as the issuer prints
// them. No vocabulary of units exists; this is the one name a document prints for sure.
import { editDistance } from '../taxonomy/text.js';

/** the last word of an organisation's name, and what may follow it in brackets */
const ORG_END = /(?:委员会|办公室|办公厅|办事处|局|委|厅|院|中心|署|办|处)$/;
const PART = /[（(][^（）()]*[）)]$/;

/** `label` with its first characters put right by the issuer's name, or undefined when they are
 *  its name as printed, or not within a misreading of it */
export function withIssuerName(label: string, issuer: string): string | undefined {
  const name = issuer.replace(PART, '');
  const stems = [name, name.replace(ORG_END, '')].filter((s, i, all) => s && all.indexOf(s) === i);
  const chars = Array.from(label);
  for (const stem of stems) {
    const n = Array.from(stem).length;
    const most = Math.floor(n / 8);
    if (!most || chars.length < n) continue;
    const head = chars.slice(0, n).join('');
    if (head === stem) return undefined;
    if (editDistance(head, stem) <= most) return stem + chars.slice(n).join('');
  }
  return undefined;
}
