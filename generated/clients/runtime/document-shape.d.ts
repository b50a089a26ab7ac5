/** The first way `body` is not a JSON:API document, or undefined; an empty answer (null) passes. */
export declare function documentProblem(body: unknown): string | undefined;
