type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * `value` reduced to exactly the template's fields if it has each of them, of the same kind
 * (numbers finite, lists of numbers as long, nested objects alike); otherwise undefined. For
 * settings read back from a file or from storage, which may come from another version. Top-level
 * `optional` fields (added in a later version) may be missing; where present they must match too.
 */
export function shapedLike<T extends object>(
  value: unknown,
  template: T,
  optional: readonly (keyof T)[] = [],
): T | undefined {
  const same = (v: unknown, t: unknown): boolean =>
    Array.isArray(t)
      ? Array.isArray(v) && v.length === t.length && v.every(Number.isFinite)
      : isObject(t)
        ? isObject(v) && Object.keys(t).every((key) => same(v[key], t[key]))
        : typeof t === 'number'
          ? Number.isFinite(v)
          : typeof v === typeof t;
  if (!isObject(value)) return undefined;
  const missing = optional.filter((key) => value[key as string] === undefined) as string[];
  const required = Object.fromEntries(Object.entries(template).filter(([key]) => !missing.includes(key)));
  if (!same(value, required)) return undefined;
  const pick = (v: Json, t: object): Json =>
    Object.fromEntries(
      Object.entries(t).map(([key, sub]) => [key, isObject(sub) ? pick(v[key] as Json, sub) : v[key]]),
    );
  return pick(value, required) as T;
}
