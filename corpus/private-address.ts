// Which IP addresses a download may not reach unless the operator allows it (--allow-private-hosts):
// loopback, private networks, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
// "this network", multicast and reserved ranges, IPv6 unique-local and link-local, and the IPv4
// forms of these inside IPv6 (::ffff:127.0.0.1, ::127.0.0.1, 64:ff9b::/96).
import { isIP } from 'node:net';

/** [first octets, prefix length] */
const V4_BLOCKED: readonly [number[], number, string][] = [
  [[0], 8, '"this network" (0.0.0.0/8)'],
  [[10], 8, 'private (10.0.0.0/8)'],
  [[100, 64], 10, 'carrier-grade NAT (100.64.0.0/10)'],
  [[127], 8, 'loopback (127.0.0.0/8)'],
  [[169, 254], 16, 'link-local (169.254.0.0/16, cloud metadata)'],
  [[172, 16], 12, 'private (172.16.0.0/12)'],
  [[192, 0, 0], 24, 'IETF protocol assignments (192.0.0.0/24)'],
  [[192, 168], 16, 'private (192.168.0.0/16)'],
  [[198, 18], 15, 'benchmarking (198.18.0.0/15)'],
  [[224], 4, 'multicast (224.0.0.0/4)'],
  [[240], 4, 'reserved (240.0.0.0/4)'],
];

function v4Number(parts: number[]): number {
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

function blockedV4(a: string): string | undefined {
  const parts = a.split('.').map(Number);
  const n = v4Number(parts);
  for (const [net, len, what] of V4_BLOCKED) {
    const base = v4Number([...net, 0, 0, 0, 0].slice(0, 4));
    const mask = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
    if (((n & mask) >>> 0) === ((base & mask) >>> 0)) return what;
  }
  return undefined;
}

/** An IPv6 address as eight 16-bit groups (an embedded dotted IPv4 tail becomes two groups). */
function v6Groups(a: string): number[] {
  let s = a.toLowerCase().replace(/%.*$/, '');
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (tail) {
    const p = tail[1]!.split('.').map(Number);
    s = s.slice(0, -tail[1]!.length) + `${((p[0]! << 8) | p[1]!).toString(16)}:${((p[2]! << 8) | p[3]!).toString(16)}`;
  }
  const [head, rest] = s.includes('::') ? s.split('::') as [string, string] : [s, undefined];
  const h = head ? head.split(':') : [];
  const r = rest !== undefined && rest !== '' ? rest.split(':') : [];
  const fill = rest !== undefined ? Array<string>(8 - h.length - r.length).fill('0') : [];
  return [...h, ...fill, ...r].map((g) => parseInt(g || '0', 16));
}

function blockedV6(a: string): string | undefined {
  const g = v6Groups(a);
  const v4 = (hi: number, lo: number): string => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (g.every((x) => x === 0)) return 'unspecified (::)';
  if (zeros(7) && g[7] === 1) return 'loopback (::1)';
  // IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d: the IPv4 address decides
  if ((zeros(5) && g[5] === 0xffff) || zeros(6) || (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))) {
    const inner = blockedV4(v4(g[6]!, g[7]!));
    return inner ? `${inner}, as IPv6` : undefined;
  }
  if ((g[0]! & 0xfe00) === 0xfc00) return 'unique-local (fc00::/7)';
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local (fe80::/10)';
  if ((g[0]! & 0xffc0) === 0xfec0) return 'site-local (fec0::/10)';
  if ((g[0]! & 0xff00) === 0xff00) return 'multicast (ff00::/8)';
  return undefined;
}

/** Why a download may not connect to `address` (an IP literal), or undefined when it may. */
export function privateAddress(address: string): string | undefined {
  const a = address.replace(/^\[|\]$/g, '');
  const v = isIP(a);
  if (v === 4) return blockedV4(a);
  if (v === 6) return blockedV6(a);
  return undefined;
}
