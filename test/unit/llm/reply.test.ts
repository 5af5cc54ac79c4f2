import { z } from 'zod';
import { ResumeContent } from '../../../contracts/generations/content';
import { formatPath, readReply } from '../../../src/llm/reply';
import { validResume } from './fixtures';

describe('readReply', () => {
  it('accepts a reply that parses with the contract', () => {
    expect(readReply(JSON.stringify(validResume()), ResumeContent)).toEqual({ ok: true, value: validResume() });
  });

  it('reads the object inside a Markdown code fence', () => {
    expect(readReply(`\`\`\`json\n${JSON.stringify(validResume())}\n\`\`\``, ResumeContent)).toEqual({ ok: true, value: validResume() });
  });

  it('names a missing field by its path', () => {
    const reply = validResume() as unknown as { sections: Record<string, unknown>[] };
    delete reply.sections[0].heading;
    expect(readReply(JSON.stringify(reply), ResumeContent)).toEqual({ ok: false, problem: 'sections[0].heading is required' });
  });

  it('names unknown keys and wrong values', () => {
    const reply = { ...validResume(), extra: 1, template: 'fancy' };
    const reading = readReply(JSON.stringify(reply), ResumeContent);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.problem).toContain('the reply has unknown key "extra"');
    expect(reading.problem).toContain('template: invalid option');
  });

  it('says so when the reply is not JSON or empty', () => {
    expect(readReply('Here is your resume!', ResumeContent)).toMatchObject({ ok: false, problem: expect.stringContaining('the reply is not JSON') });
    expect(readReply('', ResumeContent)).toEqual({ ok: false, problem: 'the reply was empty' });
    expect(readReply(null, ResumeContent)).toEqual({ ok: false, problem: 'the reply was empty' });
  });

  it('names five problems and counts the rest', () => {
    const reading = readReply(JSON.stringify({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 }), z.strictObject({ a: z.string(), b: z.string(), c: z.string(), d: z.string(), e: z.string(), f: z.string(), g: z.string() }));
    expect(reading).toMatchObject({ ok: false, problem: expect.stringMatching(/; and 2 more$/) });
  });
});

describe('formatPath', () => {
  it('writes array indices in brackets', () => expect(formatPath(['sections', 0, 'items', 2, 'lines'])).toBe('sections[0].items[2].lines'));
});
