// The builtin student behind a registered model: the model file its training run stored in the blob
// store, or — with no file — the untrained baseline, which knows nothing and answers at chance.
import { AppError } from "@proda/core";
import { readBlob } from "@proda/core/server";
import { deserializeStudent, trainStudent, type TStudentModel } from "@proda/engine";

const UNTRAINED_SEED = 1;

export async function loadStudentModel(model: { name: string; artifactPath: string | null }): Promise<TStudentModel> {
  if (!model.artifactPath) return trainStudent([], { seed: UNTRAINED_SEED }).model;
  let text: string;
  try {
    text = (await readBlob(model.artifactPath)).toString("utf8");
  } catch {
    // The reason (a path under the data directory) stays in the server's logs, not in the message.
    throw new AppError("not_found", `The model file of "${model.name}" is missing from the server's data directory`);
  }
  return deserializeStudent(text);
}
