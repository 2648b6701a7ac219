import { useEffect, useRef } from 'react';
import { useTheme } from '@material-ui/core/styles';
import { useStatusColors } from '../gridColors';
import { statusOfCode } from './gridChunks';

const WORST_FIRST = ['c', 'w', 'u', 'o', 'n'];

/**
 * The whole selection in one column of pixels, each pixel the worst status of the rows it covers,
 * with the rows on screen framed: where the trouble is in a fleet of 10,000, at a glance. A click
 * scrolls there.
 */
export function OverviewStrip(props: {
  /** One overall status code per row of the selection. */
  overview: string;
  height: number;
  /** Rows on screen, as positions. */
  visible: [number, number];
  onJump: (position: number) => void;
}) {
  const { overview, height, visible, onJump } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const colors = useStatusColors();
  const theme = useTheme();
  const width = 14;

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || overview.length === 0) return;
    context.clearRect(0, 0, width, height);
    const rowsPerPixel = overview.length / height;
    for (let y = 0; y < height; y++) {
      const from = Math.floor(y * rowsPerPixel);
      const to = Math.max(from + 1, Math.floor((y + 1) * rowsPerPixel));
      const slice = overview.slice(from, to);
      if (!slice) continue;
      const worst = WORST_FIRST.find(code => slice.includes(code))!;
      context.fillStyle = colors[statusOfCode(worst)];
      context.fillRect(0, y, width, 1);
    }
    const top = (visible[0] / overview.length) * height;
    const bottom = (visible[1] / overview.length) * height;
    context.strokeStyle = theme.palette.text.primary;
    context.lineWidth = 2;
    context.strokeRect(1, top + 1, width - 2, Math.max(4, bottom - top - 2));
  }, [overview, height, visible, colors, theme]);

  return (
    <canvas
      ref={canvas}
      width={width}
      height={height}
      role="img"
      aria-label={`Overview of ${overview.length} clusters, worst first at the top`}
      style={{ cursor: 'pointer', display: 'block' }}
      onClick={event => {
        const rect = event.currentTarget.getBoundingClientRect();
        const share = (event.clientY - rect.top) / rect.height;
        onJump(Math.floor(share * overview.length));
      }}
    />
  );
}
