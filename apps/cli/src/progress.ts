// Progress output: a redrawn bar on a terminal, plain lines (only when something changed) in logs
// and pipes. Always on stderr, so stdout stays clean for --json results.
export interface TProgressState {
  label: string;
  status: string;
  /** 0–1, or null when unknown. */
  fraction: number | null;
  done?: number;
  total?: number;
  message?: string | null;
}

export function renderBar(fraction: number, width = 24): string {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const full = Math.round(f * width);
  return `[${"#".repeat(full)}${"-".repeat(width - full)}] ${String(Math.floor(f * 100)).padStart(3)}%`;
}

export function formatProgressLine(s: TProgressState, width = 24): string {
  const parts = [s.label, s.status];
  if (s.fraction !== null) parts.push(renderBar(s.fraction, width));
  if (s.total) parts.push(`${s.done ?? 0}/${s.total}`);
  if (s.message) parts.push(s.message);
  return parts.join("  ");
}

/** The plain line mode repeats a line only when status, message or a 10 % step changes. */
export function plainKey(s: TProgressState): string {
  return `${s.label}|${s.status}|${s.message ?? ""}|${s.fraction === null ? "" : Math.floor(s.fraction * 10)}`;
}

export interface TProgressSink {
  update(state: TProgressState): void;
  /** Ends the bar (a final newline on a terminal). */
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, options: { quiet?: boolean } = {}): TProgressSink {
  if (options.quiet) return { update() {}, done() {} };
  if (stream.isTTY) {
    let drawn = false;
    return {
      update(state) {
        const columns = stream.columns || 80;
        const line = formatProgressLine(state, Math.max(10, Math.min(30, columns - 60)));
        stream.write(`\r\x1b[2K${line.slice(0, columns - 1)}`);
        drawn = true;
      },
      done() {
        if (drawn) stream.write("\n");
        drawn = false;
      },
    };
  }
  let last = "";
  return {
    update(state) {
      const key = plainKey(state);
      if (key === last) return;
      last = key;
      stream.write(`${formatProgressLine(state, 20)}\n`);
    },
    done() {},
  };
}
