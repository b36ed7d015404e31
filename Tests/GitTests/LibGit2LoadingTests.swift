@testable import Git
import Testing
import TestSupport

/// libgit2 is loaded with dlopen on first use (`LibGit2`), not linked.
@Suite struct LibGit2LoadingTests {
    @Test func everyFieldHoldsTheFunctionItNames() throws {
        let lib = try LibGit2.load(LibGit2.description)
        #expect(FunctionTable.mismatchedFields(of: lib, library: LibGit2.fileNames[0]) == [])
    }

    @Test func aMissingOrWrongLibraryNamesThePackageToInstall() {
        var description = LibGit2.description
        description.fileNames = ["libgit2-schemalint-test-missing.so.0"]
        let missing = FunctionTable.failure { try LibGit2.load(description) } ?? ""
        #expect(missing.hasPrefix("schemalint needs libgit2 to read git repositories, but cannot load it: libgit2-schemalint-test-missing.so.0"))
        #expect(missing.hasSuffix("Install the package libgit2-1.5 (Debian/Ubuntu: apt-get install libgit2-1.5), or set SCHEMALINT_LIBGIT2 to the library's path"))
        description.fileNames = ["libz.so.1"]
        #expect(FunctionTable.failure { try LibGit2.load(description) }?.contains("libz.so.1 has no function git_blob_free") == true)
    }
}
