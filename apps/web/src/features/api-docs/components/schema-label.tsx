import { Fragment } from "react";

/** A type label whose component names (TProjectDto, Error) link to their schema below. */
export function SchemaLabel({ label }: { label: string }) {
  const parts = label.split(/(\b(?:T[A-Z]\w*|Error)\b)/);
  return (
    <code className="font-mono text-xs">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={`#schema-${part}`} className="text-link hover:underline">{part}</a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </code>
  );
}
