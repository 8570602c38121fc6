import { JobsView } from "@/features/jobs/components/jobs-view";

export default function Page() {
  return <JobsView />;
}
