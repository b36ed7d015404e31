import Migrations

/// What writes and applies a folder's migrations, so that advice names the commands the team actually runs:
/// drizzle-kit and drizzle's migrator, the Supabase CLI (which applies each file as one transaction), or Prisma.
enum MigrationTool {
    case drizzleKit, supabaseCLI, prisma

    init(_ folder: MigrationFolder) {
        if folder.isAppliedBySupabaseCLI {
            self = .supabaseCLI
        } else {
            self = folder.layout == .prisma ? .prisma : .drizzleKit
        }
    }

    /// How a hand-written migration is added.
    var newMigration: String {
        switch self {
        case .drizzleKit: "`drizzle-kit generate --custom`"
        case .supabaseCLI: "`supabase migration new`"
        case .prisma: "`prisma migrate dev --create-only`"
        }
    }

    /// What applies the migrations.
    var applier: String {
        switch self {
        case .drizzleKit: "drizzle's migrator"
        case .supabaseCLI: "the Supabase CLI (it runs each file, with its history row, as one transaction)"
        case .prisma: "`prisma migrate deploy`"
        }
    }

    /// What records which migrations ran, which a migration left in place keeps in order.
    var history: String {
        switch self {
        case .drizzleKit: "the journal"
        case .supabaseCLI: "`supabase_migrations.schema_migrations`"
        case .prisma: "`_prisma_migrations`"
        }
    }
}

extension MigrationRunner {
    /// How long `SET LOCAL` lasts under this runner, for the `lock_timeout` advice.
    var localSettingLasts: String {
        switch self {
        case .oneTransaction: "drizzle-kit runs the SQL file as written; under its one transaction `SET LOCAL` lasts until the batch commits"
        case .perFile: "`SET LOCAL` lasts until this migration's transaction commits"
        case .none, .unknown: "without a transaction, `SET` lasts for the session"
        }
    }
}
