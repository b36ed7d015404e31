import Core
import Foundation

/// The editor's open documents by absolute path, kept in step with `didOpen` / `didChange` / `didClose`.
struct DocumentStore {
    private(set) var contents: [String: [UInt8]] = [:]
    /// The editor's version of each open document, sent back with its diagnostics so the editor (and our tests)
    /// can tell a publication about the current text from one about an older text still in flight.
    private(set) var versions: [String: Int] = [:]

    mutating func open(_ path: String, text: String, version: Int?) {
        contents[path] = Array(text.utf8)
        versions[path] = version
    }

    mutating func close(_ path: String) {
        contents[path] = nil
        versions[path] = nil
    }

    /// Applies `contentChanges` in order: a change without `range` replaces the whole text; one with a range
    /// replaces that span (LSP positions: 0-based lines, UTF-16 characters).
    mutating func change(_ path: String, _ changes: [[String: Any]], version: Int?) {
        if let version { versions[path] = version }
        var bytes = contents[path] ?? []
        for change in changes {
            guard let text = change["text"] as? String else { continue }
            guard let range = change["range"] as? [String: Any],
                  let start = Position(range["start"]), let end = Position(range["end"]) else {
                bytes = Array(text.utf8)
                continue
            }
            let lower = Self.offset(of: start, in: bytes)
            let upper = max(lower, Self.offset(of: end, in: bytes))
            bytes.replaceSubrange(lower..<upper, with: Array(text.utf8))
        }
        contents[path] = bytes
    }
}

extension DocumentStore {
    /// The byte offset of an LSP position, as `SourceFile.offset(utf16Line:character:)` finds it, scanning only the
    /// lines before it instead of indexing the whole text (a keystroke in a 130 KB schema).
    static func offset(of position: Position, in bytes: [UInt8]) -> Int {
        guard position.line >= 0 else { return 0 }
        var index = 0, line = 0
        let count = bytes.count
        // `\n`, `\r\n` and a lone `\r` each end a line (`LineIndex`).
        while line < position.line {
            guard index < count else { return count }
            let byte = bytes[index]
            index += 1
            if byte == 0x0A {
                line += 1
            } else if byte == 0x0D {
                if index < count, bytes[index] == 0x0A { index += 1 }
                line += 1
            }
        }
        var units = 0
        while index < count, units < position.character, bytes[index] != 0x0A, bytes[index] != 0x0D {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
            index += 1
            while index < count, bytes[index] & 0xC0 == 0x80 { index += 1 }
        }
        return index
    }
}

/// An LSP position.
struct Position {
    var line: Int
    var character: Int

    init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    init?(_ value: Any?) {
        guard let object = value as? [String: Any], let line = object["line"] as? Int, let character = object["character"] as? Int else { return nil }
        self.init(line: line, character: character)
    }

    var json: [String: Any] { ["line": line, "character": character] }

    static func <= (lhs: Position, rhs: Position) -> Bool { (lhs.line, lhs.character) <= (rhs.line, rhs.character) }
}

/// File URIs and absolute paths.
enum FileURI {
    static func path(_ uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }

    static func uri(_ path: String) -> String { URL(fileURLWithPath: path).absoluteString }
}
