/**
 * The name this CLI is published under. `create-backend` on npm is another project; this name
 * keeps the `npm create <x>` convention (`npm create backend-stack@latest`), and the command it
 * installs is still `create-backend`. Whatever a user types to run the CLI is built from it.
 */
export const PACKAGE_NAME = 'create-backend-stack';

/** The command the package installs (its `bin`). */
export const COMMAND_NAME = 'create-backend';

/** How a user runs the CLI without installing it: in docs, help and messages. */
export const RUN_COMMAND = `npx ${PACKAGE_NAME}`;

/** The same through `npm create`, which adds the `create-` prefix itself. */
export const NPM_CREATE_COMMAND = `npm create ${PACKAGE_NAME.replace(/^create-/, '')}@latest`;
