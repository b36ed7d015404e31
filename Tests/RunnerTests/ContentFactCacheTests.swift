import Core
import Foundation
import Linter
import Testing
import TestSupport

/// `--staged` keeps what the update search learned about each file under its blob id
/// (`.git/schemalint/update-scan-v2`). The cache may only save work: findings are those of a run without it.
@Suite struct ContentFactCacheTests {
    static let schema = """
        import { pgTable, uuid, timestamp } from 'drizzle-orm/pg-core';

        export const notes = pgTable('notes', {
          id: uuid('id').defaultRandom().primaryKey(),
          updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
        });

        """
    static let quietCode = "import { db } from './db';\nexport const all = () => db.select().from(notes);\n"
    static let updatingCode = """
        import { db } from './db';
        import { notes } from './db/schema';
        export const touch = (id: string) => db.update(notes).set({ updatedAt: new Date() });

        """

    static func repository() throws -> TemporaryRepository {
        try TemporaryRepository.make { repo in
            try repo.write("src/db/schema.ts", schema)
            try repo.write("src/notes.ts", quietCode)
            try repo.write("src/other.ts", "export const x = 1;\n")
            try repo.git("add", "--all")
        }
    }

    static let rule = "schema/updated-at-not-maintained src/db/schema.ts"
    static func cache(_ repo: TemporaryRepository) -> String { repo.path(".git/schemalint/update-scan-v2") }

    @Test func aFileThatStartsUpdatingIsReadAgain() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        #expect(try lint(repo.root, staged: true).summaries.contains(Self.rule))
        #expect(FileManager.default.fileExists(atPath: Self.cache(repo)), "the first run keeps what it learned")
        // The cache says src/notes.ts holds no update; its new staged bytes have another blob id and are read.
        try repo.write("src/notes.ts", Self.updatingCode)
        try repo.git("add", "src/notes.ts")
        #expect(try !lint(repo.root, staged: true).summaries.contains(Self.rule))
        #expect(try !lint(repo.root, staged: true).summaries.contains(Self.rule), "and the cache learned it")
    }

    @Test func findingsAreTheSameWithAndWithoutTheCache() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        let fresh = try lint(repo.root, staged: true, environment: ["SCHEMALINT_NO_CACHE": "1"]).summaries
        #expect(!FileManager.default.fileExists(atPath: Self.cache(repo)), "SCHEMALINT_NO_CACHE=1 writes nothing")
        #expect(try lint(repo.root, staged: true).summaries == fresh)
        #expect(try lint(repo.root, staged: true).summaries == fresh)
    }

    @Test func aDamagedCacheIsIgnoredAndReplaced() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        let expected = try lint(repo.root, staged: true).summaries
        let valid = try repo.read(".git/schemalint/update-scan-v2")
        for damaged in [Array("garbage".utf8), Array(valid.dropLast()), [UInt8](repeating: 0xff, count: valid.count)] {
            try repo.write(".git/schemalint/update-scan-v2", bytes: damaged)
            #expect(try lint(repo.root, staged: true).summaries == expected)
            #expect(try repo.read(".git/schemalint/update-scan-v2") == valid, "the run writes a valid cache back")
        }
    }

    /// The version-1 file an earlier schemalint wrote is no use to this one: writing version 2 removes it.
    @Test func theSupersededCacheFileIsRemoved() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try repo.write(".git/schemalint/update-scan-v1", "schemalint update-scan 1\n")
        _ = try lint(repo.root, staged: true)
        #expect(FileManager.default.fileExists(atPath: Self.cache(repo)))
        #expect(!FileManager.default.fileExists(atPath: repo.path(".git/schemalint/update-scan-v1")))
    }

    @Test func aSymlinkedCacheFolderIsNeverWrittenThrough() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        let outside = repo.sandbox + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: repo.path(".git/schemalint"), withDestinationPath: outside)
        #expect(try lint(repo.root, staged: true).summaries.contains(Self.rule))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }
}
