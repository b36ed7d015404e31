import Core
import Foundation
import Linter
import Testing
import TestSupport

/// `check --fix`: every fix offered on the corpus and the examples, applied to a copy, leaves the fixed findings gone,
/// nothing new (apart from the drift that schema changes leave until `drizzle-kit generate`), and every file readable.
@Suite struct FixTests {
    static let repositories: [String] = {
        var paths: [String] = []
        if let corpus = SharedFolder.path("corpus/drizzle"),
           let names = try? FileManager.default.contentsOfDirectory(atPath: corpus) {
            paths += names.sorted().map { corpus + "/" + $0 }.filter { isFolder($0) }
        }
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples").path
        paths += ["subscriptions", "clean"].map { examples + "/" + $0 }
        return paths
    }()

    static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// What identifies a finding across edits that move it: rule, path and message.
    static func key(_ located: LocatedFinding) -> String {
        "\(located.finding.ruleID) \(located.finding.path): \(located.finding.message)"
    }

    @Test(arguments: repositories)
    func applyingEveryFixLeavesNothingNew(_ repository: String) throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("schemalint-fix-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: repository, toPath: copy.path)
        defer { try? FileManager.default.removeItem(at: copy) }

        let before = try lint(copy.path)
        let offered = before.findings.filter { !$0.fixes.isEmpty }
        var options = CheckOptions()
        options.paths = [copy.path]
        options.fix = true
        options.unsafeFixes = true
        let outcome = try CheckRunner(options: options, environment: [:]).applyFixes(catalog: try RuleCatalog.builtIn.get())
        #expect(outcome.staleFiles.isEmpty && outcome.failures.isEmpty)
        #expect((outcome.appliedFixes > 0) == !offered.isEmpty, "\(outcome.appliedFixes) fixes applied, \(offered.count) findings had one")
        let after = try lint(copy.path)

        var remaining: [String: Int] = [:]
        for located in after.findings { remaining[Self.key(located), default: 0] += 1 }
        for located in offered {
            #expect(remaining[Self.key(located), default: 0] == 0, "still reported after its fix: \(Self.key(located))")
        }
        var earlier: [String: Int] = [:]
        for located in before.findings { earlier[Self.key(located), default: 0] += 1 }
        // A fix that changes the SQL schema (a type, an index) is drift until a migration is generated; every other
        // finding, parse errors included, must have been there before.
        let schemaChanged = offered.contains { $0.fixes.contains { !$0.isSafe && $0.label.contains("drizzle-kit generate") } }
        // A file that was not valid JSON could not be judged at all: once it parses, its contents are checked.
        let madeReadable = Set(offered.filter { $0.finding.ruleID == "gist/invalid-json" }.map(\.finding.path))
        for located in after.findings
        where (located.finding.ruleID != "schema/migration-drift" || !schemaChanged) && !madeReadable.contains(located.finding.path) {
            let key = Self.key(located)
            #expect(earlier[key, default: 0] > 0, "new after the fixes: \(key)")
            earlier[key, default: 0] -= 1
        }
    }

    @Test func stagedModeRefusesToFix() throws {
        let folder = try TemporaryRepository()
        defer { folder.remove() }
        try folder.write("gists/a.json", "{}")
        var options = CheckOptions()
        options.paths = [folder.root]
        options.fix = true
        options.staged = true
        #expect(throws: UsageFailure.self) { try CheckRunner(options: options, environment: [:]).run() }
    }

