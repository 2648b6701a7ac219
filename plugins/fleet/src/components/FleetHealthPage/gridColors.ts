import { useTheme } from '@material-ui/core/styles';
import type { SignalStatus } from '@fleet-portal/plugin-fleet-common';

/** The fill of each status in the heat map and its legend; unknown is grey, never green. */
export function useStatusColors(): Record<SignalStatus, string> {
  const theme = useTheme();
  return {
    critical: theme.palette.error.main,
    warning: theme.palette.warning.main,
    unknown: theme.palette.grey[500],
    ok: theme.palette.success.light,
    'not-applicable': theme.palette.action.hover,
  };
}

/** A glyph per status, so that the heat map does not rely on colour alone. */
export const STATUS_GLYPHS: Record<SignalStatus, string> = {
  critical: '✕',
  warning: '!',
  unknown: '?',
  ok: '',
  'not-applicable': '–',
};
