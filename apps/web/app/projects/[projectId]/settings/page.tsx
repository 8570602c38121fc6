import { ProjectSettingsView } from "@/features/projects/components/project-settings-view";

export default function Page() {
  return <ProjectSettingsView />;
}
