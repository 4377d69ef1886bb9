import { fileURLToPath } from 'node:url';

// This file sits one level below the package root both as source (src/) and bundled (dist/),
// so the same relative URL finds the templates in the repo and in the published package.
/** The `templates/` directory shipped with the CLI. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../templates', import.meta.url));
