/**
 * A bounded, least-recently-used set of event ids a consumer handled, to skip immediate
 * duplicates (redelivery after a rebalance or a lost commit). It is an optimisation only:
 * it forgets on restart, so handlers must still be idempotent by event id.
 */
export class RecentIds {
  private readonly ids = new Map<string, true>();

  constructor(private readonly capacity: number) {}

  has(id: string): boolean {
    if (!this.ids.has(id)) return false;
    this.ids.delete(id);
    this.ids.set(id, true);
    return true;
  }

  add(id: string): void {
    this.ids.delete(id);
    this.ids.set(id, true);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.keys().next().value as string);
  }
}
