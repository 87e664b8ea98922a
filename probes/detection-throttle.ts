/**
 * Provider-wide detection reads every connection of a provider, so it runs at most once
 * per interval per provider. A request inside the interval is not dropped: it runs when
 * the interval ends, so the last results of a burst are always evaluated. A check that
 * changed state is evaluated at once.
 */
export class DetectionThrottle {
  private readonly lastRunAt = new Map<number, number>();
  private readonly pending = new Map<number, NodeJS.Timeout>();

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number,
    private readonly evaluate: (providerId: number) => void,
  ) {}

  request(providerId: number, urgent: boolean): void {
    const sinceLastMs = this.now() - (this.lastRunAt.get(providerId) ?? Number.NEGATIVE_INFINITY);
    if (urgent || sinceLastMs >= this.intervalMs) {
      this.cancel(providerId);
      this.run(providerId);
      return;
    }
    if (this.pending.has(providerId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(providerId);
      this.run(providerId);
    }, this.intervalMs - sinceLastMs);
    timer.unref();
    this.pending.set(providerId, timer);
  }

  stop(): void {
    for (const id of [...this.pending.keys()]) this.cancel(id);
  }

  private cancel(providerId: number): void {
    const timer = this.pending.get(providerId);
    if (timer) clearTimeout(timer);
    this.pending.delete(providerId);
  }

  private run(providerId: number): void {
    this.lastRunAt.set(providerId, this.now());
    this.evaluate(providerId);
  }
}
