// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "schemalint",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "schemalint", targets: ["schemalint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The schema model every reader fills (names, tables, columns, constraints, policies): no dependencies, so
        // that the SQL wrapper and every reader can use it.
        .target(name: "Catalog"),

        // C libraries, each wrapped by exactly one Swift module.
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "YAML", dependencies: ["CLibYAML"]),
        // libgit2 and libpq are not linked (no pkgConfig, no `link` in their module maps): Git and Postgres load
        // them with dlopen on first use (DynamicLibrary), so runs that never need them do not resolve them and
        // their ~40 dependencies at start-up. At run time they need the packages libgit2-1.5 and libpq5.
        .target(name: "DynamicLibrary"),
        .systemLibrary(name: "CGit2", providers: [.apt(["libgit2-dev"])]),
        .target(name: "Git", dependencies: ["CGit2", "Core", "DynamicLibrary"]),
        .systemLibrary(name: "CPgQuery", providers: [.apt(["libpg-query-dev"])]),
        .target(name: "SQL", dependencies: ["CPgQuery", "JSON", "Catalog", "Core"]),
        .systemLibrary(name: "CLibPQ", providers: [.apt(["libpq-dev"])]),
        .target(name: "Postgres", dependencies: ["CLibPQ", "DynamicLibrary"]),

        // The rule catalog (rules/**/*.yml) is compiled into Core by this plugin (each entry without its examples as
        // the YAML tree the tool parsed, so a run does not parse it again).
        .executableTarget(name: "EmbedCatalogTool", dependencies: ["YAML"]),
        .plugin(name: "EmbedCatalog", capability: .buildTool(), dependencies: ["EmbedCatalogTool"]),

        .target(name: "Core", dependencies: ["YAML"], plugins: ["EmbedCatalog"]),

        // Readers: each turns bytes into a small typed model.
        .target(name: "JSON", exclude: ["Metaschemas/generate.sh"]),
        .target(name: "Gists", dependencies: ["Core", "JSON"]),
        .target(name: "TypeScript"),
        .target(name: "Drizzle", dependencies: ["Catalog", "TypeScript", "JSON", "Core"]),
        .target(name: "Queries", dependencies: ["Catalog", "Core", "TypeScript", "Drizzle"]),
        .target(name: "Prisma", dependencies: ["Catalog"]),
        // drizzle-kit's on-disk artefacts: journal, snapshots (read into the Catalog), folder layouts.
        .target(name: "DrizzleKit", dependencies: ["Catalog", "Core", "JSON"]),
        // Migration SQL replayed into a catalog, step by step: what exists before each migration, what each creates.
        .target(name: "SQLReplay", dependencies: ["Catalog", "Core", "SQL"]),
        .target(name: "Migrations", dependencies: ["Catalog", "Core", "JSON", "SQL", "SQLReplay", "DrizzleKit"]),
        .target(name: "ProjectModel", dependencies: ["Catalog", "Core", "Gists", "Drizzle", "Prisma", "Queries", "Migrations", "SQL", "SQLReplay"]),

        // Rules: one file per rule, grouped by domain.
        .target(name: "GistRules", dependencies: ["Core", "JSON", "Gists", "ProjectModel"]),
        .target(name: "SyncRules", dependencies: ["Catalog", "Core", "JSON", "Gists", "Drizzle", "ProjectModel"]),
        .target(name: "DrizzleRules", dependencies: ["Catalog", "Core", "Drizzle", "Queries", "ProjectModel"]),
        .target(name: "MigrationRules", dependencies: ["Catalog", "Core", "ProjectModel", "Migrations", "DrizzleKit", "Drizzle", "Prisma", "JSON", "SQL", "SQLReplay"]),

        // `schemalint replay`: the migrations applied to a throwaway PostgreSQL, its catalog read back.
        .target(name: "Replay", dependencies: ["Catalog", "Core", "Postgres", "Drizzle", "Migrations", "MigrationRules", "SQL"]),

        // The engine, configuration discovery, reporters and the command line.
        .target(name: "Reporters", dependencies: ["Core"]),
        // Workspace loading: finds the inputs in a file source and reads each once (with a parse cache kept across
        // runs by the language server) into the `Project` the rules read.
        .target(name: "Workspace", dependencies: ["Catalog", "Core", "JSON", "Gists", "TypeScript", "Drizzle", "Prisma", "Queries", "ProjectModel", "DrizzleKit", "Migrations"]),
        // The engine: every rule over a loaded project, then `ignore` entries, suppressions, applied migrations and the
        // baseline, and the findings located. No Git, PostgreSQL or reporters: its callers bring the inputs.
        .target(name: "RuleEngine", dependencies: ["Catalog", "Core", "JSON", "Queries", "Migrations", "ProjectModel", "Workspace", "GistRules", "SyncRules", "DrizzleRules", "MigrationRules"]),
        // `schemalint validate`: JSON files against JSON Schemas, as check-jsonschema does; shares nothing with a lint run.
        .target(name: "SchemaValidation", dependencies: ["Core", "JSON", "Gists"]),
        // The runners: check (work tree, --staged, --base), replay, baseline, hooks, fixes, the starter configuration
        // and schema printing; they prepare the engine's inputs and render its report.
        .target(name: "Linter", dependencies: ["Catalog", "Core", "JSON", "Gists", "Drizzle", "DrizzleKit", "ProjectModel", "Workspace", "Migrations", "MigrationRules", "DrizzleRules", "SyncRules", "RuleEngine", "Reporters", "Git", "Replay"]),
        // `schemalint lsp`: the Language Server Protocol over standard input and output.
        .target(name: "LanguageServer", dependencies: ["Linter", "RuleEngine", "Core"]),
        .executableTarget(name: "schemalint", dependencies: [
            "Linter", "SchemaValidation", "Reporters", "Core", "JSON", "LanguageServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog"]),
        .testTarget(name: "CoreTests", dependencies: ["Core", "YAML", "TestSupport"]),
        .testTarget(name: "GitTests", dependencies: ["Git", "TestSupport"]),
        .testTarget(name: "RunnerTests", dependencies: ["Linter", "RuleEngine", "Reporters", "Core", "Git", "JSON", "Replay", "TestSupport"]),
        .testTarget(name: "GistRulesTests", dependencies: ["GistRules", "Gists", "JSON", "Core", "Linter", "SchemaValidation", "TestSupport"]),
        .testTarget(name: "DrizzleRulesTests", dependencies: ["Catalog", "DrizzleRules", "Queries", "Drizzle", "TypeScript", "Linter", "RuleEngine", "Core", "TestSupport"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON", "TestSupport"]),
        .testTarget(name: "MigrationsTests", dependencies: ["Catalog", "DrizzleKit", "Migrations", "MigrationRules", "Linter", "RuleEngine", "Workspace", "SQL", "SQLReplay", "Drizzle", "Core", "ProjectModel", "TestSupport"]),
        .testTarget(name: "SQLReplayTests", dependencies: ["Catalog", "SQL", "SQLReplay", "TestSupport"]),
        .testTarget(name: "SQLTests", dependencies: ["Catalog", "SQL", "TestSupport"]),
        .testTarget(name: "TypeScriptTests", dependencies: ["TypeScript", "TestSupport"]),
        .testTarget(name: "PrismaTests", dependencies: ["Prisma", "Drizzle", "Linter", "RuleEngine", "Core", "TestSupport"]),
        .testTarget(name: "DrizzleKitTests", dependencies: ["Catalog", "Core", "DrizzleKit", "TestSupport"]),
        .testTarget(name: "DrizzleTests", dependencies: ["Catalog", "Drizzle", "DrizzleKit", "TypeScript", "JSON", "TestSupport"]),
        .testTarget(name: "ReporterTests", dependencies: ["Linter", "RuleEngine", "Reporters", "Core"], exclude: ["Golden"]),
        .testTarget(name: "ReplayTests", dependencies: ["Replay", "Postgres", "Linter", "Core", "Migrations", "MigrationRules", "SQL", "SQLReplay", "Drizzle", "TestSupport"]),
        .testTarget(name: "LinterTests", dependencies: ["Linter", "RuleEngine", "Core", "Reporters", "Replay", "Drizzle", "DrizzleRules", "Gists", "Migrations", "MigrationRules", "SyncRules", "TestSupport"], exclude: ["Golden"]),
    ]
)
