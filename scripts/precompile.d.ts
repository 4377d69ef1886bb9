export function precompileForBundle(template: string, options: object): Promise<string>;
export function parenthesiseFunctions(spec: string): string;
