/** Text conversion, validation, template and import for job postings (API-2 tools). */
export { convertText } from './convert';
export { fromImportDocument } from './import';
export { JsonResumeJob } from './json-resume';
export { readSalary, type SalaryReading } from './salary';
export { jobTemplate } from './template';
export { validateJob } from './validate';
