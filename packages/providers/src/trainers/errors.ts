// How a training ends other than with a model: cancelled on request (or remotely), or failed with
// a reason the run shows (an exit code and the trainer's last lines, the remote job's error).
export class TrainerCancelledError extends Error {
  constructor(message = "Cancelled on request") {
    super(message);
    this.name = "TrainerCancelledError";
  }
}

export class TrainerFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TrainerFailedError";
  }
}

/** Rejects with TrainerCancelledError once the signal is aborted. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new TrainerCancelledError();
}

/** A pause that ends early (with TrainerCancelledError) when the run is cancelled. */
export function sleepUnlessCancelled(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new TrainerCancelledError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new TrainerCancelledError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
