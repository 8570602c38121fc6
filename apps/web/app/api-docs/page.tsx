import type { Metadata } from "next";
import { ApiDocsPage } from "@/features/api-docs/components/api-docs-page";

export const metadata: Metadata = { title: "API reference" };

export default function Page() {
  return <ApiDocsPage />;
}
