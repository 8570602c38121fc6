import { ProvidersView } from "@/features/providers/components/providers-view";

export default function Page() {
  return <ProvidersView />;
}
