import { analyzeJob } from '../../../../src/keywords/analysis/analyze-job';
import { extractSkills } from '../../../../src/keywords/analysis/extract-skills';

const skills = (text: string) => extractSkills(text).map((s) => s.skill);

describe('traps: everyday verbs are not tools', () => {
  it.each([
    ['React quickly and calmly to obstetric emergencies', ['Emergency Response']],
    ["You'll excel here if you like getting the details right", []],
    ['Our clients count on us to go the extra mile', []],
    ['Every employee can express ideas at the morning meeting', []],
    ['Interviews for the fall opening take place this spring', []],
    ['Braze copper line sets', ['Brazing']],
    ['Drive a forklift, reach truck or order picker as needed', ['Forklift Operation']],
  ])('given "%s", when extracted, then it names %j', (text, expected) => {
    expect(skills(text)).toEqual(expected);
  });

  it('given the same words naming the tools, when extracted, then the tools are found', () => {
    expect(skills('Use React to build the UI')).toEqual(['React']);
    expect(skills('React and TypeScript')).toEqual(['React', 'TypeScript']);
    expect(skills('Campaigns in Braze or Klaviyo')).toEqual(['Braze', 'Klaviyo']);
  });
});

describe('traps: proper names are not skills', () => {
  it.each([
    ["You'll report to Maria Jenkins, Director of Respiratory Care", []],
    ['Please contact Dr. Jenkins with questions', []],
    ['Our Executive Chef, Daniel Rust, changes the menu with the seasons', []],
    ['You will report to Ruby Alvarez, our VP of People', []],
    ['Literature electives range from Chaucer to Kafka', []],
    ['Guests get a welcome drink at our Mocha & More cafe', []],
    ['Our clinics across Phoenix and Salem', []],
    ['A 90-bed community in Apache Junction, Arizona', []],
  ])('given "%s", when extracted, then it names %j', (text, expected) => {
    expect(skills(text)).toEqual(expected);
  });

  it('given the same names used as tools, when extracted, then the tools are found', () => {
    expect(skills('CI pipelines with GitHub Actions or Jenkins')).toEqual(['GitHub Actions', 'Jenkins']);
    expect(skills('Streaming with Kafka or Kinesis')).toEqual(['Apache Kafka', 'Amazon Kinesis']);
    expect(skills('Unit tests with Jest or Mocha')).toEqual(['Unit Testing', 'Jest', 'Mocha']);
    expect(skills('Ruby and Python')).toEqual(['Ruby', 'Python']);
  });
});

describe('traps: look-alike spellings', () => {
  it('given Canvas, when extracted, then it is the learning platform, not Canva', () => {
    expect(skills('Comfortable teaching online in Canvas')).toEqual(['Online Teaching', 'Canvas LMS']);
    expect(skills('Social graphics in Canva or Figma')).toEqual(['Canva', 'Figma']);
  });

  it('given the payroll CPP, when extracted, then it is not C++', () => {
    expect(skills('CPP or FPC certification preferred')).toEqual(['Certified Payroll Professional', 'Fundamental Payroll Certification']);
  });

  it('given production lines and plant floors, when extracted, then the skill words in their names are not skills', () => {
    expect(skills('The night shift runs two packaging lines and a baking line')).toEqual([]);
    expect(skills('Our engineers work next to the assembly floor')).toEqual([]);
  });

  it('given injection molding and inventory valuation, when extracted, then the longer skill wins over Injections and Valuation', () => {
    expect(skills('Injection molding and inventory valuation')).toEqual(['Injection Molding', 'Inventory Valuation']);
  });
});

describe('analyzeJob: a sentence about the company under a short form of its name', () => {
  it('given "Fairhaven Mutual has ..." for Fairhaven Mutual Insurance, when analyzed, then its departments are not skills', () => {
    const analysis = analyzeJob({
      title: 'Learning & Development Specialist',
      company: 'Fairhaven Mutual Insurance',
      description: 'Fairhaven Mutual has 1,100 employees in claims, underwriting and customer service.',
      requirements: ['Build e-learning in Articulate Storyline and Rise'],
    });
    expect(analysis.required_skills).not.toContain('Underwriting');
    expect(analysis.required_skills).not.toContain('Customer Service');
    expect(analysis.required_skills).toEqual(expect.arrayContaining(['E-Learning Development', 'Articulate Storyline', 'Articulate Rise']));
  });
});

describe('extractSkills: coordinated multi-word skills with a longer match', () => {
  it('given "short-circuit, coordination and arc flash studies", when extracted, then each study is named', () => {
    expect(skills('Run short-circuit, coordination and arc flash studies in ETAP')).toEqual([
      'Short Circuit Analysis', 'Protective Device Coordination', 'Arc Flash Analysis', 'ETAP',
    ]);
  });
});
