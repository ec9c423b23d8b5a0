// Times chrono-node's parse() over a JSONL corpus (one {"dct", "text"} a line), one process, one core.
// Usage: node chrono_speed.js CORPUS.jsonl [ROUNDS]   -> prints one JSON line {chars, seconds (best warm pass), cold_seconds (first pass), results, peak_rss}
"use strict";
const fs = require("fs");
const chrono = require("chrono-node");

const [corpusPath, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg || 3);
const docs = fs.readFileSync(corpusPath, "utf8").split("\n").filter((l) => l.trim()).map((l) => {
  const d = JSON.parse(l);
  return { text: d.text, ref: new Date(`${d.dct.slice(0, 10)}T12:00:00Z`) };
});
const chars = docs.reduce((n, d) => n + d.text.length, 0);

function pass() {
  let results = 0;
  for (const d of docs) results += chrono.parse(d.text, d.ref).length;
  return results;
}

const c0 = process.hrtime.bigint();
pass(); // the cold pass (JIT and lazily built patterns), then the warm ones
const coldSeconds = Number(process.hrtime.bigint() - c0) / 1e9;
let best = Infinity;
let results = 0;
for (let i = 0; i < rounds; i++) {
  const t0 = process.hrtime.bigint();
  results = pass();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  best = Math.min(best, seconds);
}
console.log(JSON.stringify({ chars, seconds: best, cold_seconds: coldSeconds, results, peak_rss: process.resourceUsage().maxRSS * 1024 }));
