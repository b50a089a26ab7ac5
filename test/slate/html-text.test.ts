/**
 * The text of raw HTML in Slate markdown, read with parse5 alone: for every
 * kind of fragment the docs hold, and for the odd ones a damaged page may,
 * the text is what cheerio's `load(html).text()` gives (html.ts still reads
 * built pages with cheerio, so the two readers must agree).
 */
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { htmlText } from "../../generator/sources/slate/html-text.js";

const FRAGMENTS = {
  "an aside": '<aside class="notice">You must set <code>Content-Type</code> &amp; wait.</aside>',
  "an attribute name's span": "<span class='attribute-info-name'>",
  "a line break": "<br>",
  "a comment beside text": "<!-- internal -->shown",
  "a script and a style": "<script>var a = 1;</script><style>p { color: red }</style>after",
  "a template": "<template><b>kept</b></template>",
  "a table's stray text": "<table><td>cell</td>stray</table>",
  "an element left open": "<p>one<p>two",
  "a noscript": "<noscript><b>no</b> script</noscript>",
  "entities and a bare ampersand": "&lt;tag&gt; &copy; & &nbsp;",
  "a doctype and a head": "<!doctype html><title>Title</title><body>body",
};

describe("htmlText", () => {
  for (const [name, html] of Object.entries(FRAGMENTS)) {
    it(`reads ${name} as cheerio does`, () => {
      expect(htmlText(html)).toBe(cheerio.load(html).text());
    });
  }

  it("gives the text of the elements, without their tags", () => {
    expect(htmlText("<aside class='warning'>Do <em>not</em> retry.</aside>")).toBe("Do not retry.");
  });
});
