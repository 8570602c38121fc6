// `proda --help` and `proda <command> --help`.
import { optionsOf, usageLine, type TCommandSpec } from "./args.ts";

export const EXIT_CODES_HELP = [
  "Exit codes: 0 ok · 1 the job or operation failed (or the server refused it: 409) · 2 usage",
  "            3 not signed in / not allowed · 4 not found · 5 server error or unreachable",
];

export function formatGeneralHelp(specs: TCommandSpec[]): string {
  const width = Math.max(...specs.map((s) => s.name.length));
  return [
    "proda — ProDa Studio from the command line",
    "",
    "Usage: proda <command> [arguments] [options]",
    "",
    "Commands:",
    ...specs.map((s) => `  ${s.name.padEnd(width)}  ${s.summary}`),
    "",
    "Every command takes --json (one JSON document on stdout), --quiet, --server URL, --token TOKEN.",
    "Stage commands wait for their job with a progress bar (stderr) unless --no-wait.",
    "Configuration: `proda login` saves the server and token; PRODA_SERVER, PRODA_TOKEN and PRODA_PROJECT override.",
    ...EXIT_CODES_HELP,
    "",
    "Run `proda <command> --help` for a command's options.",
  ].join("\n");
}

export function formatCommandHelp(spec: TCommandSpec): string {
  const options = Object.entries(optionsOf(spec));
  const label = (name: string, o: { short?: string; value?: string; multiple?: boolean }) =>
    `${o.short ? `-${o.short}, ` : "    "}--${name}${o.value ? ` ${o.value}` : ""}${o.multiple ? " …" : ""}`;
  const width = Math.max(...options.map(([n, o]) => label(n, o).length));
  return [
    `proda ${spec.name} — ${spec.summary}`,
    "",
    `Usage: ${usageLine(spec)}`,
    "",
    "Options:",
    ...options.map(([n, o]) => `  ${label(n, o).padEnd(width)}  ${o.description}${o.required ? " (required)" : ""}`),
    ...(spec.examples?.length ? ["", "Examples:", ...spec.examples.map((e) => `  ${e}`)] : []),
    "",
    ...EXIT_CODES_HELP,
  ].join("\n");
}
