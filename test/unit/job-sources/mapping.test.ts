import { mapGreenhouseJob } from '../../../src/job-sources/greenhouse';
import { htmlToText, listItems } from '../../../src/job-sources/html';
import { mapLeverPosting } from '../../../src/job-sources/lever';
import { greenhouseJobs, leverPostings } from '../../support/job-board-server';

/** Odd postings are skipped (null), never thrown on; long ones are cut to the job contract's bounds. */
const ODD_VALUES: unknown[] = [null, undefined, 0, 'text', [], {}, { id: {} }, { id: 1, title: 42, content: [] }, { id: 'x', text: 'T', descriptionPlain: '   ' }];

describe('posting mapping', () => {
  it('maps nothing, without throwing, from values that are not postings', () => {
    for (const value of ODD_VALUES) {
      expect(mapGreenhouseJob(value, 'Acme')).toBeNull();
      expect(mapLeverPosting(value, 'Acme')).toBeNull();
    }
  });

  it('survives every field of a real posting replaced by an odd value: a posting or null, never an exception', () => {
    const greenhouse = greenhouseJobs().jobs[0];
    const lever = leverPostings()[0];
    for (const [raw, map] of [[greenhouse, mapGreenhouseJob], [lever, mapLeverPosting]] as const) {
      for (const key of Object.keys(raw)) {
        for (const odd of ODD_VALUES) {
          expect(() => map({ ...raw, [key]: odd }, 'Acme')).not.toThrow();
        }
      }
    }
  });

  it('cuts an over-long title, description and list to the job contract’s bounds instead of skipping the posting', () => {
    const lever = leverPostings()[0];
    const items = Array.from({ length: 150 }, (_, i) => `<li>Requirement ${i} ${'x'.repeat(1200)}</li>`).join('');
    const posting = mapLeverPosting({ ...lever, text: 'T'.repeat(300), descriptionPlain: 'word '.repeat(5000), lists: [{ text: 'Requirements', content: items }] }, 'Acme');
    expect(posting).not.toBeNull();
    expect([...posting!.content.title].length).toBeLessThanOrEqual(200);
    expect([...posting!.content.description].length).toBeLessThanOrEqual(20_000);
    expect(posting!.content.requirements).toHaveLength(100);
    expect(Math.max(...posting!.content.requirements.map((r) => [...r].length))).toBeLessThanOrEqual(1000);
  });

  it('takes a Greenhouse job’s location from its first office when the job names none', () => {
    const raw = { ...greenhouseJobs().jobs[0], location: null, offices: [{ id: 1, name: 'Munich', location: 'Munich, Germany' }] };
    expect(mapGreenhouseJob(raw, 'Acme')?.content.location).toBe('Munich, Germany');
    expect(mapGreenhouseJob({ ...raw, offices: [{ id: 1, name: 'Munich' }] }, 'Acme')?.content.location).toBe('Munich');
    expect(mapGreenhouseJob({ ...raw, offices: [] }, 'Acme')?.content.location).toBeNull();
  });

  it('keeps a job whose application URL is not http(s), without the URL', () => {
    const posting = mapGreenhouseJob({ ...greenhouseJobs().jobs[0], absolute_url: 'javascript:alert(1)' }, 'Acme');
    expect(posting?.content.application_url).toBeNull();
  });
});

describe('HTML to text', () => {
  it('keeps one line per block and decodes entities', () => {
    expect(htmlToText('<p>Hello&nbsp;<b>world</b> &amp; friends</p><br/><div>Next &#8211; line &#x2014; end</div>')).toBe('Hello world & friends\nNext – line — end');
  });

  it('reads list items, or the lines of a list without <li>', () => {
    expect(listItems('<li>One</li><li> Two <em>2</em></li>')).toEqual(['One', 'Two 2']);
    expect(listItems('One<br>Two')).toEqual(['One', 'Two']);
  });
});
