import type { en } from './en';

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };

/** The `{name}` placeholders of a message, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** Of two dictionaries with the same keys, the keys whose messages' placeholders differ. */
export type PlaceholderMismatch<
  A extends Record<K, string>,
  B extends Record<K, string>,
  K extends keyof A & keyof B,
> = {
  [P in K]: [Placeholders<A[P]>] extends [Placeholders<B[P]>]
    ? [Placeholders<B[P]>] extends [Placeholders<A[P]>]
      ? never
      : P
    : P;
}[K];

/** Compiles only when `T` is `never`. */
export type ExpectNone<T extends never> = T;
