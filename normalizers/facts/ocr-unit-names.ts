// Units' names in an OCR'd table (收入总表 by unit: 无锡市人力资源和社会保嘉局, 无锡市人力资源和社会
// 保商综合服务中心) put right by the name of the department that publishes the document (issuer.ts,
// read from its cover and its labels, most often in large print): a row label whose first
// characters are the issuer's name (its last word, 局, 委员会 …, read as printed), or its name
// without that word, but for one character in eight (eight characters at least, the same length)
// takes them as the issuer prints them. No vocabulary of units exists; this is the one name a
// document prints for sure.
import { editDistance } from '../taxonomy/text.js';

/** the last word of an organisation's name */
const ORG_END = /(?:委员会|办公室|办公厅|办事处|局|委|厅|院|中心|署|办|处)$/;
/** what may follow it in brackets */
const PART = /[（(][^（）()]*[）)]$/;

/** `label` with its first characters put right by the issuer's name, or undefined when they are
 *  its name as printed, or not within a misreading of it. The name's last word (局, 委员会 …) must
 *  be read as printed: 苏州市交通运输应急指挥中心 is a unit of 苏州市交通运输局, not a misreading of it. */
export function withIssuerName(label: string, issuer: string): string | undefined {
  const name = issuer.replace(PART, '');
  const end = ORG_END.exec(name)?.[0] ?? '';
  const core = name.slice(0, name.length - end.length);
  const chars = Array.from(label);
  const coreLen = Array.from(core).length;
  const endLen = Array.from(end).length;
  // the whole name, its last word as printed
  const whole = chars.slice(0, coreLen + endLen).join('');
  if (end && chars.length >= coreLen + endLen && whole.endsWith(end)) {
    if (whole === name) return undefined;
    if (editDistance(chars.slice(0, coreLen).join(''), core) <= Math.floor((coreLen + endLen) / 8)) return name + chars.slice(coreLen + endLen).join('');
  }
  // the name without its last word, a unit's name going on after it (…社会保障综合服务中心)
  const most = Math.floor(coreLen / 8);
  if (!most || chars.length < coreLen) return undefined;
  const head = chars.slice(0, coreLen).join('');
  return head !== core && editDistance(head, core) <= most ? core + chars.slice(coreLen).join('') : undefined;
}
