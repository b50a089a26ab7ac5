/**
 * spec/ → generated/: every renderer over every spec, as one tree plan. The
 * plan owns exactly the renderers' roots, so `generated/` may hold other
 * committed output (such as changelogs) that generate leaves alone.
 */
import type { Diagnostic } from "./diagnostics.js";
import { diffTreeByFile, type OutputFile, type TreeDifference, type TreePlan } from "./emit.js";
import { eachUnitBySpec } from "./render/render-by-spec.js";
import { compareAppVersion, compareText } from "./util/order.js";
import { renderers as allRenderers } from "./render/registry.js";
import { assertOwned, ownedByAny, type Renderer } from "./render/renderer.js";
import type { Spec } from "./spec/types.js";
import { appendAll } from "./util/append.js";

export async function renderAll(
  specs: readonly Spec[],
  renderers: readonly Renderer[] = allRenderers,
): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[] }> {
  // In one order whatever order they come in: what a renderer lists, it lists alike.
  const ordered = [...specs].sort(compareAppVersion);
  const results = await Promise.all(renderers.map((r) => r.render(ordered)));
  const files = results.flatMap((r, i) => {
    const renderer = renderers[i]!;
    for (const file of r.value) assertOwned(renderer, file.path);
    return r.value;
  });
  return { files: files.sort((a, b) => compareText(a.path, b.path)), diagnostics: results.flatMap((r) => r.diagnostics) };
}

/**
 * The output folder `root` against what `renderAll` would give, compared file by file as each renderer renders spec by spec:
 * memory holds one spec's files at a time, never the tree's (`check` on a large spec folder). The diagnostics are `renderAll`'s,
 * in its order.
 */
export async function compareAll(
  specs: readonly Spec[],
  root: string,
  renderers: readonly Renderer[] = allRenderers,
): Promise<{ difference: TreeDifference; files: number; diagnostics: Diagnostic[] }> {
  const ordered = [...specs].sort(compareAppVersion);
  const comparison = await diffTreeByFile(root, (relative) => ownedByAny(renderers, relative));
  const diagnostics: Diagnostic[] = [];
  for (const renderer of renderers) {
    const take = (files: readonly OutputFile[]) => {
      for (const file of files) {
        assertOwned(renderer, file.path);
        comparison.compare(file);
      }
    };
    if (renderer.bySpec !== undefined) appendAll(diagnostics, await eachUnitBySpec(renderer.bySpec, ordered, take));
    else {
      const rendered = await renderer.render(ordered);
      take(rendered.value);
      appendAll(diagnostics, rendered.diagnostics);
    }
  }
  return { difference: comparison.finish(), files: comparison.compared, diagnostics };
}

export function generatedTreePlan(root: string, files: readonly OutputFile[], renderers: readonly Renderer[] = allRenderers): TreePlan {
  return { root, files, owns: (relative) => ownedByAny(renderers, relative) };
}
