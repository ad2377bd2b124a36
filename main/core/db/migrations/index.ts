// The catalog's migrations, in order.
import type { Migration } from '../migrate';
import { m0010 } from './0010-create-catalog';
import { m0030 } from './0030-create-history';

export const catalogMigrations: readonly Migration[] = [m0010, m0030];
