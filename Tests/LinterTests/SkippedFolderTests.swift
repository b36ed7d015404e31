import Core
@testable import Linter
import Testing

/// A git listing drops the dependency and build folders the work-tree listing skips (`WorkTreeSource.skippedFolders`),
/// at any depth; `GitSnapshotSource.isInSkippedFolder` tests their first byte before the name, so a folder added to
/// the list with a new first byte must still be skipped.
@Suite struct SkippedFolderTests {
    @Test(arguments: WorkTreeSource.skippedFolders.sorted())
    func everySkippedFolderIsSkippedAtAnyDepth(_ name: String) {
        #expect(GitSnapshotSource.isInSkippedFolder("\(name)/index.ts"))
        #expect(GitSnapshotSource.isInSkippedFolder("apps/web/\(name)/lib/index.ts"))
        // `.build*` is skipped whatever follows (`.build-static`); any other name only as a whole.
        #expect(GitSnapshotSource.isInSkippedFolder("apps/web/\(name)x/index.ts") == (name == ".build"))
        #expect(!GitSnapshotSource.isInSkippedFolder("apps/web/\(name)"), "a file of that name is not a folder")
    }

    @Test func buildFoldersOfAnyNameAndOrdinaryFoldersAreToldApart() {
        #expect(GitSnapshotSource.isInSkippedFolder("pkg/.build-static/release/x.ts"))
        #expect(!GitSnapshotSource.isInSkippedFolder("docs/distribution/x.md"))
        #expect(!GitSnapshotSource.isInSkippedFolder("packages/db/drizzle/0001_init.sql"))
        #expect(!GitSnapshotSource.isInSkippedFolder(".github/workflows/ci.yml"))
    }
}
