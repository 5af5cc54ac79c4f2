import type { Tone } from '../../../contracts/generations/content';

/**
 * The fixed words of a cover letter, per tone. They name no skill, employer, number or date:
 * every fact comes from the profile (or, in the opening, the job's title and company).
 */
export interface Wording {
  greeting: string;
  opening: (title: string, company: string) => string;
  /** Who the writer is now: the most recent role, from the profile. */
  currently: (role: string, employer: string, current: boolean) => string;
  /** The sentence that ties a profile entry to a skill the job asks for. */
  experience: (role: string, employer: string, skill: string, current: boolean) => string;
  project: (name: string, skill: string) => string;
  closing: string[];
  signOff: string;
}

export const WORDING: Record<Tone, Wording> = {
  professional: {
    greeting: 'Dear Hiring Manager,',
    opening: (title, company) => `I am writing to apply for the ${title} position at ${company}.`,
    currently: (role, employer, current) => (current ? `I currently work as ${role} at ${employer}.` : `Most recently, I worked as ${role} at ${employer}.`),
    experience: (role, employer, skill, current) =>
      `As ${role} at ${employer}, I ${current ? 'apply' : 'applied'} ${skill} in my daily work.`,
    project: (name, skill) => `In my project ${name}, I used ${skill}.`,
    closing: ['I would welcome the opportunity to discuss how my experience fits this role.', 'Thank you for your consideration.'],
    signOff: 'Sincerely,',
  },
  enthusiastic: {
    greeting: 'Hello there!',
    opening: (title, company) => `I am thrilled to apply for the ${title} role at ${company}!`,
    currently: (role, employer, current) => (current ? `Right now I am ${role} at ${employer}, and I love it.` : `Most recently I was ${role} at ${employer}, and I loved it.`),
    experience: (role, employer, skill, current) =>
      `As ${role} at ${employer}, I ${current ? 'love putting' : 'loved putting'} ${skill} to work!`,
    project: (name, skill) => `I had a great time building ${name} with ${skill}!`,
    closing: ['I would be delighted to talk about this role.', 'Thank you so much for reading!'],
    signOff: 'With excitement,',
  },
  conversational: {
    greeting: 'Hi there,',
    opening: (title, company) => `I'd love to join ${company} as your next ${title}.`,
    currently: (role, employer, current) => (current ? `These days I'm ${role} at ${employer}.` : `Until recently I was ${role} at ${employer}.`),
    experience: (role, employer, skill, current) =>
      `At ${employer}, where I ${current ? 'work' : 'worked'} as ${role}, ${skill} ${current ? 'is' : 'was'} part of my everyday toolbox.`,
    project: (name, skill) => `On the side, I built ${name}, and ${skill} was at the heart of it.`,
    closing: ["I'd be happy to chat about the role whenever it suits you.", 'Thanks for your time.'],
    signOff: 'Best,',
  },
};
