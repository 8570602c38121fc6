"use client";

import { Icon } from "@/components/icons";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { CONTROL_CLASS } from "@/components/ui/field";
import { useT } from "@/i18n/i18n-provider";

/** The new token's secret, shown once. It lives only in component state until dismissed. */
export function TokenSecretCallout({ name, secret, onDismiss }: { name: string; secret: string; onDismiss: () => void }) {
  const t = useT();
  return (
    <div role="alert" className="flex flex-col gap-3 rounded-md border border-warning/60 bg-warning/10 p-4">
      <p className="flex items-center gap-2 font-semibold text-strong">
        <Icon name="alert" size={16} className="text-warning" />
        {t("tokens.createdTitle", { name })}
      </p>
      <p className="text-[13px] text-fg">{t("tokens.createdWarning")}</p>
      <div className="flex items-center gap-2">
        <input
          readOnly
          value={secret}
          aria-label={t("tokens.secret")}
          data-testid="token-secret"
          onFocus={(event) => event.currentTarget.select()}
          className={`${CONTROL_CLASS} h-7 flex-1 font-mono`}
        />
        <CopyButton value={secret} />
      </div>
      <p className="text-xs text-muted">{t("tokens.usageHint")}</p>
      <div>
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          {t("tokens.dismiss")}
        </Button>
      </div>
    </div>
  );
}
