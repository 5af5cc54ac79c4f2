'use strict';
/*
 * Entry point of the EventStoreDB test server process (a test fixture; see main.ts for the
 * arguments). Plain CommonJS that compiles the server's TypeScript (and the embedded log code it
 * reuses from src/) in memory with the project's own `typescript`, so it runs without a build,
 * e.g. from scripts/infra/up.sh before `npm test` has built anything.
 */
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  sourceMap: false,
};
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { fileName: filename, compilerOptions });
  module._compile(outputText, filename);
};
require(path.join(__dirname, 'main.ts'));
