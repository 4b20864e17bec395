// A refusal from the backend, shown where it happened: the message, every problem by path, and what to do.
import type { ReactNode } from 'react';
import type { Problem } from './presets-actions';

export function ProblemNote({ problem, id }: { problem: Problem; id?: string }): ReactNode {
  return (
    <div className="presets-problem" role="alert" id={id}>
      <p>
        <strong>{problem.message}</strong>
      </p>
      {problem.issues.length > 0 && (
        <ul aria-label="Problems">
          {problem.issues.map((issue, i) => (
            <li key={`${issue.path}-${i}`}>
              <code>{issue.path}</code>: {issue.message}
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{problem.hint}</p>
    </div>
  );
}
