"use client";

import type { TRole } from "@proda/core";
import { useT } from "@/i18n/i18n-provider";
import { Badge, type TTone } from "./ui/badge";

const ROLE_TONE: Record<TRole, TTone> = {
  owner: "accent",
  engineer: "info",
  expert: "success",
  reviewer: "warning",
  viewer: "neutral",
};

export function RoleBadge({ role }: { role: TRole }) {
  const t = useT();
  return <Badge tone={ROLE_TONE[role]}>{t(`roles.${role}`)}</Badge>;
}
