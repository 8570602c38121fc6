"use client";

import { useMemo } from "react";
import { useT } from "@/i18n/i18n-provider";
import { colourByCommunity, colourByType, colourByValue, type TColourMode, type TColouring } from "../lib/colours";
import type { TGraphData } from "../lib/decode-layout";

/** The colouring for a mode; overlay modes fall back to "no data" grey until their values arrive. */
export function useOverviewColouring(data: TGraphData | undefined, mode: TColourMode, values: number[] | undefined): TColouring | null {
  const t = useT();
  return useMemo(() => {
    if (!data) return null;
    const other = t("graph.legend.other");
    if (mode === "type") return colourByType(data.types, data.typeNames, other);
    if (mode === "community") return colourByCommunity(data.communities, (rank) => t("graph.legend.community", { number: rank + 1 }), other);
    const aligned = values && values.length === data.nodeCount ? values : new Array<number>(data.nodeCount).fill(-1);
    return colourByValue(aligned, mode, {
      noData: t(mode === "coverage" ? "graph.legend.noData" : "graph.legend.untested"),
      range: (from, to) => `${Math.round(from * 100)}–${Math.round(to * 100)} %`,
    });
  }, [data, mode, values, t]);
}
