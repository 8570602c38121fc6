// What a simulated user does in the web app, as the API calls its pages make: a weighted choice of
// views, each a few steps of requests (the requests of one step go out together, as a page's queries
// do; the next step is what the user clicks in the answer). Targets are the ids of one project's
// artifacts; `live` is the loop that runs meanwhile, kept current by the caller.
import { createRandom } from "../../packages/engine/src/random.ts";

export type TGroup = "pages" | "graph" | "knowledge" | "benchmarks" | "training" | "evaluations" | "loop" | "jobs";

export interface TRequestSpec {
  group: TGroup;
  /** The route as a template (ids left out), for per-route figures. */
  route: string;
  path: string;
}

export interface TBrowseTargets {
  projectId: string;
  versionId: string;
  layoutId: string;
  disciplines: string[];
  concepts: { id: string; term: string }[];
  chainIds: string[];
  benchmarkId: string;
  itemIds: string[];
  runIds: string[];
  evaluationIds: string[];
  resultItemIds: string[];
}

export interface TLive {
  loopId: string | null;
  jobId: string | null;
}

interface TUserState {
  /** The layout payload is immutable: a browser fetches it once and keeps it. */
  hasLayout: boolean;
}

type TView = { name: string; weight: number; steps: (t: TBrowseTargets, live: TLive, pick: <T>(list: T[]) => T, s: TUserState) => TRequestSpec[][] };

const STAGES = ["knowledge", "tester", "training", "evaluation", "debugger"];

