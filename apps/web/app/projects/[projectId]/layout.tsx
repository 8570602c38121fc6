import type { ReactNode } from "react";
import { Workbench } from "@/features/workbench/components/workbench";

export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return <Workbench projectId={projectId}>{children}</Workbench>;
}
