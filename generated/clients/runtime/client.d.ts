import type { ApiDefaults, ClientOptions } from "./options.js";
import { type Routes } from "./routes.js";
export declare function connect(api: ApiDefaults, routes: Routes, options?: ClientOptions): unknown;
