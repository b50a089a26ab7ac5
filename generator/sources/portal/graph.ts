/**
 * The Graph document (`GET /{app}/v2/documentation`): the app's title and
 * description and its versions, each with a beta flag, release notes, the entry
 * vertex and the list of vertices.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { isPathName, pathNameProblem } from "../../path-name.js";
import type { PortalDocument } from "./document.js";

export interface GraphVertex {
  id: string;
  name?: string;
}

export interface GraphVersion {
  id: string;
  beta: boolean;
  details?: string;
  entry?: string;
  vertices: GraphVertex[];
  /** Listed vertices refused for their id (one that would leave the documentation's paths), as errors of this version. */
  refused: Diagnostic[];
}

export interface GraphInfo {
  title?: string;
  description?: string;
  versions: GraphVersion[];
}

export function readGraph(doc: PortalDocument): { value: GraphInfo; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const data = doc.data;
  const fields = data.get("attributes");
  const versionsNode = data.get("relationships").get("versions").get("data");
  if (!Array.isArray(versionsNode.value)) {
    diagnostics.push(diagnostic("error", "PORTAL_GRAPH_WITHOUT_VERSIONS", "the Graph lists no versions", doc.at(versionsNode)));
  }
  const versions = versionsNode.elements().flatMap((v): GraphVersion[] => {
    const id = v.get("id").text();
    if (id === undefined) {
      diagnostics.push(diagnostic("warning", "PORTAL_VERSION_WITHOUT_ID", "a version without an id was skipped", doc.at(v)));
      return [];
    }
    if (!isPathName(id)) {
      diagnostics.push(
        diagnostic(
          "error",
          "PORTAL_UNSAFE_NAME",
          `the Graph lists the version ${pathNameProblem("version", id)}; it was not read`,
          doc.at(v.get("id")),
        ),
      );
      return [];
    }
    const rels = v.get("relationships");
    const refused: Diagnostic[] = [];
    const details = v.get("attributes").get("details").text();
    const entry = rels.get("entry").get("data").get("id").text();
    return [
      {
        id,
        beta: v.get("attributes").get("beta").boolean() ?? false,
        ...(details === undefined ? {} : { details }),
        ...(entry === undefined ? {} : { entry }),
        vertices: rels
          .get("vertices")
          .get("data")
          .elements()
          .flatMap((vertex) => {
            const vertexId = vertex.get("id").text();
            const name = vertex.get("attributes").get("name").text();
            if (vertexId !== undefined && !isPathName(vertexId)) {
              const problem = `the Graph lists the vertex ${pathNameProblem("vertex", vertexId)}; it was not read`;
              refused.push(diagnostic("error", "PORTAL_UNSAFE_NAME", problem, doc.at(vertex.get("id"))));
              return [];
            }
            return vertexId === undefined ? [] : [{ id: vertexId, ...(name === undefined ? {} : { name }) }];
          }),
        refused,
      },
    ];
  });
  const title = fields.get("title").text();
  const description = fields.get("description").text();
  return {
    value: {
      ...(title === undefined ? {} : { title }),
      ...(description === undefined ? {} : { description }),
      versions,
    },
    diagnostics,
  };
}
