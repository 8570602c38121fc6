// Pure helpers of the Training UI: run statuses, progress and durations; hyperparameter fields read
// from text (checked against each backend's own schema in @proda/providers); log entries merged and
// thinned into chart series; chart geometry; which dataset versions the contamination gate lets through.
import { TRAINER_BACKENDS as PROVIDER_BACKENDS, TRAINER_SPECS } from "@proda/providers";
import { describe, expect, it } from "vitest";
import type { TDatasetDto, TTrainingLogEntryDto, TTrainingRunDto } from "../src/lib/api-types";
import { frozenVersions, gateState, isTrainable } from "../src/features/training/lib/dataset-gate";
import { initialHyperparameters, readHyperparameters, type TTrainerField } from "../src/features/training/lib/hyperparameters";
import { TRAINER_BACKENDS } from "../src/features/training/lib/labels";
import { chartGeometry, extent, niceTicks } from "../src/features/training/lib/line-chart";
import { downsample, logSeries, MAX_LOG_ENTRIES, mergeLogEntries } from "../src/features/training/lib/log-series";
import { chooseRun, formatDuration, formatMetric, isRunActive, runDurationMs, runProgress } from "../src/features/training/lib/run-status";

const entry = (seq: number, values: Partial<TTrainingLogEntryDto> = {}): TTrainingLogEntryDto => ({
  seq, step: null, epoch: null, loss: null, learningRate: null, accuracy: null, message: null, createdAt: "2026-01-01T00:00:00.000Z", ...values,
});

describe("run status", () => {
  const run = (values: Partial<TTrainingRunDto>) => ({ status: "running", step: 0, totalSteps: null, startedAt: null, finishedAt: null, ...values }) as TTrainingRunDto;

  it("knows which statuses are live", () => {
    expect(["queued", "running"].every((s) => isRunActive(s as TTrainingRunDto["status"]))).toBe(true);
    expect(["succeeded", "failed", "cancelled"].some((s) => isRunActive(s as TTrainingRunDto["status"]))).toBe(false);
  });

  it("shows the URL's run, else the newest", () => {
    const runs = [{ id: "b" }, { id: "a" }];
    expect(chooseRun(runs, "a")?.id).toBe("a");
    expect(chooseRun(runs, "gone")?.id).toBe("b");
    expect(chooseRun(runs, null)?.id).toBe("b");
    expect(chooseRun([], "a")).toBeNull();
  });

  it("reports progress from steps, full once succeeded, unknown without a total", () => {
    expect(runProgress(run({ step: 5, totalSteps: 20 }))).toBe(0.25);
    expect(runProgress(run({ step: 30, totalSteps: 20 }))).toBe(1);
    expect(runProgress(run({ step: 5, totalSteps: null }))).toBeNull();
    expect(runProgress(run({ status: "succeeded", step: 5, totalSteps: null }))).toBe(1);
  });

  it("measures durations to now while running and formats them as a clock", () => {
    const start = "2026-01-01T00:00:00.000Z";
    expect(runDurationMs(run({}))).toBeNull();
    expect(runDurationMs(run({ startedAt: start, finishedAt: "2026-01-01T00:01:05.000Z" }))).toBe(65_000);
    expect(runDurationMs(run({ startedAt: start }), Date.parse(start) + 7_000)).toBe(7_000);
    expect(formatDuration(7_000)).toBe("0:07");
    expect(formatDuration(725_000)).toBe("12:05");
    expect(formatDuration(3_725_000)).toBe("1:02:05");
    expect(formatDuration(-5)).toBe("0:00");
  });

  it("formats metrics to four significant digits", () => {
    expect(formatMetric(null)).toBe("—");
    expect(formatMetric(Number.NaN)).toBe("—");
    expect(formatMetric(0.693147)).toBe("0.6931");
    expect(formatMetric(0.0002)).toBe("2.00e-4");
    expect(formatMetric(0)).toBe("0");
    expect(formatMetric(12345.6)).toBe("12350");
  });
});

