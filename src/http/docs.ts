import express, { Express } from 'express';
import { getAbsoluteFSPath } from 'swagger-ui-dist';

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
  app.use('/docs', express.static(getAbsoluteFSPath(), { index: false }));
}
