// One multipart upload request with upload progress: XMLHttpRequest, because fetch() reports no
// upload progress. Same contract as api(): CSRF header, errors as ApiError with the server's code.
import { ApiError, CSRF_HEADER } from "@/lib/api-client";
import type { TUploadResultDto } from "@/lib/api-types";
import { csrfToken } from "./csrf-token";
import type { TPickedFile } from "./upload-plan";

export interface TUploadResponse {
  results: TUploadResultDto[];
  jobId: string | null;
}

export interface TUploadOptions {
  discipline?: string;
  jsonTextFields?: string;
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

export function uploadFiles(projectId: string, files: TPickedFile[], options: TUploadOptions = {}): Promise<TUploadResponse> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new DOMException("Upload cancelled", "AbortError"));
    // The server reads text fields first, then the files, in the order they were appended.
    const form = new FormData();
    if (options.discipline) form.append("discipline", options.discipline);
    if (options.jsonTextFields) form.append("jsonTextFields", options.jsonTextFields);
    for (const { file, path } of files) form.append("files", file, path);

    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/projects/${encodeURIComponent(projectId)}/corpus/documents`);
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader(CSRF_HEADER, csrfToken());
    xhr.withCredentials = true;
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
    };
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && data) return resolve(data as TUploadResponse);
      const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error ?? {};
      reject(new ApiError(xhr.status, error.code ?? "error", error.message ?? xhr.statusText, error.details));
    };
    // Same type fetch() throws when the network fails, so describeError() says "cannot reach".
    xhr.onerror = () => reject(new TypeError("Network error during upload"));
    xhr.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
