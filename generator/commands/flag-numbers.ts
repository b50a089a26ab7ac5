/**
 * Numbers given as flags, checked. A flag yargs reads as a number is NaN when
 * what was typed is not one; the message then says so rather than echo "NaN".
 */
import { GeneratorError } from "../diagnostics.js";

const given = (value: number): string => (Number.isNaN(value) ? "; what was given is not a number" : `, not ${value}`);

export function wholeNumberIn(flag: string, value: number, min: number, max: number): number {
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  throw new GeneratorError(`--${flag} takes a whole number from ${min} to ${max}${given(value)}`, { exitCode: 2 });
}

/** A number of `unit` more than 0 and at most `max`: a duration, fractions allowed. */
export function numberIn(flag: string, unit: string, value: number, max: number): number {
  if (value > 0 && value <= max) return value;
  throw new GeneratorError(`--${flag} takes ${unit}, more than 0 and at most ${max}${given(value)}`, { exitCode: 2 });
}
