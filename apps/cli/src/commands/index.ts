// Every command, in the order `proda --help` lists them.
import { accountCommands } from "./account.ts";
import type { TCommand } from "./context.ts";
import { fileCommands } from "./files.ts";
import { loopCommands } from "./loop.ts";
import { projectCommands } from "./projects.ts";
import { stageCommands } from "./stages.ts";

export const COMMANDS: TCommand[] = [...accountCommands, ...projectCommands, ...stageCommands, ...loopCommands, ...fileCommands];
