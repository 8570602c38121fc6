"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Icon } from "@/components/icons";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/use-hydrated";
import { ErrorMessage } from "@/components/ui/error-message";
import { TextField } from "@/components/ui/field";
import { PreferenceSwitchers } from "@/features/preferences/components/preference-switchers";
import { describeError } from "@/i18n/describe-error";
import { useT } from "@/i18n/i18n-provider";
import { ApiError } from "@/lib/api-client";
import { useSignIn } from "../hooks/use-sign-in";
import { safeNext } from "../lib/safe-next";

export function SignInPage() {
  const t = useT();
  const router = useRouter();
  const searchParams = useSearchParams();
  const signIn = useSignIn();
  const hydrated = useHydrated();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { email: email.trim(), password },
      { onSuccess: () => router.replace(safeNext(searchParams.get("next"))) },
    );
  };

  const error = signIn.error;
  const errorText =
    error instanceof ApiError && error.status === 401
      ? t("signIn.invalidCredentials")
      : error instanceof ApiError && error.status === 429
        ? t("signIn.rateLimited")
        : error
          ? describeError(error, t)
          : null;

  return (
    <main className="relative flex min-h-full items-center justify-center bg-sidebar px-4 py-12">
      <div className="absolute top-3 right-3">
        <PreferenceSwitchers />
      </div>
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center gap-2 text-center">
          <span className="rounded-lg bg-accent p-2 text-accent-fg">
            <Icon name="logo" size={28} />
          </span>
          <h1 className="text-xl font-semibold text-strong">{t("app.name")}</h1>
          <p className="text-[13px] text-muted">{t("app.tagline")}</p>
        </div>
        <form
          onSubmit={onSubmit}
          // Before hydration a native submit must never put the password in a URL.
          method="post"
          aria-labelledby="sign-in-heading"
          className="flex flex-col gap-4 rounded-md border border-line bg-surface p-6 shadow-lg shadow-shadow"
        >
          <h2 id="sign-in-heading" className="text-base font-semibold text-strong">
            {t("signIn.title")}
          </h2>
          <TextField
            label={t("signIn.email")}
            type="email"
            name="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <TextField
            label={t("signIn.password")}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          {errorText ? <ErrorMessage message={errorText} /> : null}
          <Button type="submit" variant="primary" busy={signIn.isPending} disabled={!hydrated} className="h-8 w-full">
            {t("signIn.submit")}
          </Button>
          <p className="text-center text-xs text-muted">
            {t("signIn.demoHint")} <span className="font-mono">demo@proda.local / proda-demo</span>
          </p>
        </form>
      </div>
    </main>
  );
}
