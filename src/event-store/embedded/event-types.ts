/** An event whose type the index does not know (its record was checked at open, not decoded). */
export const UNKNOWN_TYPE = 0xffffffff;

/**
 * Each event's type by global index, as the event index keeps it (ADR 0003): every type name
 * once, and per event its position in that list, or UNKNOWN_TYPE until the event is read.
 */
export class EventTypes {
  private readonly ordinals: number[] = [];
  private readonly names: string[] = [];
  private readonly byName = new Map<string, number>();
  private readonly taken = new WeakMap<ReadonlySet<string>, boolean[]>();

  /** Adds `count` events: of `types` when known, else unknown. */
  push(count: number, types?: readonly string[]): void {
    for (let i = 0; i < count; i++) this.ordinals.push(types ? this.ordinalOf(types[i]!) : UNKNOWN_TYPE);
  }

  /** Takes the types saved with an index (`saved()`) into one that knows none yet: an ordinal naming no type is unknown. */
  restore(names: readonly string[], ordinals: Uint32Array): void {
    names.forEach((name, ordinal) => {
      this.names.push(name);
      if (!this.byName.has(name)) this.byName.set(name, ordinal);
    });
    for (let i = 0; i < ordinals.length; i++) this.ordinals[i] = ordinals[i]! < names.length ? ordinals[i]! : UNKNOWN_TYPE;
  }

  /** Learns the types of decoded events from `first` on; returns the first one that disagrees with a known type, if any. */
  learn(first: number, types: readonly string[]): { event: number; known: string; decoded: string } | null {
    for (let i = 0; i < types.length; i++) {
      const known = this.ordinals[first + i]!;
      if (known === UNKNOWN_TYPE) this.ordinals[first + i] = this.ordinalOf(types[i]!);
      else if (this.names[known] !== types[i]) return { event: first + i, known: this.names[known]!, decoded: types[i]! };
    }
    return null;
  }

  /** The first event in `[from, to)` whose type may be one of `types` (`taken`) or is known not to be (`!taken`), or `to`. */
  first(from: number, to: number, types: ReadonlySet<string>, taken: boolean): number {
    const takes = this.takes(types);
    for (let i = from; i < to; i++) {
      const ordinal = this.ordinals[i]!;
      if ((ordinal === UNKNOWN_TYPE || takes[ordinal]!) === taken) return i;
    }
    return to;
  }

  /** Per type ordinal, whether it is one of `types`: kept per set (a subscription asks with the same one every time), grown as types appear. */
  private takes(types: ReadonlySet<string>): boolean[] {
    let takes = this.taken.get(types);
    if (!takes) this.taken.set(types, (takes = []));
    for (let ordinal = takes.length; ordinal < this.names.length; ordinal++) takes.push(types.has(this.names[ordinal]!));
    return takes;
  }

  saved(): { types: string[]; eventTypes: Uint32Array } {
    return { types: [...this.names], eventTypes: Uint32Array.from(this.ordinals) };
  }

  private ordinalOf(type: string): number {
    let ordinal = this.byName.get(type);
    if (ordinal === undefined) {
      ordinal = this.names.push(type) - 1;
      this.byName.set(type, ordinal);
    }
    return ordinal;
  }
}
