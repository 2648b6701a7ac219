import type { ChangeMode } from './changeMode';

/**
 * The commit message of a request: a title, the reason, and trailers recording who
 * asked, why it landed the way it did, and which scaffolder task made it.
 */
export function commitMessage(options: {
  title: string;
  reason: string;
  requestedBy: string;
  mode: ChangeMode;
  taskId: string;
  entityRef?: string;
}): string {
  const title = oneLine(options.title).slice(0, 200);
  const trailers = [
    `Requested-by: ${options.requestedBy}`,
    `Change-mode: ${options.mode.mode} (${oneLine(options.mode.reason)})`,
    ...(options.entityRef ? [`Entity: ${oneLine(options.entityRef)}`] : []),
    `Scaffolder-task: ${options.taskId}`,
  ];
  return `${title}\n\n${options.reason.trim()}\n\n${trailers.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
