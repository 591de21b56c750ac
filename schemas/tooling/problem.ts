/** A failed check: what it is about (schema file, topic, generated file) and why. */
export interface Problem {
  readonly about: string;
  readonly reason: string;
}
