/// A machine-applicable change that resolves a finding: one or more edits, each a byte range of one file and the
/// text that replaces it. Rules build fixes from model locations, never by searching raw text.
public struct Fix: Sendable, Hashable {
    /// What the fix does, in the imperative ("add `{ withTimezone: true }`").
    public var label: String
    /// Edits in any order; they never overlap.
    public var edits: [TextEdit]
    /// Safe fixes keep the code's meaning apart from what the finding asks for and need no further decision:
    /// `check --fix` applies only them. An unsafe fix is offered (editor code actions, JSON, SARIF) for a person to
    /// review: it changes data or needs a step the edit cannot take.
    public var isSafe: Bool

    public init(_ label: String, edits: [TextEdit], isSafe: Bool) {
        self.label = label
        self.edits = edits
        self.isSafe = isSafe
    }
}

/// Replaces `range` (UTF-8 byte offsets, end exclusive) of `path` (the finding's path space) with `replacement`;
/// an empty range inserts.
public struct TextEdit: Sendable, Hashable {
    public var path: String
    public var range: Range<Int>
    public var replacement: String

    public init(path: String, range: Range<Int>, replacement: String) {
        self.path = path
        self.range = range
        self.replacement = replacement
    }

    public static func insert(_ text: String, at offset: Int, in path: String) -> TextEdit {
        TextEdit(path: path, range: offset..<offset, replacement: text)
    }
}

/// An edit with its start and end located for reporters (lines and columns in Unicode scalars, like findings).
public struct LocatedEdit: Sendable, Hashable {
    public var edit: TextEdit
    public var start: SourcePosition
    public var end: SourcePosition

    public init(edit: TextEdit, start: SourcePosition, end: SourcePosition) {
        self.edit = edit
        self.start = start
        self.end = end
    }
}

/// A fix with its edits located, and a digest of each edited file as it was read, so that the fix is never applied
/// to a file that changed since.
public struct LocatedFix: Sendable, Hashable {
    public var label: String
    public var isSafe: Bool
    public var edits: [LocatedEdit]
    /// `FileDigest` of each edited file's bytes when the run read them, by path.
    public var digests: [String: String]

    public init(label: String, isSafe: Bool, edits: [LocatedEdit], digests: [String: String]) {
        self.label = label
        self.isSafe = isSafe
        self.edits = edits
        self.digests = digests
    }
}

public enum FileDigest {
    /// 64-bit FNV-1a over the bytes and their count, as hex: cheap, and only compared with itself.
    public static func of(_ bytes: [UInt8]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
        return String(value, radix: 16) + "-" + String(bytes.count)
    }
}

extension TextEdit {
    /// `bytes` with `edits` applied; nil when two edits overlap or one lies outside the bytes.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8]? {
        let sorted = edits.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + sorted.reduce(0) { $0 + $1.replacement.utf8.count })
        var cursor = 0
        for edit in sorted {
            guard edit.range.lowerBound >= cursor, edit.range.upperBound <= bytes.count else { return nil }
            output += bytes[cursor..<edit.range.lowerBound]
            output += Array(edit.replacement.utf8)
            cursor = edit.range.upperBound
        }
        output += bytes[cursor...]
        return output
    }
}

extension SourceFile {
    /// 0-based line and UTF-16 code unit offset in that line, as the Language Server Protocol counts them.
    public func utf16Position(of offset: Int) -> (line: Int, character: Int) {
        let clamped = min(max(offset, 0), bytes.count)
        let line = lineIndex.lineNumber(of: clamped)
        var character = 0
        var index = lineIndex.lineStarts[line]
        while index < clamped {
            let byte = bytes[index]
            // A four-byte sequence is a surrogate pair in UTF-16; continuation bytes count nothing.
            if byte & 0xC0 != 0x80 { character += byte >= 0xF0 ? 2 : 1 }
            index += 1
        }
        return (line, character)
    }

    /// The byte offset of an LSP position (0-based line, UTF-16 character); clamped to the line's end.
    public func offset(utf16Line line: Int, character: Int) -> Int {
        guard line < lineIndex.lineCount else { return bytes.count }
        guard line >= 0 else { return 0 }
        let range = lineIndex.lineRange(line, in: bytes)
        var units = 0
        var index = range.lowerBound
        while index < range.upperBound, units < character {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
            index += 1
            while index < range.upperBound, bytes[index] & 0xC0 == 0x80 { index += 1 }
        }
        return index
    }
}

/// Indentation as written, for readers that record where fixes insert code.
public enum Indentation {
    /// The spaces and tabs between the start of the line and `offset`, when nothing else is there (the element at
    /// `offset` starts its line); nil otherwise.
    public static func before(_ offset: Int, in bytes: [UInt8]) -> String? {
        var index = min(offset, bytes.count)
        while index > 0 {
            let byte = bytes[index - 1]
            if byte == 0x0A || byte == 0x0D { break }
            guard byte == 0x20 || byte == 0x09 else { return nil }
            index -= 1
        }
        return String(decoding: bytes[index..<min(offset, bytes.count)], as: UTF8.self)
    }
}
