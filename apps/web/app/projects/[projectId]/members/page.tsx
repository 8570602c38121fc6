import { MembersView } from "@/features/members/components/members-view";

export default function Page() {
  return <MembersView />;
}
