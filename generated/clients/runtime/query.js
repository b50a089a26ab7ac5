const OPERATORS = ["gt", "gte", "lt", "lte"];
export function searchParams(query) {
    const params = new URLSearchParams();
    if (!query)
        return params;
    for (const [name, value] of Object.entries(query.where ?? {})) {
        if (value === undefined)
            continue;
        if (typeof value === "object" && value !== null) {
            const range = value;
            for (const operator of OPERATORS) {
                if (range[operator] !== undefined)
                    params.append(`where[${name}][${operator}]`, String(range[operator]));
            }
        }
        else {
            params.append(`where[${name}]`, String(value));
        }
    }
    if (query.include?.length)
        params.set("include", query.include.join(","));
    if (query.order !== undefined)
        params.set("order", commaList(query.order));
    if (query.filter !== undefined)
        params.set("filter", commaList(query.filter));
    if (query.perPage !== undefined)
        params.set("per_page", String(query.perPage));
    if (query.offset !== undefined)
        params.set("offset", String(query.offset));
    for (const [type, names] of Object.entries(query.fields ?? {})) {
        if (names)
            params.set(`fields[${type}]`, names.join(","));
    }
    for (const [name, value] of Object.entries(query.params ?? {}))
        params.append(name, String(value));
    return params;
}
const commaList = (value) => typeof value === "string" ? value : value.join(",");
