// Reads an .ics file with two real clients, ical.js (Mozilla's parser, as in Thunderbird) and node-ical,
// and prints what each understood as JSON on stdout, for tests/writers/test_ics_clients.py.
//
//   TZ=UTC node tests/clients/read_ics.mjs FILE.ics
//
// Output: {"versions": {...}, "icaljs": REPORT, "nodeical": REPORT} where REPORT is
// {"error": null | "message", "warnings": [...], "calendar": {...}, "events": [{uid, summary, location,
//  description, categories, sequence, start, end, allDay, tzid, startUtc, endUtc}]}.
// "warnings" collects what the parser printed (console.warn/error/log during parsing) and what a calendar
// app would trip on: a TZID without its VTIMEZONE (read as floating), a U+FFFD from a split character.
// Run it from the repository root (node_modules is resolved from there).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.cwd(), "package.json"));
const ICAL = (await import(require.resolve("ical.js"))).default;
const nodeIcal = require("node-ical");

function version(name) {
  const pkgPath = path.join(process.cwd(), "node_modules", name, "package.json");
  return JSON.parse(readFileSync(pkgPath, "utf8")).version;
}

// Collect whatever the parsers print while they run: a silent parse is part of what we assert.
function capture(fn) {
  const said = [];
  const saved = { warn: console.warn, error: console.error, log: console.log, info: console.info };
  for (const level of Object.keys(saved)) {
    console[level] = (...args) => said.push(`${level}: ${args.map(String).join(" ")}`);
  }
  try {
    return { value: fn(), said };
  } finally {
    Object.assign(console, saved);
  }
}

function replacementCharWarnings(events) {
  const warnings = [];
  for (const event of events) {
    for (const [key, value] of Object.entries(event)) {
      if (typeof value === "string" && value.includes("\uFFFD")) {
        warnings.push(`${event.uid}: U+FFFD in ${key}`);
      }
    }
  }
  return warnings;
}

function pad(n, width = 2) {
  return String(n).padStart(width, "0");
}

// ical.js does not know RFC 7986's NAME nor X-WR-CALNAME and would return their raw, still escaped value
// ("a\\, b"); both are TEXT (RFC 7986 §5.1), as a client that reads them decodes them.
for (const name of ["name", "x-wr-calname"]) {
  ICAL.design.icalendar.property[name] = { defaultType: "text" };
}

function readWithIcalJs(text) {
  const report = { error: null, warnings: [], calendar: {}, events: [] };
  try {
    const { value: jcal, said } = capture(() => ICAL.parse(text));
    report.warnings.push(...said);
    const root = new ICAL.Component(jcal);
    for (const prop of ["version", "prodid", "method", "name", "x-wr-calname"]) {
      report.calendar[prop] = root.getFirstPropertyValue(prop);
    }
    const zones = new Set();
    for (const vtz of root.getAllSubcomponents("vtimezone")) {
      const tz = new ICAL.Timezone(vtz);
      ICAL.TimezoneService.register(tz, tz.tzid);
      zones.add(tz.tzid);
    }
    for (const vevent of root.getAllSubcomponents("vevent")) {
      const event = new ICAL.Event(vevent);
      const dtstart = vevent.getFirstProperty("dtstart");
      const dtend = vevent.getFirstProperty("dtend");
      const tzid = dtstart ? dtstart.getParameter("tzid") || null : null;
      if (tzid && !zones.has(tzid)) report.warnings.push(`${event.uid}: TZID ${tzid} has no VTIMEZONE`);
      if (!dtend) report.warnings.push(`${event.uid}: no DTEND`);
      const start = event.startDate;
      const end = event.endDate;
      if (start && !start.isDate && !tzid && start.zone !== ICAL.Timezone.utcTimezone) {
        report.warnings.push(`${event.uid}: floating time`);
      }
      const stamp = vevent.getFirstPropertyValue("dtstamp");
      if (!stamp || stamp.zone !== ICAL.Timezone.utcTimezone) report.warnings.push(`${event.uid}: DTSTAMP not UTC`);
      report.events.push({
        uid: event.uid,
        summary: event.summary,
        location: event.location,
        description: event.description,
        categories: vevent.getAllProperties("categories").flatMap((p) => p.getValues()),
        sequence: event.sequence,
        allDay: Boolean(start && start.isDate),
        tzid,
        start: start ? start.toString() : null,
        end: end ? end.toString() : null,
        startUtc: start && !start.isDate ? start.toJSDate().toISOString() : null,
        endUtc: end && !end.isDate ? end.toJSDate().toISOString() : null,
      });
    }
  } catch (err) {
    report.error = String(err && err.message ? err.message : err);
  }
  report.warnings.push(...replacementCharWarnings(report.events));
  return report;
}

function nodeIcalDate(value) {
  if (!value) return null;
  if (value.dateOnly) {
    // node-ical builds local midnight; the test runs node with TZ=UTC, so the local fields are the date.
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return value.toISOString();
}

function readWithNodeIcal(text) {
  const report = { error: null, warnings: [], calendar: {}, events: [] };
  try {
    const { value: data, said } = capture(() => nodeIcal.sync.parseICS(text));
    report.warnings.push(...said);
    for (const [key, item] of Object.entries(data)) {
      if (key === "vcalendar") {
        report.calendar = {
          method: item.method ?? null,
          prodid: item.prodid ?? null,
          "x-wr-calname": item["WR-CALNAME"] ?? null,
        };
        continue;
      }
      if (!item || item.type !== "VEVENT") continue;
      const text = (v) => (v && typeof v === "object" && "val" in v ? v.val : v ?? null);
      report.events.push({
        uid: item.uid,
        summary: text(item.summary),
        location: text(item.location),
        description: text(item.description),
        categories: item.categories ?? [],
        sequence: item.sequence === undefined ? null : Number(item.sequence),
        allDay: Boolean(item.start && item.start.dateOnly),
        tzid: item.start && item.start.tz ? item.start.tz : null,
        start: nodeIcalDate(item.start),
        end: nodeIcalDate(item.end),
        startUtc: item.start && !item.start.dateOnly ? item.start.toISOString() : null,
        endUtc: item.end && !item.end.dateOnly ? item.end.toISOString() : null,
      });
    }
  } catch (err) {
    report.error = String(err && err.message ? err.message : err);
  }
  report.warnings.push(...replacementCharWarnings(report.events));
  return report;
}

const file = process.argv[2];
if (!file) {
  console.error("usage: node tests/clients/read_ics.mjs FILE.ics");
  process.exit(2);
}
const text = readFileSync(file, "utf8");
const result = {
  versions: { "ical.js": version("ical.js"), "node-ical": version("node-ical"), node: process.versions.node },
  icaljs: readWithIcalJs(text),
  nodeical: readWithNodeIcal(text),
};
process.stdout.write(JSON.stringify(result, null, 2) + "\n");
