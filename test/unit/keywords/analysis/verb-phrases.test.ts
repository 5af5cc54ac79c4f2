import { extractSkills } from '../../../../src/keywords/analysis/extract-skills';
import { buildTaxonomy } from '../../../../src/keywords/analysis/taxonomy';
import { inflect } from '../../../../src/keywords/analysis/verb-phrases';

const skills = (text: string) => extractSkills(text).map((s) => s.skill);

describe('extractSkills: requirements written as verbs', () => {
  it.each([
    ['Teach patients and caregivers how to manage their medications at home', ['Patient Education', 'Medication Administration']],
    ['Reconcile vendor statements to the general ledger and prepare journal entries', ['Account Reconciliation', 'General Ledger', 'Journal Entries']],
    ['Hire, train and coach a team of 15 associates', ['Recruiting', 'Training and Development', 'Coaching']],
    ['Assess laboring patients and give medications per protocol', ['Patient Assessment', 'Medication Administration']],
    ['Find and win new accounts while growing existing accounts', ['Prospecting', 'Account Management']],
    ['Call customers about past-due balances', ['Collections']],
    ['Dispatch 40 drivers and track every load from pickup to delivery', ['Dispatching', 'Shipment Tracking']],
    ['Plan and teach daily lessons aligned to state standards', ['Lesson Planning', 'Standards-Based Instruction']],
    ['Draft discovery requests and summarize depositions', ['Legal Drafting', 'Discovery', 'Deposition Summaries']],
  ])('given "%s", when extracted, then it names %j', (text, expected) => {
    expect(skills(text)).toEqual(expected);
  });

  it('given an -ing form after a noun, when extracted, then it is still read as the verb', () => {
    expect(skills('3+ years designing mechanical assemblies for production')).toEqual(['Mechanical Design']);
    expect(skills('Experience teaching first-year composition')).toEqual(['Writing Instruction']);
  });

  it('given a verb that alone names a broader skill, when its object makes it specific, then only the specific skill is named', () => {
    expect(skills('Troubleshoot circuits with a multimeter')).toEqual(['Electrical Troubleshooting', 'Multimeter']);
    expect(skills('Negotiate pricing agreements with hospital purchasing')).toEqual(['Contract Negotiation', 'Procurement']);
  });

  it('given the same word used as a noun, when extracted, then it is not read as the verb', () => {
    expect(skills('Monitor SPC charts and stop the line when a process drifts')).toEqual(['Statistical Process Control']);
    expect(skills('The chart of accounts has 400 lines')).not.toContain('Clinical Documentation');
  });

  it('given the object in the next sentence or too many words away, when extracted, then the verb names nothing', () => {
    expect(skills('You will teach. Patients come first.')).toEqual([]);
    expect(skills('Teach the new and very large and busy evening cohort of patients')).toEqual([]);
  });

  it('given a phrase that repeats an alias, when extracted, then the skill is mentioned once there', () => {
    const [screening] = extractSkills('Screen applicants by phone');
    expect([screening.skill, screening.offsets.length]).toEqual(['Candidate Screening', 1]);
  });
});

describe('inflect', () => {
  it('given a regular verb, when inflected, then the third person, past and -ing forms are there', () => {
    const forms = inflect('plan').map((f) => f.text);
    expect(forms).toEqual(expect.arrayContaining(['plan', 'plans', 'planned', 'planning']));
    expect(inflect('plan').filter((f) => f.gerund).map((f) => f.text)).toEqual(expect.arrayContaining(['planning']));
  });

  it('given an irregular form and a particle, when inflected, then both are kept', () => {
    expect(inflect('teach|taught').map((f) => f.text)).toEqual(expect.arrayContaining(['teach', 'teaches', 'teaching', 'taught']));
    expect(inflect('set up').map((f) => f.text)).toEqual(expect.arrayContaining(['set up', 'sets up', 'setting up']));
  });
});

describe('buildTaxonomy: verb phrases', () => {
  const files = [{ skills: [{ name: 'Patient Education', category: 'healthcare', aliases: [] }] }];

  it('given a verb phrase for a skill the taxonomy lacks, when built, then it throws naming the skill', () => {
    const phrases = { phrases: [{ skill: 'Knitting', verbs: ['knit'], objects: ['scarf'] }] };
    expect(() => buildTaxonomy(files, undefined, phrases)).toThrow(/unknown skill "Knitting"/);
  });

  it('given a custom verb phrase, when text uses it, then its skill is found', () => {
    const taxonomy = buildTaxonomy(files, undefined, { phrases: [{ skill: 'Patient Education', verbs: ['teach|taught'], objects: ['patient'] }] });
    expect(extractSkills('Taught patients about insulin', taxonomy).map((s) => s.skill)).toEqual(['Patient Education']);
  });
});