    @Test func stagedModeRefusesToFixThroughTheBinary() throws {
        try #require(BuiltBinary.isAvailable, BuiltBinary.missing)
        let folder = try TemporaryRepository()
        defer { folder.remove() }
        try folder.write("gists/a.json", "{}")
        let outcome = try BuiltBinary.run(["check", "--fix", "--staged", "."], in: folder.root)
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("--fix cannot be used with --staged"))
    }

    @Test func onlySafeFixesWithoutUnsafeFixesAndNeverOnAChangedFile() throws {
        let folder = try TemporaryRepository()
        defer { folder.remove() }
        let schema = """
            import { pgTable, uuid, timestamp } from 'drizzle-orm/pg-core';

            export const notes = pgTable('notes', {
              id: uuid('id').primaryKey(),
              createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
              updatedAt: timestamp('updated_at').defaultNow(),
            });

            """
        try folder.write("schema.ts", schema)
        try folder.write("drizzle.config.ts", "export default { dialect: 'postgresql', schema: './schema.ts' };\n")
        // The code updates `notes`, so its `updatedAt` going stale matters (the safe fix adds `$onUpdate`).
        try folder.write("touch.ts", "import { notes } from './schema';\nexport const touch = (db: any) => db.update(notes).set({ createdAt: new Date() });\n")
        let report = try lint(folder.root)
        let fixes = report.findings.flatMap(\.fixes)
        #expect(Set(fixes.map(\.isSafe)) == [true, false])

        // The file changes after the run read it: nothing is written.
        try folder.write("schema.ts", schema + "// edited\n")
        let stale = FixApplier(root: URL(fileURLWithPath: folder.root), includeUnsafe: true).apply(report.findings)
        #expect(stale.appliedFixes == 0 && stale.staleFiles == ["schema.ts"])
        #expect(folder.text("schema.ts") == schema + "// edited\n")

        try folder.write("schema.ts", schema)
        let safe = FixApplier(root: URL(fileURLWithPath: folder.root), includeUnsafe: false).apply(report.findings)
        #expect(safe.appliedFixes == 1 && safe.changedFiles == ["schema.ts"])
        #expect(folder.text("schema.ts").contains(
            "updatedAt: timestamp('updated_at').defaultNow().$onUpdate(() => new Date()),"))
        #expect(!folder.text("schema.ts").contains("updated_at', { withTimezone"))
    }

    @Test func sqlFixesOnlyUnderARunnerWithoutATransaction() throws {
        let journal = """
            { "version": "7", "dialect": "postgresql", "entries": [
              { "idx": 0, "version": "7", "when": 1730419200000, "tag": "0000_init", "breakpoints": true },
              { "idx": 1, "version": "7", "when": 1730505600000, "tag": "0001_change", "breakpoints": true } ] }
            """
        let change = """
            ALTER TABLE "users" ADD CONSTRAINT "users_email_length" CHECK (length("email") < 320);--> statement-breakpoint
            CREATE INDEX "users_email_idx" ON "users" USING btree ("email");

            """
        for runner in ["drizzle-kit", "none"] {
            let folder = try TemporaryRepository()
            defer { folder.remove() }
            try folder.write("drizzle/meta/_journal.json", journal)
            try folder.write("drizzle/0000_init.sql", "CREATE TABLE \"users\" (\"id\" uuid PRIMARY KEY NOT NULL, \"email\" text);\n")
            try folder.write("drizzle/0001_change.sql", change)
            try folder.write(".schemalint.yml", "migrations:\n  runner: \(runner)\n")
            let report = try lint(folder.root)
            let fixed = report.findings.filter { !$0.fixes.isEmpty }.map(\.finding.ruleID).sorted()
            guard runner == "none" else {
                // drizzle-kit's one transaction: CONCURRENTLY fails there and VALIDATE would scan under the lock.
                #expect(fixed.isEmpty)
                continue
            }
            #expect(fixed == ["migration/constraint-without-not-valid", "migration/unsafe-index-creation"])
            _ = FixApplier(root: URL(fileURLWithPath: folder.root), includeUnsafe: false).apply(report.findings)
            #expect(folder.text("drizzle/0001_change.sql") == """
                ALTER TABLE "users" ADD CONSTRAINT "users_email_length" CHECK (length("email") < 320) NOT VALID;
                --> statement-breakpoint
                ALTER TABLE "users" VALIDATE CONSTRAINT "users_email_length";--> statement-breakpoint
                CREATE INDEX CONCURRENTLY IF NOT EXISTS "users_email_idx" ON "users" USING btree ("email");

                """)
            let rules = Set(try lint(folder.root).findings.map(\.finding.ruleID))
            #expect(rules.isDisjoint(with: ["migration/constraint-without-not-valid", "migration/unsafe-index-creation"]))
        }
    }

    @Test func collidingEditsWaitForTheNextPass() {
        #expect(FixApplier.collide(3..<3, 3..<3))
        #expect(FixApplier.collide(2..<6, 5..<9))
        #expect(!FixApplier.collide(2..<5, 5..<9))
        #expect(TextEdit.apply([.insert("b", at: 1, in: "f"), TextEdit(path: "f", range: 2..<3, replacement: "")], to: Array("acd".utf8))
                == Array("abc".utf8))
        #expect(TextEdit.apply([TextEdit(path: "f", range: 0..<2, replacement: ""), TextEdit(path: "f", range: 1..<3, replacement: "")],
                               to: Array("abc".utf8)) == nil)
    }
}

extension TemporaryRepository {
    func text(_ relative: String) -> String { (try? read(relative)).map { String(decoding: $0, as: UTF8.self) } ?? "" }
}
