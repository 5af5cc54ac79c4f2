import type { SectionKind, Template } from '../../contracts/generations/content';

/**
 * What sets the three templates apart. Professional: the classic order (summary, experience,
 * education, skills). Technical: skills first, grouped by category, projects before education.
 * Creative: led by an "about me", projects right after it, friendlier headings, employer first.
 */
export interface Layout {
  order: SectionKind[];
  headings: Record<SectionKind, string>;
  /** How an experience item's title reads. */
  roleTitle: (title: string, company: string) => string;
  skillsByCategory: boolean;
}

export const LAYOUTS: Record<Template, Layout> = {
  professional: {
    order: ['header', 'summary', 'experience', 'education', 'skills', 'projects', 'certifications', 'languages'],
    headings: {
      header: 'Contact',
      summary: 'Professional Summary',
      experience: 'Professional Experience',
      education: 'Education',
      skills: 'Skills',
      projects: 'Projects',
      certifications: 'Certifications',
      languages: 'Languages',
    },
    roleTitle: (title, company) => `${title}, ${company}`,
    skillsByCategory: false,
  },
  technical: {
    order: ['header', 'skills', 'summary', 'experience', 'projects', 'education', 'certifications', 'languages'],
    headings: {
      header: 'Contact',
      summary: 'Summary',
      experience: 'Experience',
      education: 'Education',
      skills: 'Technical Skills',
      projects: 'Projects',
      certifications: 'Certifications',
      languages: 'Languages',
    },
    roleTitle: (title, company) => `${title} — ${company}`,
    skillsByCategory: true,
  },
  creative: {
    order: ['header', 'summary', 'projects', 'experience', 'skills', 'certifications', 'education', 'languages'],
    headings: {
      header: 'Hello',
      summary: 'About Me',
      experience: "Where I've Worked",
      education: 'Learning',
      skills: 'Toolkit',
      projects: 'Selected Work',
      certifications: 'Credentials',
      languages: 'Languages I Speak',
    },
    roleTitle: (title, company) => `${company} · ${title}`,
    skillsByCategory: false,
  },
};

/** The template's order with the sections the user asked for first; the header stays on top. */
export function sectionOrder(layout: Layout, reorder: SectionKind[]): SectionKind[] {
  const first = [...new Set(reorder.filter((k) => k !== 'header'))];
  return ['header', ...first, ...layout.order.filter((k) => k !== 'header' && !first.includes(k))];
}
