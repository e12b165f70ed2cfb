// A per-host rate limit: request starts to one host are at least `minIntervalMs` apart.
export class HostRateLimiter {
  private next = new Map<string, number>();
  constructor(private minIntervalMs: number) {}

  /** resolves when a request to `host` may start */
  async wait(host: string): Promise<void> {
    if (this.minIntervalMs <= 0) return;
    const now = Date.now();
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + this.minIntervalMs);
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  }
}
