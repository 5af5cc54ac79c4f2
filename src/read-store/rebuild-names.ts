/**
 * A projection rebuild (ADR 0012) writes a new collection beside the live one, under its own
 * checkpoint id: both are the live names with this suffix, e.g. `jobs_v2__rebuild`.
 */
export const REBUILD_SUFFIX = '__rebuild';

export const rebuildName = (name: string): string => `${name}${REBUILD_SUFFIX}`;

export const isRebuildName = (name: string): boolean => name.endsWith(REBUILD_SUFFIX);

/** The live name a rebuild's name stands beside (a live name is its own). */
export const liveName = (name: string): string => (isRebuildName(name) ? name.slice(0, -REBUILD_SUFFIX.length) : name);
