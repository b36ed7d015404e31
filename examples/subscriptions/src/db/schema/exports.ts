import { pgTable, uuid } from 'drizzle-orm/pg-core';

// Row-level security was switched on with `drizzle-kit push` and written into the snapshot, but the migration that
// creates the table does not enable it: databases built from the migrations leave it off.
export const exportJobs = pgTable('export_jobs', {
  id: uuid('id').primaryKey(),
}).enableRLS();
