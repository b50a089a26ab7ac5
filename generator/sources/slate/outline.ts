/**
 * The Slate document model as a tree of sections: each heading owns the
 * blocks after it up to the next heading of the same or a lower depth.
 */
import type { HeadingBlock, SlateBlock } from "./model.js";

export interface Section {
  heading: HeadingBlock;
  /** The blocks between the heading and its first subsection. */
  blocks: SlateBlock[];
  children: Section[];
}

export interface Outline {
  /** Blocks before the first heading. */
  preamble: SlateBlock[];
  sections: Section[];
}

export function outline(blocks: readonly SlateBlock[]): Outline {
  const root: Outline = { preamble: [], sections: [] };
  const open: Section[] = [];
  for (const block of blocks) {
    if (block.kind === "heading") {
      while (open.length > 0 && open.at(-1)!.heading.depth >= block.depth) open.pop();
      const section: Section = { heading: block, blocks: [], children: [] };
      (open.at(-1)?.children ?? root.sections).push(section);
      open.push(section);
    } else {
      (open.at(-1)?.blocks ?? root.preamble).push(block);
    }
  }
  return root;
}

/** Every block of a section and its subsections, headings included, in reading order. */
export function flatten(section: Section): SlateBlock[] {
  return [section.heading, ...section.blocks, ...section.children.flatMap(flatten)];
}
