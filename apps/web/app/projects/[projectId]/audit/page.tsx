import { AuditView } from "@/features/audit/components/audit-view";

export default function Page() {
  return <AuditView />;
}
