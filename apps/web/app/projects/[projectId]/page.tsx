import { ProjectOverview } from "@/features/projects/components/project-overview";

export default function Page() {
  return <ProjectOverview />;
}
