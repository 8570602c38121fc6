// proda: resolve the command, run it, print its result, exit with its code (errors.ts).
import { findCommand, parseCommand } from "./args.ts";
import { COMMANDS } from "./commands/index.ts";
import { createContext } from "./commands/context.ts";
import { CliError, EXIT } from "./errors.ts";
import { formatCommandHelp, formatGeneralHelp } from "./help.ts";
import { formatError, formatJson } from "./output.ts";

export interface TIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

const defaultIo: TIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
};

export async function runCli(argv: string[], io: TIo = defaultIo): Promise<number> {
  const json = argv.includes("--json");
  try {
    if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
      io.stdout(`${formatGeneralHelp(COMMANDS)}\n`);
      return argv.length === 0 ? EXIT.usage : EXIT.ok;
    }
    if (argv[0] === "--version") {
      io.stdout("proda 0.1.0\n");
      return EXIT.ok;
    }
    const found = findCommand(argv, COMMANDS);
    if (!found) {
      const near = COMMANDS.filter((c) => c.name.startsWith(`${argv[0]} `) || c.name === argv[0]).map((c) => `proda ${c.name}`);
      throw new CliError(EXIT.usage, `Unknown command "${argv.filter((a) => !a.startsWith("-")).slice(0, 2).join(" ")}".${near.length ? ` Did you mean: ${near.join(", ")}?` : " Run `proda --help`."}`, "usage");
    }
    const parsed = parseCommand(found.spec, found.rest, io.env);
    if (parsed.options.help) {
      io.stdout(`${formatCommandHelp(found.spec)}\n`);
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c === found.spec)!;
    const result = await command.run(createContext(parsed, io.env));
    if (json) (result.stdoutUsed ? io.stderr : io.stdout)(formatJson(result.data));
    else if (result.lines.length) (result.stdoutUsed ? io.stderr : io.stdout)(`${result.lines.join("\n")}\n`);
    return result.exitCode ?? EXIT.ok;
  } catch (error) {
    const cli = error instanceof CliError ? error : new CliError(EXIT.server, (error as Error)?.message ?? String(error), "internal");
    // With --json the error is also a JSON document on stdout, so a script can always parse stdout.
    if (json) io.stdout(formatError(cli, true));
    io.stderr(formatError(cli, false));
    return cli.exitCode;
  }
}