describe("hyperparameters", () => {
  it("lists the providers' backends", () => {
    expect([...TRAINER_BACKENDS]).toEqual([...PROVIDER_BACKENDS]);
  });

  it("sends each backend's defaults, untouched, as its own schema reads them", () => {
    for (const backend of PROVIDER_BACKENDS) {
      const spec = TRAINER_SPECS[backend];
      const fields = spec.fields as TTrainerField[];
      const { values, problems } = readHyperparameters(fields, initialHyperparameters(fields));
      expect(problems, backend).toEqual({});
      expect(spec.hyperparameters.parse(values), backend).toEqual(spec.hyperparameters.parse({}));
      expect(Object.keys(values).sort(), backend).toEqual(fields.map((f) => f.name).sort());
    }
  });

  it("reads numbers within bounds and says why others cannot be sent", () => {
    const fields: TTrainerField[] = [
      { name: "epochs", type: "int", default: 3, min: 1, max: 100, help: "" },
      { name: "lr", type: "number", default: 2e-4, min: 1e-7, max: 1, help: "" },
      { name: "n_epochs", type: "int", default: null, min: 1, max: 50, help: "" },
      { name: "template", type: "string", default: "default", help: "" },
      { name: "pack", type: "boolean", default: false, help: "" },
    ];
    const ok = readHyperparameters(fields, { epochs: " 5 ", lr: "1e-3", n_epochs: "", template: "qwen", pack: true });
    expect(ok).toEqual({ values: { epochs: 5, lr: 0.001, n_epochs: null, template: "qwen", pack: true }, problems: {} });
    const bad = readHyperparameters(fields, { epochs: "2.5", lr: "abc", n_epochs: "51", template: "", pack: false });
    expect(bad.problems).toEqual({ epochs: "integer", lr: "number", n_epochs: "max", template: "required" });
    expect(readHyperparameters(fields, { epochs: "0" }).problems).toEqual({ epochs: "min" });
    expect(readHyperparameters(fields, { epochs: "" }).problems).toEqual({ epochs: "required" });
    expect(readHyperparameters(fields, { unknown: "1" }).values).not.toHaveProperty("unknown");
  });

  it("refuses values outside a field's options", () => {
    const fields: TTrainerField[] = [{ name: "mode", type: "string", default: "a", options: ["a", "b"], help: "" }];
    expect(readHyperparameters(fields, { mode: "b" }).values).toEqual({ mode: "b" });
    expect(readHyperparameters(fields, { mode: "c" }).problems).toEqual({ mode: "option" });
  });

  it("agrees with the schema on values the form accepts or refuses", () => {
    const spec = TRAINER_SPECS["hf-peft"];
    const fields = spec.fields as TTrainerField[];
    const base = initialHyperparameters(fields);
    for (const [name, text] of [["epochs", "0"], ["epochs", "101"], ["learningRate", "2"], ["loraR", "1.5"], ["maxLength", "16"], ["seed", "42"]] as const) {
      const read = readHyperparameters(fields, { ...base, [name]: text });
      const accepted = Object.keys(read.problems).length === 0;
      const schema = spec.hyperparameters.safeParse({ ...read.values, [name]: Number(text) });
      expect(accepted, `${name}=${text}`).toBe(schema.success);
    }
  });
});

