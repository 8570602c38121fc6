"use client";

import Link from "next/link";
import { useT } from "@/i18n/i18n-provider";
import { buttonClass } from "./ui/button";
import { EmptyState } from "./ui/empty-state";

export function NotFoundView() {
  const t = useT();
  return (
    <main className="flex h-full items-center justify-center">
      <EmptyState
        icon="search"
        title={t("notFound.title")}
        action={
          <Link href="/projects" className={buttonClass("primary")}>
            {t("workbench.backToProjects")}
          </Link>
        }
      >
        {t("notFound.body")}
      </EmptyState>
    </main>
  );
}
