// The catalog's migrations, in order.
import type { Migration } from '../migrate';
import { m0010 } from './0010-create-catalog';
import { m0030 } from './0030-create-history';
import { m0050 } from './0050-source-notes';
import { m0110 } from './0110-column-tags';
import { m0120 } from './0120-erasure-audit';
import { m0140 } from './0140-workspace-secret';

import { m0170 } from './0170-profiles-rules';

export const catalogMigrations: readonly Migration[] = [m0010, m0030, m0050, m0110, m0120, m0140, m0170];
