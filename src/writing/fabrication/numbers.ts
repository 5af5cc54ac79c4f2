import { CheckContext, Finding } from './context';
import { datesIn, quantitiesIn } from './quantities';

/** Numbers, percentages, amounts and dates the profile does not state. */
export function quantityFindings(text: string, { facts }: CheckContext): Finding[] {
  const dates: Finding[] = datesIn(text)
    .filter((d) => (d.month ? !facts.dates.some((f) => f.startsWith(d.month!)) : !facts.years.has(d.year)))
    .map((d) => ({ kind: 'date', text: d.raw }));
  const quantities: Finding[] = quantitiesIn(text)
    .filter((q) => {
      if (q.kind === 'percentage') return !facts.percentages.has(q.value);
      if (q.kind === 'amount') return !facts.amounts.has(q.value);
      return !facts.numbers.has(q.value) && !(q.ofYears && q.value <= facts.experienceYears);
    })
    .map((q) => ({ kind: q.kind, text: q.raw }));
  return [...dates, ...quantities];
}
