import { ValidationError } from "./errors.js";

/**
 * How deeply a JSON body may nest arrays and objects: far more than any request of the API
 * needs, and little enough that code walking the parsed value recursively (a serializer, a
 * validator) cannot run out of stack on it.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether JSON text nests arrays and objects deeper than `max`, counted without parsing it. */
export function nestsDeeperThan(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === "[" || char === "{") {
      depth++;
      if (depth > max) return true;
    } else if (char === "]" || char === "}") {
      depth--;
    }
  }
  return false;
}

/** A body nested deeper than MAX_JSON_DEPTH: invalid, like any body of the wrong shape. */
export class TooDeeplyNestedError extends ValidationError {
  constructor() {
    super([{ path: "", message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels` }]);
  }
}
