import type { GenerationInput, ResumeContent, SectionKind } from '../../../contracts/generations/content';
import { DraftItem, DraftSection, fitToLength, toResumeContent } from '../draft';
import { LAYOUTS, sectionOrder } from '../layout';
import { relevanceFor } from '../relevance';
import { settingsOf } from '../settings';
import type { ResumeContext } from './context';
import { educationItems } from './education';
import { experienceItems } from './experience';
import { headerItems } from './header';
import { projectItems } from './projects';
import { certificationItems, languageItems, skillItems } from './skills';
import { summaryItems } from './summary';

const BUILDERS: Record<SectionKind, (ctx: ResumeContext) => DraftItem[]> = {
  header: headerItems,
  summary: summaryItems,
  experience: experienceItems,
  education: educationItems,
  projects: projectItems,
  skills: skillItems,
  certifications: certificationItems,
  languages: languageItems,
};

/**
 * The deterministic resume writer: the profile's own facts, chosen and ordered for the job,
 * laid out by the template and cut to length by dropping the least relevant lines and items.
 */
export function writeResume(input: GenerationInput): ResumeContent {
  const settings = settingsOf(input);
  const layout = LAYOUTS[input.options.template];
  const ctx: ResumeContext = { input, settings, relevance: relevanceFor(input, settings), layout };
  const sections: DraftSection[] = sectionOrder(layout, settings.reorder).map((kind) => ({
    kind,
    heading: layout.headings[kind],
    items: BUILDERS[kind](ctx),
  }));
  return toResumeContent(input.options.template, fitToLength(sections, settings.maxLength));
}
