/**
 * A YAML rendering of JSON data, enough for the generated AsyncAPI document: block mappings and
 * sequences, strings double-quoted as JSON writes them (a valid YAML double-quoted scalar)
 * unless they are plain words, multi-line text as literal blocks. Deterministic: the output
 * only depends on the value, so a test can compare it with the committed file.
 */
export function toYaml(value: unknown): string {
  return `${lines(value, 0).join('\n')}\n`;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function lines(value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const json = value as Json;
  if (Array.isArray(json)) {
    if (json.length === 0) return [`${pad}[]`];
    return json.flatMap((item) => entry(`${pad}- `, item, indent + 2));
  }
  if (json !== null && typeof json === 'object') {
    const keys = Object.keys(json);
    if (keys.length === 0) return [`${pad}{}`];
    return keys.flatMap((key) => entry(`${pad}${scalar(key)}:`, json[key], indent + 2, true));
  }
  return [`${pad}${scalar(json)}`];
}

/** `head` followed by the value: inline when scalar or empty, else on the following lines. */
function entry(head: string, value: Json, indent: number, isKey = false): string[] {
  const gap = isKey ? ' ' : '';
  if (typeof value === 'string' && value.includes('\n')) {
    const body = value.replace(/\n+$/, '').split('\n');
    return [`${head}${gap}|-`, ...body.map((line) => (line === '' ? '' : `${' '.repeat(indent)}${line}`))];
  }
  const nested = value !== null && typeof value === 'object' && Object.keys(value).length > 0;
  if (!nested) return [`${head}${gap}${lines(value, 0)[0]}`];
  const inner = lines(value, indent);
  if (!isKey && !Array.isArray(value)) return [`${head}${inner[0].trimStart()}`, ...inner.slice(1)];
  return [head.trimEnd(), ...inner];
}

/** Plain when YAML would read it back as the same string; JSON-quoted otherwise. */
function scalar(value: Json): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  const plain = /^[A-Za-z_][A-Za-z0-9_ .\-/()]*$/.test(value) && !/ $/.test(value) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}
