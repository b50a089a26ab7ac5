/** Every command of the CLI. */
import { checkCommand } from "./check.js";
import type { Command } from "./command.js";
import { generateCommand } from "./generate.js";
import { scrapeCommand } from "./scrape.js";

export const commands: readonly Command<never>[] = [scrapeCommand, generateCommand, checkCommand] as unknown as Command<never>[];
