/** Every renderer `generate` runs, in order. Each owns its own part of `generated/`. */
import { indexPageRenderer } from "./index-page.js";
import type { Renderer } from "./renderer.js";

export const renderers: readonly Renderer[] = [indexPageRenderer];
