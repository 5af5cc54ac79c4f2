/**
 * The first `k` of `items` in the order `compare` gives, ordered: what `[...items].sort(compare)
 * .slice(0, k)` gives when `compare` is a total order, without ordering the rest. A heap of the
 * best `k` so far, its worst at the top; sorting outright when `k` is not much smaller than the list.
 */
export function topK<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (k * 4 >= items.length) return [...items].sort(compare).slice(0, k);
  const heap: T[] = [];
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap, heap.length - 1, compare);
    } else if (compare(item, heap[0]!) < 0) {
      heap[0] = item;
      siftDown(heap, 0, compare);
    }
  }
  return heap.sort(compare);
}

/** `heap[0]` is the worst: every parent comes after its children in `compare`'s order. */
function siftUp<T>(heap: T[], i: number, compare: (a: T, b: T) => number): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (compare(heap[parent]!, heap[i]!) >= 0) return;
    [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
    i = parent;
  }
}

function siftDown<T>(heap: T[], i: number, compare: (a: T, b: T) => number): void {
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let worst = i;
    if (left < heap.length && compare(heap[left]!, heap[worst]!) > 0) worst = left;
    if (right < heap.length && compare(heap[right]!, heap[worst]!) > 0) worst = right;
    if (worst === i) return;
    [heap[worst], heap[i]] = [heap[i]!, heap[worst]!];
    i = worst;
  }
}
