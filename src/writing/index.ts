/**
 * The writing engine: a deterministic resume and cover-letter writer that uses only the
 * profile's own facts, and a fabrication checker (with its repair) for any writer's output,
 * LLM-written included. Pure: it imports only `contracts/` and the keyword engine; the same input
 * gives byte-identical output.
 */
export { writeResume } from './resume/write-resume';
export { writeCoverLetter } from './cover-letter/write-cover-letter';
export { checkFabrication } from './fabrication/check';
export { repair } from './fabrication/repair';
export { countWords } from './text';
