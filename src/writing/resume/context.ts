import type { GenerationInput } from '../../../contracts/generations/content';
import type { Layout } from '../layout';
import type { Relevance } from '../relevance';
import type { Settings } from '../settings';

/** What every section builder of the resume reads. */
export interface ResumeContext {
  input: GenerationInput;
  settings: Settings;
  relevance: Relevance;
  layout: Layout;
}
