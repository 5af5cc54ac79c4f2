declare module 'swagger-ui-dist' {
  /** Folder holding the Swagger UI assets (swagger-ui-bundle.js, swagger-ui.css, …). */
  export function getAbsoluteFSPath(): string;
}
