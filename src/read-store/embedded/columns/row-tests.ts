import { Filter } from '../../port';
import { Column } from './column';

export type RowTest = (row: number) => boolean;

const RANGES = ['$gt', '$gte', '$lt', '$lte'] as const;

/**
 * Tests on the columns themselves, without building the row's document, drawn from the clauses
 * every match must meet (top level and `$and`; fields without dots): equality, `$eq`, `$in`,
 * `$exists` and ranges on strings, numbers, booleans and null. Each test is true of every row
 * that meets its clause (it may let others through), so the caller still applies the whole
 * filter to the rows they pass: the answers are the filter's, only fewer documents are built.
 */
export function rowTests(filter: Filter, columnOf: (field: string) => Column | undefined): RowTest[] {
  const tests: RowTest[] = [];
  const visit = (clauses: Filter) => {
    for (const [key, condition] of Object.entries(clauses)) {
      if (key === '$and' && Array.isArray(condition)) {
        for (const inner of condition) if (isPlainObject(inner)) visit(inner);
        continue;
      }
      if (key.startsWith('$') || key.includes('.')) continue;
      const column = columnOf(key);
      if (column) tests.push(...clauseTests(column, condition));
    }
  };
  visit(filter);
  return tests;
}

function clauseTests(column: Column, condition: unknown): RowTest[] {
  if (isScalar(condition)) return [column.equalTo(condition)];
  if (!isPlainObject(condition) || !Object.keys(condition).every((key) => key.startsWith('$'))) return [];
  const tests: RowTest[] = [];
  const tags = column.tags;
  if (isScalar(condition.$eq)) tests.push(column.equalTo(condition.$eq));
  if (Array.isArray(condition.$in) && condition.$in.every(isScalar)) {
    const any = (condition.$in as Scalar[]).map((value) => column.equalTo(value));
    tests.push((row) => any.some((test) => test(row)));
  }
  if (condition.$exists === false) tests.push((row) => tags[row] === 0);
  if (condition.$exists === true) tests.push((row) => tags[row] !== 0);
  for (const op of RANGES) {
    const bound = condition[op];
    if (typeof bound === 'string' || typeof bound === 'number') tests.push(column.inRange(op, bound));
  }
  return tests;
}

type Scalar = string | number | boolean | null;

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}
