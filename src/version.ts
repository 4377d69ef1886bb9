import pkg from '../package.json' with { type: 'json' };

/** The version of this CLI, recorded in every manifest it writes. */
export const CLI_VERSION: string = pkg.version;
