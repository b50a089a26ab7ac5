/**
 * spec/ → generated/: every renderer over every spec, as one tree plan. The
 * plan owns exactly the renderers' roots, so `generated/` may hold other
 * committed output (such as changelogs) that generate leaves alone.
 */
import type { Diagnostic } from "./diagnostics.js";
import type { OutputFile, TreePlan } from "./emit.js";
import { compareText } from "./util/order.js";
import { renderers as allRenderers } from "./render/registry.js";
import type { Renderer } from "./render/renderer.js";
import type { Spec } from "./spec/types.js";

export async function renderAll(
  specs: readonly Spec[],
  renderers: readonly Renderer[] = allRenderers,
): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[] }> {
  // In one order whatever order they come in: what a renderer lists, it lists alike.
  const ordered = [...specs].sort((a, b) => compareText(a.app, b.app) || compareText(a.version, b.version));
  const results = await Promise.all(renderers.map((r) => r.render(ordered)));
  const files = results.flatMap((r, i) => {
    const renderer = renderers[i]!;
    for (const file of r.value) {
      if (!ownedBy(renderer.root, file.path)) {
        throw new Error(`the ${renderer.name} renderer wrote ${file.path}, outside its root ${renderer.root}`);
      }
    }
    return r.value;
  });
  return { files: files.sort((a, b) => compareText(a.path, b.path)), diagnostics: results.flatMap((r) => r.diagnostics) };
}

export function generatedTreePlan(root: string, files: readonly OutputFile[], renderers: readonly Renderer[] = allRenderers): TreePlan {
  return { root, files, owns: (relative) => renderers.some((r) => ownedBy(r.root, relative)) };
}

function ownedBy(root: string, relative: string): boolean {
  return relative === root || relative.startsWith(`${root}/`);
}
