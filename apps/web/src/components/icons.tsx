// Inline stroke icons (24×24 grid) so the app needs no icon package or network fonts.
import type { SVGProps } from "react";

const PATHS = {
  explorer: "M4 4h7l2 2h7v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1zM4 9h16",
  corpus: "M6 3h9l4 4v14H6zM15 3v4h4M9 11h7M9 14h7M9 17h5",
  knowledge: "M12 5a2 2 0 1 0 0 .01M5 18a2 2 0 1 0 0 .01M19 18a2 2 0 1 0 0 .01M12 7v4M12 11l-6 5.5M12 11l6 5.5M7 18h10",
  tester: "M9 3h6M10 3v6L4.5 18.5A1.7 1.7 0 0 0 6 21h12a1.7 1.7 0 0 0 1.5-2.5L14 9V3M7 15h10",
  builder: "M3 7l9-4 9 4-9 4zM3 7v10l9 4 9-4V7M12 11v10",
  training: "M4 19V5M4 19h16M7 15l4-5 3 3 5-7",
  evaluation: "M12 21a9 9 0 1 1 9-9M12 12l5-5M12 3v2M3 12h2M18.4 5.6l-1.4 1.4",
  debugger: "M8 8a4 4 0 0 1 8 0v1H8zM7 9h10v5a5 5 0 0 1-10 0zM12 14v5M3 13h4M17 13h4M4 8l3 2M20 8l-3 2M4 19l3-2M20 19l-3-2",
  members: "M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20a6.5 6.5 0 0 1 13 0M16 4.5a3.5 3.5 0 0 1 0 6.5M18 14a6 6 0 0 1 3.5 6",
  settings:
    "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19.4 15a1.6 1.6 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.6 1.6 0 0 0-2.7 1.1V21a2 2 0 1 1-4 0v-.1a1.6 1.6 0 0 0-2.7-1.1l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1A1.6 1.6 0 0 0 3.1 14H3a2 2 0 1 1 0-4h.1a1.6 1.6 0 0 0 1.1-2.7l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1A1.6 1.6 0 0 0 9.7 3.1V3a2 2 0 1 1 4 0v.1a1.6 1.6 0 0 0 2.7 1.1l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.6 1.6 0 0 0 1.1 2.7H21a2 2 0 1 1 0 4h-.1a1.6 1.6 0 0 0-1.5 1.3z",
  overview: "M4 4h7v7H4zM13 4h7v4h-7zM13 10h7v10h-7zM4 13h7v7H4z",
  jobs: "M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01",
  audit: "M12 8v4l3 2M3.5 12a8.5 8.5 0 1 0 2.5-6L3.5 8.5M3.5 4v4.5H8",
  providers: "M4 5h16v6H4zM4 13h16v6H4zM8 8h.01M8 16h.01",
  key: "M15 7a4 4 0 1 1-3.9 5H3v3h3v3h3v-3h2.1A4 4 0 0 1 15 7zM16 10h.01",
  close: "M6 6l12 12M18 6L6 18",
  plus: "M12 5v14M5 12h14",
  chevronRight: "M9 6l6 6-6 6",
  chevronDown: "M6 9l6 6 6-6",
  search: "M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM20 20l-4-4",
  sun: "M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4",
  moon: "M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z",
  language: "M4 5h9M8.5 3v2M6 5c.5 3 2.5 6 5.5 7.5M11 5c-.8 3.5-3 6.5-6.5 8M13 21l4-9 4 9M14.3 18h5.4",
  user: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0",
  signOut: "M15 4h4v16h-4M10 17l5-5-5-5M15 12H3",
  alert: "M12 3l10 18H2zM12 10v5M12 18h.01",
  check: "M5 12l5 5L20 7",
  copy: "M9 9h11v11H9zM5 15H4V4h11v1",
  refresh: "M20 11a8 8 0 0 0-14.9-3M4 4v4h4M4 13a8 8 0 0 0 14.9 3M20 20v-4h-4",
  trash: "M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3",
  edit: "M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4",
  panel: "M3 4h18v16H3zM3 14h18",
  sidebar: "M3 4h18v16H3zM9 4v16",
  stop: "M7 7h10v10H7z",
  circle: "M12 20a8 8 0 1 0 0-16 8 8 0 0 0 0 16z",
  home: "M4 11l8-7 8 7M6 9.5V20h12V9.5",
  info: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 11v6M12 7.5h.01",
  terminal: "M4 5h16v14H4zM7 9l3 3-3 3M12 15h5",
  star: "M12 3l2.7 5.6 6.3.9-4.5 4.4 1 6.1-5.5-2.9L6.5 20l1-6.1L3 9.5l6.3-.9z",
  database: "M12 3c4.4 0 8 1.3 8 3s-3.6 3-8 3-8-1.3-8-3 3.6-3 8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3",
  upload: "M12 16V4M7 9l5-5 5 5M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4",
  file: "M6 3h8l4 4v14H6zM14 3v4h4",
  play: "M7 5l12 7-12 7z",
  arrowLeft: "M19 12H5M11 6l-6 6 6 6",
  funnel: "M3 5h18l-7 8v6l-4 2v-8z",
  download: "M12 4v12M7 11l5 5 5-5M4 20h16",
  report: "M5 20V10M10 20V4M15 20v-7M20 20v-4M3 20h18",
  chain: "M9 15l6-6M10.5 6.5l1.8-1.8a3.5 3.5 0 0 1 5 5l-1.8 1.8M13.5 17.5l-1.8 1.8a3.5 3.5 0 0 1-5-5l1.8-1.8",
  relation: "M5 12h11M13 8l4 4-4 4M5 7v10",
  logo: "M4 6l8-3 8 3v12l-8 3-8-3zM4 6l8 3 8-3M12 9v12M8 10.5v4M16 10.5v4",
} as const;

export type TIconName = keyof typeof PATHS;

export function Icon({ name, size = 16, ...rest }: { name: TIconName; size?: number } & SVGProps<SVGSVGElement>) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
