// login / logout / whoami: the saved server and token (config.ts).
import { ApiClient } from "../client.ts";
import { configPath, normaliseServer, readConfig, writeConfig } from "../config.ts";
import { usageError } from "../errors.ts";
import type { TCommand } from "./context.ts";

interface TUser {
  id: string;
  email: string;
  name: string;
}

export const accountCommands: TCommand[] = [
  {
    name: "login",
    summary: "check a server URL and API token and save them (mode 0600)",
    examples: ["proda login --server http://localhost:3000 --token proda_…"],
    async run({ parsed, env }) {
      const rawServer = (parsed.options.server as string | undefined) ?? env.PRODA_SERVER;
      const token = (parsed.options.token as string | undefined) ?? env.PRODA_TOKEN;
      if (!rawServer || !token) throw usageError("login needs --server URL and --token TOKEN (create a token under Settings → API tokens)");
      const server = normaliseServer(rawServer);
      // Verify before saving: a typo must not replace a working login.
      const { user } = await new ApiClient({ server, token }).get<{ user: TUser }>("/auth/me");
      const file = configPath(env);
      writeConfig({ ...readConfig(file), server, token }, file);
      return { data: { server, user, config: file }, lines: [`Signed in to ${server} as ${user.email} (saved in ${file})`] };
    },
  },
  {
    name: "logout",
    summary: "forget the saved token",
    async run({ env }) {
      const file = configPath(env);
      const { server } = readConfig(file);
      writeConfig({ server }, file);
      return { data: { server: server ?? null }, lines: ["Token removed."] };
    },
  },
  {
    name: "whoami",
    summary: "the user the token belongs to",
    async run(ctx) {
      const client = ctx.client();
      const { user } = await client.get<{ user: TUser }>("/auth/me");
      return { data: { server: client.options.server, user }, lines: [`${user.email} on ${client.options.server}`] };
    },
  },
];
