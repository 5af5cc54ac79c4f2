import { CoverLetterContent } from '../../../contracts/generations/content';
import { writeCoverLetter } from '../../../src/writing';
import { generationInput, IDS } from './fixtures';
import { allLines, resolve, words } from './support';

const paragraphs = (letter: CoverLetterContent, role: string) => letter.paragraphs.filter((p) => p.role === role);
const text = (letter: CoverLetterContent) => letter.paragraphs.map((p) => p.lines.map((l) => l.text).join(' ')).join('\n');

describe('writeCoverLetter', () => {
  it('given the same input twice, when written, then the letters are identical and valid', () => {
    const letter = writeCoverLetter(generationInput());
    expect(JSON.stringify(writeCoverLetter(generationInput()))).toBe(JSON.stringify(letter));
    expect(CoverLetterContent.parse(letter)).toEqual(letter);
    expect(letter.word_count).toBe(allLines(letter).reduce((n, l) => n + words(l.text), 0));
  });

  it('given a job, when written, then the paragraphs run greeting, opening, body, closing, signature', () => {
    const roles = writeCoverLetter(generationInput()).paragraphs.map((p) => p.role);
    expect(roles[0]).toBe('greeting');
    expect(roles[1]).toBe('opening');
    expect(roles.filter((r) => r === 'body').length).toBeGreaterThanOrEqual(2);
    expect(roles.filter((r) => r === 'body').length).toBeLessThanOrEqual(3);
    expect(roles.slice(-2)).toEqual(['closing', 'signature']);
  });

  it('given a job, when written, then the opening names the job title and company, sourced to the job', () => {
    const [opening] = paragraphs(writeCoverLetter(generationInput()), 'opening');
    expect(opening.lines[0].text).toContain('Senior Platform Engineer');
    expect(opening.lines[0].text).toContain('Acme Freight');
    expect(opening.lines[0].sources).toEqual([{ kind: 'job', entry_id: null, index: null }]);
  });

  it('given a job, when written, then each body paragraph names a profile entry and a skill the job asks for, as the profile spells it', () => {
    const input = generationInput();
    const asked = new Set(input.job.analysis.priority_keywords.map((k) => k.keyword));
    const spellings: Record<string, string> = { TypeScript: 'TypeScript', 'Node.js': 'Node.js', 'Apache Kafka': 'Kafka', PostgreSQL: 'PostgreSQL', Kubernetes: 'Kubernetes', Redis: 'Redis' };
    for (const body of paragraphs(writeCoverLetter(input), 'body')) {
      const [claim] = body.lines;
      const entry = claim.sources.find((s) => s.kind === 'experience' || s.kind === 'project')!;
      const named = resolve(entry, input.profile) as { company?: string; name?: string };
      expect(claim.text).toContain(named.company ?? named.name);
      const skill = claim.sources.find((s) => s.kind === 'skill')!;
      const profileSpelling = resolve(skill, input.profile) as string;
      expect(claim.text).toContain(profileSpelling);
      const canonical = Object.keys(spellings).find((k) => spellings[k] === profileSpelling)!;
      expect(asked.has(canonical)).toBe(true);
    }
  });

  it('given a letter, when written, then every line has sources that resolve', () => {
    const input = generationInput();
    for (const line of allLines(writeCoverLetter(input))) {
      expect(line.sources.length).toBeGreaterThan(0);
      for (const source of line.sources) expect(resolve(source, input.profile)).toBeDefined();
    }
  });

  it('given a signature, when written, then it ends with the person\'s name', () => {
    const [signature] = paragraphs(writeCoverLetter(generationInput()), 'signature');
    expect(signature.lines[signature.lines.length - 1].text).toBe('Ada Example');
  });

  it('given the three tones, when written, then the wording differs visibly and the tone is recorded', () => {
    const letters = (['professional', 'enthusiastic', 'conversational'] as const).map((tone) => writeCoverLetter(generationInput({}, { tone })));
    expect(letters.map((l) => l.tone)).toEqual(['professional', 'enthusiastic', 'conversational']);
    expect(new Set(letters.map((l) => paragraphs(l, 'opening')[0].lines[0].text)).size).toBe(3);
    expect(new Set(letters.map((l) => paragraphs(l, 'closing')[0].lines[0].text)).size).toBe(3);
    expect(text(letters[1])).toContain('!');
  });

  it('given feedback with a tone, when written, then it overrides the options', () => {
    const letter = writeCoverLetter(generationInput({ feedback: { emphasise: [], drop: [], reorder: [], tone: 'conversational', length: null } }));
    expect(letter.tone).toBe('conversational');
  });

  it('given a dropped entry, when written, then no paragraph draws on it', () => {
    const letter = writeCoverLetter(generationInput({ feedback: { emphasise: [], drop: [IDS.northwind], reorder: [], tone: null, length: null } }));
    expect(allLines(letter).flatMap((l) => l.sources).some((s) => s.entry_id === IDS.northwind)).toBe(false);
  });

  it('given a small cover_letter_max_length, when written, then the letter fits and keeps one body paragraph at least', () => {
    const full = writeCoverLetter(generationInput());
    const short = writeCoverLetter(generationInput({}, { cover_letter_max_length: 100 }));
    expect(full.word_count).toBeGreaterThan(100);
    expect(short.word_count).toBeLessThanOrEqual(100);
    expect(paragraphs(short, 'body').length).toBeGreaterThanOrEqual(1);
  });
});
