import { tokenize } from '../../../../src/keywords/analysis/tokenizer';

const texts = (input: string) => tokenize(input).map((t) => t.text);

describe('tokenize', () => {
  it('given technical names with symbols, when tokenized, then each stays one token', () => {
    expect(texts('C++, C#, F#, .NET, ASP.NET, Node.js and R&D')).toEqual(['C++', 'C#', 'F#', '.NET', 'ASP.NET', 'Node.js', 'and', 'R&D']);
  });

  it('given slashed and hyphenated names, when tokenized, then their parts are tokens joined by a slash or hyphen gap', () => {
    const tokens = tokenize('CI/CD for Objective-C');
    expect(tokens.map((t) => [t.text, t.gapBefore])).toEqual([
      ['CI', 'stop'], ['CD', 'slash'], ['for', 'space'], ['Objective', 'space'], ['C', 'hyphen'],
    ]);
  });

  it('given a sentence, when tokenized, then offsets point back into the text', () => {
    const text = 'We use Postgres. Also k8s.';
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('given spellings that differ only in dots, case or plural, when tokenized, then their keys are equal', () => {
    const key = (word: string) => tokenize(word)[0].key;
    expect(key('React.js')).toBe(key('ReactJS'));
    expect(key('APIs')).toBe(key('api'));
    expect(key("Master's")).toBe(key('masters'));
    expect(key('.NET')).not.toBe(key('net'));
  });

  it('given names that contain a shorter skill, when tokenized, then the longer word is never split', () => {
    expect(texts('Google JavaScript')).toEqual(['Google', 'JavaScript']);
  });

  it('given punctuation between words, when tokenized, then list and sentence breaks are told apart', () => {
    const gaps = tokenize('Go, Rust. Java e.g. Kotlin').map((t) => t.gapBefore);
    expect(gaps).toEqual(['stop', 'list', 'stop', 'space', 'space']);
  });
});
