import Testing
@testable import SQL

/// `migration/edited-after-merge` asks where a merged drizzle migration changed in what PostgreSQL runs.
@Suite struct SQLTextDifferenceTests {
    private func difference(_ old: String, _ new: String) -> Int? {
        SQLTextDifference.first(Array(old.utf8), Array(new.utf8))
    }

    @Test func whitespaceAndKeywordCaseAreNotEdits() {
        #expect(difference("create table \"t\" (id int);", "CREATE TABLE \"t\" (\n  id INT\n);\n") == nil)
        #expect(difference("ALTER TABLE t ADD COLUMN c text;--> statement-breakpoint\n", "ALTER TABLE t ADD COLUMN c text;--> statement-breakpoint") == nil)
    }

    @Test func quotedTextComparesByteForByte() {
        #expect(difference("SELECT 'a  b';", "SELECT 'a b';") == 7)
        #expect(difference("CREATE TABLE \"Users\" ();", "CREATE TABLE \"users\" ();") == 13)
        #expect(difference("DO $$ BEGIN  NULL; END $$;", "DO $$ BEGIN NULL; END $$;") == 3)
    }

    @Test func aLineBreakThatEndsACommentIsAnEdit() {
        // Without the line break the statement becomes part of the comment.
        #expect(difference("-- note\nDROP TABLE t;", "-- note DROP TABLE t;") == 0)
    }

    @Test func addedAndRemovedTokensAreLocatedInTheNewText() {
        #expect(difference("SELECT 1;", "SELECT 1; SELECT 2;") == 10)
        #expect(difference("SELECT 1; SELECT 2;", "SELECT 1;") == 8)
        #expect(difference("SELECT 1;", "") == 0)
    }
}
