import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useApi } from '@backstage/frontend-plugin-api';
import type { LifecycleQuery } from '@fleet-portal/plugin-fleet-common';
import { fleetApiRef } from '../../api/FleetApi';
import { isForbidden } from '../../lib/errors';
import { localDate, saveBlob } from '../../lib/saveBlob';

function failureMessage(error: Error): string {
  return isForbidden(error)
    ? "You don't have permission to export the fleet lifecycle."
    : `Export failed: ${error.message}`;
}

/** Downloads every cluster matching the current filters as fleet-lifecycle-YYYY-MM-DD.csv. */
export function ExportCsvButton(props: { query: LifecycleQuery }) {
  const fleetApi = useApi(fleetApiRef);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<Error>();

  const exportCsv = async () => {
    setExporting(true);
    setError(undefined);
    try {
      const blob = await fleetApi.exportCsv(props.query);
      saveBlob(blob, `fleet-lifecycle-${localDate()}.csv`);
    } catch (e) {
      setError(e as Error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Box display="flex" alignItems="center" gridGap={8}>
      <Button
        variant="outlined"
        color="primary"
        onClick={exportCsv}
        disabled={exporting}
        startIcon={exporting ? <CircularProgress size={16} /> : <GetAppIcon />}
      >
        Export CSV
      </Button>
      {error && (
        <Typography role="alert" variant="body2" color="error">
          {failureMessage(error)}
        </Typography>
      )}
    </Box>
  );
}