const VIEWS: TView[] = [
  {
    name: "navigate to a stage page",
    weight: 8,
    steps: (t, _live, pick) => [
      [{ group: "pages", route: "GET /projects/:id/stages/:stage (HTML)", path: `/projects/${t.projectId}/stages/${pick(STAGES)}` }],
      [
        { group: "pages", route: "GET /api/v1/auth/me", path: "/api/v1/auth/me" },
        { group: "pages", route: "GET /api/v1/projects/:id", path: `/api/v1/projects/${t.projectId}` },
      ],
    ],
  },
  {
    name: "graph overview",
    weight: 6,
    steps: (t, _live, _pick, s) => {
      const steps: TRequestSpec[][] = [[{ group: "graph", route: "GET …/layouts", path: `${versionPath(t)}/layouts` }]];
      if (!s.hasLayout) steps.push([{ group: "graph", route: "GET …/layouts/:id/data (binary)", path: `${versionPath(t)}/layouts/${t.layoutId}/data` }]);
      s.hasLayout = true;
      return steps;
    },
  },
  {
    name: "search a concept, open it and its neighbourhood",
    weight: 10,
    steps: (t, _live, pick) => {
      const concept = pick(t.concepts);
      const q = concept.term.slice(0, Math.min(concept.term.length, 3 + Math.floor(concept.term.length / 4)));
      return [
        [{ group: "graph", route: "GET …/concepts?q= (search)", path: `${versionPath(t)}/concepts?${new URLSearchParams({ q, limit: "8" })}` }],
        [
          { group: "graph", route: "GET …/concepts/:id", path: `${versionPath(t)}/concepts/${concept.id}` },
          { group: "graph", route: "GET …/neighbourhood?hops=1", path: `${versionPath(t)}/concepts/${concept.id}/neighbourhood?hops=1&cap=250` },
        ],
      ];
    },
  },
  {
    name: "two-hop neighbourhood",
    weight: 4,
    steps: (t, _live, pick) => [
      [{ group: "graph", route: "GET …/neighbourhood?hops=2", path: `${versionPath(t)}/concepts/${pick(t.concepts).id}/neighbourhood?hops=2&cap=125` }],
    ],
  },
  {
    name: "knowledge lists",
    weight: 12,
    steps: (t, _live, pick) => {
      const discipline = pick([...t.disciplines, ""]);
      const query = discipline ? `?${new URLSearchParams({ discipline })}` : "";
      return [
        [pick([
          { group: "knowledge", route: "GET …/concepts (list)", path: `${versionPath(t)}/concepts${query}` },
          { group: "knowledge", route: "GET …/relations", path: `${versionPath(t)}/relations${query}` },
          { group: "knowledge", route: "GET …/chains", path: `${versionPath(t)}/chains${query}` },
        ] satisfies TRequestSpec[])],
        [{ group: "knowledge", route: "GET …/chains/:id", path: `${versionPath(t)}/chains/${pick(t.chainIds)}` }],
      ];
    },
  },
  {
    name: "benchmark items",
    weight: 12,
    steps: (t, _live, pick) => [
      [{ group: "benchmarks", route: "GET …/benchmarks", path: `${projectPath(t)}/benchmarks` }],
      [{ group: "benchmarks", route: "GET …/benchmarks/:id/items", path: `${projectPath(t)}/benchmarks/${t.benchmarkId}/items?limit=100` }],
      [{ group: "benchmarks", route: "GET …/items/:id", path: `${projectPath(t)}/benchmarks/${t.benchmarkId}/items/${pick(t.itemIds)}` }],
    ],
  },
  {
    name: "training runs and a run's log",
    weight: 10,
    steps: (t, _live, pick) => {
      const run = pick(t.runIds);
      return [
        [{ group: "training", route: "GET …/training-runs", path: `${projectPath(t)}/training-runs` }],
        [
          { group: "training", route: "GET …/training-runs/:id", path: `${projectPath(t)}/training-runs/${run}` },
          { group: "training", route: "GET …/training-runs/:id/logs (replay)", path: `${projectPath(t)}/training-runs/${run}/logs?after=0&limit=2000` },
        ],
      ];
    },
  },
  {
    name: "leaderboard and results",
    weight: 10,
    steps: (t, _live, pick) => {
      const evaluation = pick(t.evaluationIds);
      return [
        [{ group: "evaluations", route: "GET …/evaluations?benchmarkId= (leaderboard)", path: `${projectPath(t)}/evaluations?benchmarkId=${t.benchmarkId}` }],
        [{ group: "evaluations", route: "GET …/evaluations/:id/results", path: `${projectPath(t)}/evaluations/${evaluation}/results?limit=100` }],
        [{ group: "evaluations", route: "GET …/results/:itemId", path: `${projectPath(t)}/evaluations/${evaluation}/results/${pick(t.resultItemIds)}` }],
      ];
    },
  },
  {
    name: "watch the running loop",
    weight: 14,
    steps: (t, live) => {
      const steps: TRequestSpec[][] = [[{ group: "loop", route: "GET …/loops", path: `${projectPath(t)}/loops` }]];
      if (live.loopId) steps.push([{ group: "loop", route: "GET …/loops/:id", path: `${projectPath(t)}/loops/${live.loopId}` }]);
      if (live.jobId) steps.push([{ group: "jobs", route: "GET /api/v1/jobs/:id", path: `/api/v1/jobs/${live.jobId}` }]);
      return steps;
    },
  },
  {
    name: "jobs page",
    weight: 4,
    steps: (t) => [[{ group: "jobs", route: "GET …/jobs", path: `${projectPath(t)}/jobs` }]],
  },
];

const projectPath = (t: TBrowseTargets) => `/api/v1/projects/${t.projectId}`;
const versionPath = (t: TBrowseTargets) => `${projectPath(t)}/knowledge/versions/${t.versionId}`;

/** One user's endless, seeded walk through the views. */
export function createBrowser(seed: number) {
  const random = createRandom(seed);
  const total = VIEWS.reduce((s, v) => s + v.weight, 0);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const state: TUserState = { hasLayout: false };
  return {
    random,
    nextView(t: TBrowseTargets, live: TLive): { name: string; steps: TRequestSpec[][] } {
      let r = random() * total;
      const view = VIEWS.find((v) => (r -= v.weight) < 0) ?? VIEWS.at(-1)!;
      return { name: view.name, steps: view.steps(t, live, pick, state) };
    },
  };
}

export const VIEW_WEIGHTS = Object.fromEntries(VIEWS.map((v) => [v.name, v.weight]));
