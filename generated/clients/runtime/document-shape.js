// Copied by `npm run generate` from templates/runtime/document-shape.ts. Do not edit.
/**
 * The shape of a JSON:API answer, checked before it is typed: the generated
 * types promise `Person[]`, so `{"data": "abc"}` must be an error, not a list
 * holding a string. The check is one linear pass over the resource objects
 * and names the first problem by its JSON pointer.
 */
import { isObject } from "./errors.js";
/** The first way `body` is not a JSON:API document, or undefined; an empty answer (null) passes. */
export function documentProblem(body) {
    if (body === null)
        return undefined;
    if (!isObject(body))
        return `the answer is ${kindOf(body)}, not a JSON:API document`;
    const data = body.data;
    if (Array.isArray(data)) {
        for (let i = 0; i < data.length; i++) {
            const problem = resourceProblem(data[i], `/data/${i}`);
            if (problem)
                return problem;
        }
    }
    else if (data !== null && data !== undefined) {
        const problem = resourceProblem(data, "/data");
        if (problem)
            return problem;
    }
    if (body.included !== undefined) {
        if (!Array.isArray(body.included))
            return `/included is ${kindOf(body.included)}, not an array`;
        for (let i = 0; i < body.included.length; i++) {
            const problem = resourceProblem(body.included[i], `/included/${i}`);
            if (problem)
                return problem;
        }
    }
    for (const key of ["meta", "links"])
        if (body[key] !== undefined && !isObject(body[key]))
            return `/${key} is ${kindOf(body[key])}, not an object`;
    return undefined;
}
function resourceProblem(value, pointer) {
    if (!isObject(value))
        return `${pointer} is ${kindOf(value)}, not a resource object`;
    if (typeof value.type !== "string")
        return `${pointer}/type is ${kindOf(value.type)}, not a string`;
    if (typeof value.id !== "string")
        return `${pointer}/id is ${kindOf(value.id)}, not a string`;
    for (const key of ["attributes", "relationships", "links", "meta"])
        if (value[key] !== undefined && !isObject(value[key]))
            return `${pointer}/${key} is ${kindOf(value[key])}, not an object`;
    return undefined;
}
const kindOf = (value) => value === null
    ? "null"
    : value === undefined
        ? "missing"
        : Array.isArray(value)
            ? "an array"
            : typeof value === "object"
                ? "an object"
                : `a ${typeof value}`;
