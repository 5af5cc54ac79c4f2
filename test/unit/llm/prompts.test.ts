import { z } from 'zod';
import { CoverLetterContent, ResumeContent } from '../../../contracts/generations/content';
import { correctionMessages, coverLetterMessages, resumeMessages } from '../../../src/llm/prompts';
import { EXPERIENCE_ID, generationInput, JOB_ID } from './fixtures';

const userFacts = (content: string) => {
  const line = content.split('\n').find((l) => l.startsWith('Candidate profile: '))!;
  return JSON.parse(line.slice('Candidate profile: '.length));
};

describe('resumeMessages', () => {
  const [system, user] = resumeMessages(generationInput());

  it('tells the model to use only profile facts and to answer the contract\'s JSON Schema', () => {
    expect(system.role).toBe('system');
    expect(system.content).toContain('Use only facts stated in the candidate profile');
    expect(system.content).toContain(JSON.stringify(z.toJSONSchema(ResumeContent)));
    expect(system.content).toContain('template "technical"');
    expect(system.content).toContain('within 500 words');
  });

  it('gives every profile fact the source a line must cite', () => {
    const facts = userFacts(user.content);
    expect(facts.experiences[0].src).toEqual({ kind: 'experience', entry_id: EXPERIENCE_ID, index: null });
    expect(facts.experiences[0].achievements[1]).toEqual({ src: { kind: 'achievement', entry_id: EXPERIENCE_ID, index: 1 }, text: 'Moved 30 services to Kubernetes' });
    expect(facts.skills.map((s: { name: string; src: { entry_id: string; index: number } }) => [s.name, s.src.entry_id, s.src.index])).toEqual([
      ['Go', 'technical', 0],
      ['Kubernetes', 'technical', 1],
      ['Redis', 'technical', 2],
      ['Mentoring', 'soft', 0],
    ]);
    expect(facts.experiences[0].end_date).toBe('present');
  });

  it('names the job, its priority keywords and the options', () => {
    expect(user.content).toContain('"title":"Staff Backend Engineer","company":"Contoso Logistics"');
    expect(user.content).toContain('{"keyword":"Kubernetes","requirement":"required","weight":0.8}');
    expect(user.content).toContain('"focus_areas":["backend"]');
  });

  it('carries the feedback: its length replaces max_length', () => {
    const [sys, usr] = resumeMessages(generationInput({ feedback: { emphasise: ['Redis'], drop: [], reorder: ['skills'], tone: null, length: 300 } }));
    expect(sys.content).toContain('within 300 words');
    expect(usr.content).toContain('"feedback":{"emphasise":["Redis"],"drop":[],"section_order":["skills"]}');
  });
});

describe('coverLetterMessages', () => {
  it('asks for the tone and length of the letter, with the job as a citable source', () => {
    const [system] = coverLetterMessages(generationInput({ options: { tone: 'conversational', cover_letter_max_length: 250 } }));
    expect(system.content).toContain('conversational tone');
    expect(system.content).toContain('within 250 words');
    expect(system.content).toContain(JSON.stringify({ kind: 'job', entry_id: JOB_ID, index: null }));
    expect(system.content).toContain(JSON.stringify(z.toJSONSchema(CoverLetterContent)));
  });

  it('takes the tone from the feedback when it names one', () => {
    const [system] = coverLetterMessages(generationInput({ feedback: { emphasise: [], drop: [], reorder: [], tone: 'enthusiastic', length: null } }));
    expect(system.content).toContain('enthusiastic tone');
  });
});

describe('correctionMessages', () => {
  it('replays the reply and names its problems', () => {
    expect(correctionMessages('{"x":1}', 'template is required')).toEqual([
      { role: 'assistant', content: '{"x":1}' },
      { role: 'user', content: expect.stringContaining('does not match the required JSON Schema: template is required.') },
    ]);
  });
});
