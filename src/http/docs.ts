import { dirname } from 'node:path';
import express, { Express } from 'express';

/** Swagger UI served from the installed package: no CDN, works offline. */
const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>JobWise API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css" />
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>`;

/** No validator badge: it would send the document's URL to an outside service (and the CSP blocks it). */
const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null });`;

export function mountDocs(app: Express, document: () => Record<string, unknown>): void {
  app.get('/openapi.json', (_req, res) => {
    res.json(document());
  });
  app.get(['/docs', '/docs/'], (_req, res) => {
    res.type('html').send(PAGE);
  });
  app.get('/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(INIT);
  });
  // The package's directory, found without loading it: its index.js evaluates the whole 1.5 MB UI bundle (~0.4 s at start).
  app.use('/docs', express.static(dirname(require.resolve('swagger-ui-dist')), { index: false }));
}
