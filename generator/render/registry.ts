/** Every renderer `generate` runs, in order. Each owns its own part of `generated/`. */
import { clientRenderer } from "./client/renderer.js";
import { fixturesRenderer } from "./fixtures/renderer.js";
import { indexPageRenderer } from "./index-page.js";
import { openApiRenderer } from "./openapi/openapi-renderer.js";
import type { Renderer } from "./renderer.js";

export const renderers: readonly Renderer[] = [indexPageRenderer, openApiRenderer, fixturesRenderer, clientRenderer];
