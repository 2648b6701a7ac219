import { configure } from '@testing-library/react';
import '@testing-library/jest-dom';

// Component tests render whole MUI trees, which takes longer than Jest's default 5 s on
// small (2-core) CI machines, especially when other packages test at the same time.
jest.setTimeout(20_000);

// findBy*/waitFor wait 1 s by default; CI runs on 2 busy cores.
configure({ asyncUtilTimeout: 5_000 });
