import { TokensView } from "@/features/tokens/components/tokens-view";

export default function Page() {
  return <TokensView />;
}
