/** Which route answers a request, where the docs put two at one path. */
import { describe, expect, it } from "vitest";
import { RouteTable } from "../../generator/mock/routes.js";
import type { Endpoint, Resource, Spec } from "../../generator/spec/types.js";
import { LEGACY } from "../fixtures-render/legacy-spec.js";

function resource(type: string, endpoints: Endpoint[]): Resource {
  return { ...LEGACY.resources[0]!, type, id: type.toLowerCase(), relationships: [], associations: [], endpoints };
}

describe("the route table", () => {
  const spec: Spec = {
    ...LEGACY,
    resources: [
      // Like Services' Live, whose create the docs put at Plan's collection.
      resource("Live", [{ operation: "create", method: "POST", path: "/x/v2/plans" }]),
      resource("Plan", [
        { operation: "list", method: "GET", path: "/x/v2/plans" },
        { operation: "create", method: "POST", path: "/x/v2/plans" },
        { operation: "get", method: "GET", path: "/x/v2/plans/{plan_id}" },
      ]),
      resource("Special", [{ operation: "get", method: "GET", path: "/x/v2/plans/special" }]),
    ],
  };
  const routes = new RouteTable(spec);
  const resourceAt = (method: string, path: string) => {
    const match = routes.match(method, path.split("/"));
    return match !== undefined && "route" in match && "resource" in match.route.handler ? match.route.handler.resource.type : match;
  };

  it("gives a shared path to the resource whose collection it is", () => {
    expect(resourceAt("POST", "/x/v2/plans")).toBe("Plan");
  });

  it("prefers a static segment to a parameter, whatever the order", () => {
    expect(resourceAt("GET", "/x/v2/plans/special")).toBe("Special");
    expect(resourceAt("GET", "/x/v2/plans/12")).toBe("Plan");
  });

  it("lists the methods a known path takes", () => {
    expect(routes.match("DELETE", "/x/v2/plans".split("/"))).toEqual({ allowed: ["GET", "POST"] });
    expect(routes.match("GET", "/x/v2/nothing".split("/"))).toBeUndefined();
  });
});
