import Catalog

/// `CREATE [OR REPLACE] TRIGGER name {BEFORE | AFTER | INSTEAD OF} events ON table … EXECUTE {FUNCTION | PROCEDURE}
/// function(arguments)`.
public struct CreateTrigger: Sendable, Equatable {
    public enum Timing: Sendable, Equatable { case before, after, insteadOf }

    public var name: String
    public var table: QualifiedName
    public var timing: Timing
    /// `UPDATE` is one of the events.
    public var firesOnUpdate: Bool
    /// `FOR EACH ROW` (statement-level triggers cannot change rows).
    public var forEachRow: Bool
    public var function: QualifiedName
    /// The literal arguments (`moddatetime(updated_at)` → `["updated_at"]`).
    public var arguments: [String] = []

    /// Whether the trigger can change the row an `UPDATE` writes: a row-level `BEFORE UPDATE` trigger.
    public var rewritesUpdatedRows: Bool { timing == .before && firesOnUpdate && forEachRow }
}

/// Finds `NEW.<column> := …` (or `=`) statements in a PL/pgSQL body. Only a `NEW.<column>` that starts a statement
/// is an assignment: `IF NEW.updated_at = OLD.updated_at THEN` compares.
enum NewRowAssignments {
    static func columns(in body: String) -> [String] {
        let lexer = SQLLexer(bytes: Array(body.utf8))
        var tokens: [SQLToken] = []
        var p = 0
        while let token = lexer.nextToken(from: p, limit: lexer.bytes.count) {
            if !token.isComment { tokens.append(token) }
            p = token.range.upperBound
        }
        func text(_ token: SQLToken) -> String { String(decoding: lexer.bytes[token.range], as: UTF8.self) }
        func word(_ index: Int) -> String? {
            index < tokens.count && tokens[index].kind == .word ? text(tokens[index]).lowercased() : nil
        }
        func isPunctuation(_ index: Int, _ byte: Character) -> Bool {
            index < tokens.count && tokens[index].kind == .punctuation(byte.asciiValue!)
        }
        let statementStarters: Set<String> = ["begin", "then", "else", "loop"]
        var columns: [String] = []
        for index in tokens.indices where word(index) == "new" && isPunctuation(index + 1, ".") {
            let startsStatement = index == 0 || isPunctuation(index - 1, ";") || word(index - 1).map(statementStarters.contains) == true
            guard startsStatement, index + 2 < tokens.count else { continue }
            let target = tokens[index + 2]
            let column: String
            switch target.kind {
            case .word: column = text(target).lowercased()
            case .quotedIdentifier: column = String(text(target).dropFirst().dropLast())
            default: continue
            }
            let assigns = isPunctuation(index + 3, "=") || (isPunctuation(index + 3, ":") && isPunctuation(index + 4, "="))
            if assigns, !columns.contains(column) { columns.append(column) }
        }
        return columns
    }
}
