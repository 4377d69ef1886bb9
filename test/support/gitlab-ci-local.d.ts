/** GitLab's CI JSON schema, as gitlab-ci-local ships it (the package has no typings of its own). */
declare module 'gitlab-ci-local/src/schema/index.js' {
  const schema: Record<string, unknown>;
  export default schema;
}
