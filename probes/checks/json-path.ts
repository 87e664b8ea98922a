// The subset of JSONPath that check configurations accept (JSON_PATH_PATTERN): `$`, then
// `.field` and `[index]` steps. Enough to pin one value in a provider's status answer.

export type JsonPathLookup = { found: true; value: unknown } | { found: false };

const STEP_PATTERN = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g;

export function evaluateJsonPath(document: unknown, path: string): JsonPathLookup {
  let current: unknown = document;
  for (const [, field, index] of path.slice(1).matchAll(STEP_PATTERN)) {
    if (field !== undefined) {
      // Own properties only: `$.constructor` must not find Object's prototype.
      if (typeof current !== "object" || current === null || Array.isArray(current)) return { found: false };
      if (!Object.hasOwn(current, field)) return { found: false };
      current = (current as Record<string, unknown>)[field];
    } else {
      const position = Number(index);
      if (!Array.isArray(current) || position >= current.length) return { found: false };
      current = current[position];
    }
  }
  return { found: true, value: current };
}
