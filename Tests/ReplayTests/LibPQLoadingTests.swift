@testable import Postgres
import Testing
import TestSupport

/// libpq is loaded with dlopen on first use (`LibPQ`), not linked.
@Suite struct LibPQLoadingTests {
    @Test func everyFieldHoldsTheFunctionItNamesAndAMissingLibraryNamesThePackage() throws {
        let lib = try LibPQ.load(LibPQ.description)
        #expect(FunctionTable.mismatchedFields(of: lib, library: LibPQ.fileNames[0]) == [])
        var missing = LibPQ.description
        missing.fileNames = ["libpq-schemalint-test-missing.so.0"]
        #expect(FunctionTable.failure { try LibPQ.load(missing) }?.contains(
            "libpq (the PostgreSQL client library) to connect to PostgreSQL, but cannot load it: libpq-schemalint-test-missing.so.0") == true)
        #expect(FunctionTable.failure { try LibPQ.load(missing) }?.contains("Install the package libpq5") == true)
    }
}
