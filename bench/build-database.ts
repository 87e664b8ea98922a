// Builds a benchmark database in its own process, so the memory that seeding takes does
// not count in the figures of the process that serves the pages.
//   tsx bench/build-database.ts create PATH PROVIDERS MERCHANTS
//   tsx bench/build-database.ts pad PATH RAW_RESULTS
//   tsx bench/build-database.ts copy-without-raw SOURCE TARGET

import { catalogueWithProviders, copyWithoutRawResults, createDatabase, padRawResults } from "./fixtures";

const log = (line: string) => console.log(`[bench] ${line}`);

function wholeNumber(text: string | undefined, what: string): number {
  if (text === undefined || !/^\d+$/.test(text)) {
    console.error(`build-database: ${what} must be a whole number, got ${text ?? "nothing"}`);
    process.exit(1);
  }
  return Number(text);
}

const [command, path, ...rest] = process.argv.slice(2);
if (command === "create" && path) {
  createDatabase(path, catalogueWithProviders(wholeNumber(rest[0], "PROVIDERS")), wholeNumber(rest[1], "MERCHANTS"), log);
} else if (command === "pad" && path) {
  padRawResults(path, wholeNumber(rest[0], "RAW_RESULTS"), log);
} else if (command === "copy-without-raw" && path && rest[0]) {
  copyWithoutRawResults(path, rest[0], log);
} else {
  console.error(
    "usage: tsx bench/build-database.ts create PATH PROVIDERS MERCHANTS | pad PATH RAW_RESULTS | copy-without-raw SOURCE TARGET",
  );
  process.exit(1);
}
