/**
 * Names from the docs, recased: the one place that splits a name into words
 * and joins them again, for identifiers, operationIds and summaries alike.
 */

/** Runs of letters and digits: `staff_only-reset` → staff, only, reset. */
export function wordsOf(name: string): string[] {
  return name.split(/[^\p{L}\p{Nd}]+/u).filter((w) => w !== "");
}

export const upperFirst = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
export const lowerFirst = (word: string): string => word.charAt(0).toLowerCase() + word.slice(1);

/** `event_instance` → `EventInstance`, `check-in` → `CheckIn`; `PersonApp` stays. */
export function pascalCase(name: string): string {
  return wordsOf(name).map(upperFirst).join("");
}

/** `staff_only_reset_age_checks` → `staffOnlyResetAgeChecks`. */
export function camelCase(name: string): string {
  const [first = "", ...rest] = wordsOf(name);
  return lowerFirst(first) + rest.map(upperFirst).join("");
}

/** Words to read, spaced: `WebhookSubscription` → `Webhook Subscription`; `rotate_secret` → `rotate secret`. */
export function spacedWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_\s]+/g, " ")
    .trim();
}
