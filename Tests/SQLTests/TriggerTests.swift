import Catalog
import Testing
@testable import SQL

@Suite struct TriggerTests {
    @Test func functionBodyAssignmentsToTheNewRowAreRead() throws {
        let parsed = ParsedSQL("""
            CREATE OR REPLACE FUNCTION public.touch_row() RETURNS trigger AS $body$
            BEGIN
              -- only when something else changed
              IF NEW.edited_at = OLD.edited_at THEN
                NEW.edited_at := now();
              END IF;
              NEW."lastSeen" = now();
              RETURN NEW;
            END;
            $body$ LANGUAGE plpgsql;
            """)
        #expect(parsed.file.syntaxErrors.isEmpty)
        guard case .create(let function) = try #require(parsed.file.statements.first).kind else {
            Issue.record("expected CREATE FUNCTION, got \(parsed.file.statements)")
            return
        }
        #expect(function.name == QualifiedName(schema: "public", name: "touch_row"))
        #expect(function.objectKind == .function)
        #expect(function.assignedNewColumns == ["edited_at", "lastSeen"])
    }

    @Test func comparisonsAndSQLFunctionsAssignNothing() throws {
        let parsed = ParsedSQL("""
            CREATE FUNCTION guard() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.edited_at IS NULL OR NEW.edited_at = OLD.edited_at THEN RAISE EXCEPTION 'stale'; END IF;
              RETURN NEW;
            END $$;
            CREATE FUNCTION plain() RETURNS trigger LANGUAGE sql AS 'NEW.edited_at = now()';
            """)
        let functions = parsed.file.statements.compactMap { statement -> CreateObject? in
            if case .create(let function) = statement.kind { function } else { nil }
        }
        #expect(functions.map(\.assignedNewColumns) == [[], []])
    }

    @Test func triggerTimingEventsAndArguments() throws {
        let parsed = ParsedSQL("""
            CREATE TRIGGER touch BEFORE INSERT OR UPDATE ON "app"."notes" FOR EACH ROW EXECUTE PROCEDURE moddatetime(edited_at);
            CREATE TRIGGER audit AFTER UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION log_change();
            CREATE TRIGGER once BEFORE UPDATE ON notes EXECUTE FUNCTION touch_row();
            """)
        let triggers = parsed.file.statements.compactMap { statement -> CreateTrigger? in
            if case .createTrigger(let trigger) = statement.kind { trigger } else { nil }
        }
        try #require(triggers.count == 3)
        #expect(triggers[0].table == QualifiedName(schema: "app", name: "notes"))
        #expect(triggers[0].function.name == "moddatetime")
        #expect(triggers[0].arguments == ["edited_at"])
        #expect(triggers.map(\.rewritesUpdatedRows) == [true, false, false])
        #expect(triggers[1].timing == .after)
        #expect(!triggers[2].forEachRow)
    }
}
