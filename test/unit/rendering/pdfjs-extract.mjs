// Reads a PDF on stdin and prints {pages, info} as JSON: the text of each page and the info
// dictionary, as pdf.js (through unpdf) extracts them. A separate process because pdf.js is an
// ES module that jest's CommonJS runtime cannot import.
import { extractText, getDocumentProxy, getMeta } from 'unpdf';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const proxy = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
const { text } = await extractText(proxy, { mergePages: false });
const { info } = await getMeta(proxy);
// Per page: its size in points and the lowest and highest baseline of any text on it.
const layout = [];
for (let n = 1; n <= proxy.numPages; n++) {
  const page = await proxy.getPage(n);
  const ys = (await page.getTextContent()).items.filter((i) => i.str.trim() !== '').map((i) => i.transform[5]);
  const [, , width, height] = page.view;
  layout.push({ width, height, lowestBaseline: Math.min(...ys), highestBaseline: Math.max(...ys) });
}
process.stdout.write(JSON.stringify({ pages: text, info, layout }));
