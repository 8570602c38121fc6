"use client";

import { useEffect, useState } from "react";
import { useT } from "@/i18n/i18n-provider";
import { Button } from "./button";

export function CopyButton({ value, label }: { value: string; label?: string }) {
  const t = useT();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <>
      <Button
        size="sm"
        icon={state === "copied" ? "check" : "copy"}
        onClick={() =>
          navigator.clipboard.writeText(value).then(
            () => setState("copied"),
            () => setState("failed"),
          )
        }
      >
        {state === "copied" ? t("common.copied") : (label ?? t("common.copy"))}
      </Button>
      <span role="status" className="sr-only">
        {state === "copied" ? t("common.copied") : state === "failed" ? t("common.copyFailed") : ""}
      </span>
    </>
  );
}
