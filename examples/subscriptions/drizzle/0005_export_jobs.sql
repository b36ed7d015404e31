CREATE TABLE "export_jobs" (
	"id" uuid PRIMARY KEY NOT NULL
);
