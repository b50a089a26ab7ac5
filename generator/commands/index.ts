/** Every command of the CLI. */
import { checkCommand } from "./check.js";
import type { Command } from "./command.js";
import { diffCommand } from "./diff.js";
import { driftCommand } from "./drift.js";
import { generateCommand } from "./generate.js";
import { mockCommand } from "./mock.js";
import { scrapeCommand } from "./scrape.js";

export const commands: readonly Command<never>[] = [scrapeCommand, generateCommand, checkCommand, diffCommand, driftCommand, mockCommand] as unknown as Command<never>[];
