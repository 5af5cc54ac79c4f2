/**
 * The forms of a verb that verb-phrases.json lists by its base form: "teach" is also "teaches",
 * "teaching" and "taught" (given as "teach|taught"); "set up" is also "sets up" and "setting up".
 * Over-generated forms ("teachs") are harmless: they only ever have to match real text.
 */

/** Inflections of a verb's first word; "teach|taught" adds irregular forms. */
export function inflect(verb: string): Array<{ text: string; gerund: boolean }> {
  const [base, ...irregular] = verb.split('|').map((v) => v.trim());
  const [first, ...rest] = base.split(/\s+/);
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const w = first.toLowerCase();
  const plain = new Set<string>([w, `${w}s`, `${w}es`, `${w}ed`, ...irregular.map((i) => i.split(/\s+/)[0].toLowerCase())]);
  const gerunds = new Set<string>([`${w}ing`]);
  if (w.endsWith('e')) {
    plain.add(`${w}d`);
    gerunds.add(`${w.slice(0, -1)}ing`);
  }
  if (/[^aeiou]y$/.test(w)) {
    plain.add(`${w.slice(0, -1)}ies`);
    plain.add(`${w.slice(0, -1)}ied`);
  }
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(w)) {
    plain.add(`${w}${w.slice(-1)}ed`);
    gerunds.add(`${w}${w.slice(-1)}ing`);
  }
  return [
    ...[...plain].map((text) => ({ text: text + tail, gerund: false })),
    ...[...gerunds].map((text) => ({ text: text + tail, gerund: true })),
  ];
}

