// Parse issue bodies with GitHub's own @github/issue-parser (npm); prints JSON, one per body.
// Usage: node tests/issue_parser.mjs <path-to-node_modules> <form.yml> <body.md>...
import fs from "fs";
import path from "path";
import { pathToFileURL } from "url";

const [modules, form, ...bodies] = process.argv.slice(2);
const entry = pathToFileURL(path.join(modules, "@github/issue-parser/dist/index.js"));
const { parseIssue } = await import(entry.href);
const template = fs.readFileSync(form, "utf8");
process.stdout.write(JSON.stringify(bodies.map((body) => parseIssue(fs.readFileSync(body, "utf8"), template))));
