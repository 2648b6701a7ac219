import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { InlineTask } from './InlineTask';

describe('InlineTask', () => {
  let base: string;
  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'inline-task-test-'));
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  const start = () =>
    InlineTask.start({
      credentials: mockCredentials.user('user:default/devon.developer'),
      user: { ref: 'user:default/devon.developer' },
      logger: mockServices.logger.mock(),
      baseDirectory: base,
    });

  it('gives steps what the scaffolder gives them and collects their outputs', async () => {
    const task = await start();
    let runs = 0;
    const step = createTemplateAction({
      id: 'test:step',
      async handler(ctx) {
        const credentials = await ctx.getInitiatorCredentials();
        const temporary = await ctx.createTemporaryDirectory();
        fs.writeFileSync(path.join(ctx.workspacePath, 'file'), 'content');
        const first = await ctx.checkpoint({
          key: 'once',
          fn: async () => ++runs,
        });
        ctx.output('principal', (credentials.principal as any).userEntityRef);
        ctx.output('user', ctx.user!.ref!);
        ctx.output('task', ctx.task.id);
        ctx.output('dryRun', !!ctx.isDryRun);
        ctx.output('checkpoint', first);
        ctx.output('temporary', temporary);
      },
    });
    const first = await task.run('one', step, {});
    const second = await task.run('one', step, {}, { isDryRun: true });
    expect(first).toMatchObject({
      principal: 'user:default/devon.developer',
      user: 'user:default/devon.developer',
      task: task.id,
      dryRun: false,
      checkpoint: 1,
    });
    // a checkpoint of the task runs once, as in a retried scaffolder task
    expect(second).toMatchObject({ dryRun: true, checkpoint: 1 });
    expect(fs.existsSync(first.temporary)).toBe(false);
    expect(fs.readFileSync(path.join(task.workspacePath, 'file'), 'utf8')).toBe(
      'content',
    );
    await task.close();
    expect(fs.readdirSync(base)).toEqual([]);
  });

  it("passes a step's error on and still removes its temporary directory", async () => {
    const task = await start();
    let temporary = '';
    const failing = createTemplateAction({
      id: 'test:failing',
      async handler(ctx) {
        temporary = await ctx.createTemporaryDirectory();
        throw new Error('step failed');
      },
    });
    await expect(task.run('two', failing, {})).rejects.toThrow('step failed');
    expect(fs.existsSync(temporary)).toBe(false);
    await task.close();
    expect(fs.readdirSync(base)).toEqual([]);
  });
});
