/**
 * `npm run bench`: the benchmark harness. Figures are added as the pieces they
 * measure land; see the README's "Benchmarks" section for what exists.
 */
console.log("No benchmark figures are measured yet: the harness is added together with the clients and OpenAPI renderers.");