describe("log series", () => {
  it("appends new entries and never keeps one twice", () => {
    const current = [entry(1), entry(2)];
    expect(mergeLogEntries(current, [entry(3), entry(4)]).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(mergeLogEntries(current, [entry(2), entry(3)]).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(mergeLogEntries(current, [entry(5), entry(0)]).map((e) => e.seq)).toEqual([0, 1, 2, 5]);
    expect(mergeLogEntries(current, [])).toBe(current);
  });

  it("keeps at most the newest MAX_LOG_ENTRIES", () => {
    const many = Array.from({ length: MAX_LOG_ENTRIES }, (_, i) => entry(i + 1));
    const merged = mergeLogEntries(many, [entry(MAX_LOG_ENTRIES + 1)]);
    expect(merged).toHaveLength(MAX_LOG_ENTRIES);
    expect(merged[0]!.seq).toBe(2);
  });

  it("draws a metric over steps, over seq without a step, skipping entries without it", () => {
    const entries = [entry(1, { step: 10, loss: 2 }), entry(2, { message: "epoch done" }), entry(3, { loss: 1.5, learningRate: 1e-4 })];
    expect(logSeries(entries, "loss")).toEqual([{ x: 10, y: 2 }, { x: 3, y: 1.5 }]);
    expect(logSeries(entries, "learningRate")).toEqual([{ x: 3, y: 1e-4 }]);
    expect(logSeries(entries, "accuracy")).toEqual([]);
  });

  it("thins a long series to about the limit, keeping the ends and the extremes", () => {
    const points = Array.from({ length: 10_000 }, (_, i) => ({ x: i, y: Math.sin(i / 50) + (i === 5_000 ? 10 : 0) }));
    const thin = downsample(points, 400);
    expect(thin.length).toBeLessThanOrEqual(400);
    expect(thin[0]).toEqual(points[0]);
    expect(thin.at(-1)).toEqual(points.at(-1));
    expect(thin.some((p) => p.x === 5_000)).toBe(true);
    expect(thin.every((p, i) => i === 0 || p.x >= thin[i - 1]!.x)).toBe(true);
    expect(downsample(points.slice(0, 10), 400)).toHaveLength(10);
  });
});

describe("line chart geometry", () => {
  it("picks round ticks inside the range", () => {
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.5, 1]);
    expect(niceTicks(0, 100, 4)).toEqual([0, 50, 100]);
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0.13, 0.87, 4)).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });

  it("widens a flat range so a constant series is drawable", () => {
    expect(extent([2, 2])).toEqual([1.8, 2.2]);
    expect(extent([0])).toEqual([-1, 1]);
    expect(extent([])).toEqual([0, 1]);
  });

  it("maps the first and last points to the plot's corners", () => {
    const box = { width: 100, height: 50, left: 10, bottom: 10, top: 0, right: 0 };
    const g = chartGeometry([{ x: 0, y: 0 }, { x: 10, y: 1 }], box);
    expect(g.x(0)).toBe(10);
    expect(g.x(10)).toBe(100);
    expect(g.y(0)).toBe(40);
    expect(g.y(1)).toBe(0);
    expect(g.path).toBe("M10.0,40.0L100.0,0.0");
  });
});

describe("contamination gate", () => {
  const dataset = (status: TDatasetDto["status"], report: string | null) =>
    ({ status, contamination: report ? { status: report } : null }) as unknown as TDatasetDto;

  it("lets through only frozen versions whose latest check passed or was overridden", () => {
    expect(gateState(dataset("ready", "passed"))).toBe("not_frozen");
    expect(gateState(dataset("frozen", null))).toBe("unchecked");
    expect(gateState(dataset("frozen", "passed"))).toBe("clean");
    expect(gateState(dataset("frozen", "overridden"))).toBe("overridden");
    expect(gateState(dataset("frozen", "blocked"))).toBe("blocked");
    expect(gateState(dataset("frozen", "running"))).toBe("checking");
    expect(gateState(dataset("frozen", "failed"))).toBe("failed");
    expect(isTrainable(dataset("frozen", "passed"))).toBe(true);
    expect(isTrainable(dataset("frozen", "overridden"))).toBe(true);
    expect(isTrainable(dataset("frozen", "blocked"))).toBe(false);
    expect(isTrainable(dataset("ready", "passed"))).toBe(false);
  });

  it("offers the frozen versions in list order", () => {
    const list = [dataset("building", null), dataset("frozen", "passed"), dataset("ready", null), dataset("frozen", "blocked")];
    expect(frozenVersions(list)).toEqual([list[1], list[3]]);
  });
});
