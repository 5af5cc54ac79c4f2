/** Positions are global sequence numbers (1, 2, ...) zero-padded so string order is numeric order. */
const WIDTH = 16;

export function formatPosition(sequence: number): string {
  return String(sequence).padStart(WIDTH, '0');
}
