import Core

/// A Drizzle table as code that updates it would spell it: its binding (`waitlist`, also as `schema.waitlist`) and
/// its SQL name (`UPDATE "waitlist"`, `UPDATE public.waitlist` in raw SQL).
public struct UpdatedTableNames: Sendable, Hashable {
    public var binding: String?
    public var table: String

    public init(binding: String?, table: String) {
        self.binding = binding
        self.table = table
    }
}

extension RepositoryUpdates {
    /// Whether `bytes` may update the table: `.update(<binding>` (also `.update(ns.<binding>`), an
    /// `.insert(<binding>` in a file with `onConflictDoUpdate`, or `update <table>` in any case, optionally quoted
    /// and schema-qualified (raw SQL). Read on bytes, without parsing: a mention in a comment counts, so the answer
    /// errs towards "updated". A table no file may update keeps its `updated_at` right by never changing.
    public static func mayUpdate(_ table: UpdatedTableNames, in bytes: [UInt8]) -> Bool {
        if let binding = table.binding.map({ Array($0.utf8) }) {
            for name in names(of: binding, in: bytes) {
                if !calls(".update(", with: name, in: bytes).isEmpty { return true }
                if contains(bytes, upsert), calls(".insert(", with: name, in: bytes).contains(where: { upsertFollows(bytes, from: $0) }) {
                    return true
                }
            }
        }
        return rawUpdate(of: Array(table.table.utf8), in: bytes)
    }

    /// The binding, and what the file renames it to (`import { payment as paymentTable }`).
    private static func names(of binding: [UInt8], in bytes: [UInt8]) -> [[UInt8]] {
        var names = [binding]
        let renamed = binding + Array(" as ".utf8)
        var start = 0
        while let found = firstIndex(of: renamed, in: bytes, from: start) {
            var end = found + renamed.count
            while end < bytes.count, isIdentifierByte(bytes[end]) { end += 1 }
            if end > found + renamed.count { names.append(Array(bytes[found + renamed.count..<end])) }
            start = found + 1
        }
        return names
    }

    /// Where `<call><spaces><optional namespace.><binding>` ends, for each occurrence (the binding followed by a
    /// byte that cannot continue an identifier).
    private static func calls(_ call: String, with binding: [UInt8], in bytes: [UInt8]) -> [Int] {
        let call = Array(call.utf8)
        var ends: [Int] = []
        var start = 0
        while let found = firstIndex(of: call, in: bytes, from: start) {
            var index = found + call.count
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            var name = index
            while name < bytes.count, isIdentifierByte(bytes[name]) { name += 1 }
            // A namespace (`schema.waitlist`): the binding is after the dot.
            if name < bytes.count, bytes[name] == UInt8(ascii: "."), name > index { index = name + 1 }
            if matchesWord(binding, in: bytes, at: index) { ends.append(index + binding.count) }
            start = found + 1
        }
        return ends
    }

    /// Whether the chain an `.insert(<table>` starts ends in `onConflictDoUpdate`: before the next `.insert(`, and
    /// within a few lines (an `.insert(seasons)` in a file that upserts another table is no update of `seasons`).
    private static func upsertFollows(_ bytes: [UInt8], from start: Int) -> Bool {
        let limit = min(bytes.count, start + 1_500)
        let end = firstIndex(of: Array(".insert(".utf8), in: Array(bytes[start..<limit]), from: 0).map { start + $0 } ?? limit
        return firstIndex(of: upsert, in: Array(bytes[start..<end]), from: 0) != nil
    }

    /// `update` (any case), spaces, then the table's name, optionally quoted and after a schema: raw SQL.
    private static func rawUpdate(of table: [UInt8], in bytes: [UInt8]) -> Bool {
        let word = Array("update".utf8)
        var index = 0
        while index + word.count < bytes.count {
            defer { index += 1 }
            guard bytes[index] | 0x20 == word[0], index == 0 || !isIdentifierByte(bytes[index - 1]) else { continue }
            var offset = 1
            while offset < word.count, bytes[index + offset] | 0x20 == word[offset] { offset += 1 }
            guard offset == word.count else { continue }
            var cursor = index + word.count
            guard cursor < bytes.count, isSpace(bytes[cursor]) else { continue }
            while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
            // Up to two dotted parts (schema and table), each optionally in double quotes.
            for _ in 0..<2 {
                let quoted = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "\"")
                let nameStart = quoted ? cursor + 1 : cursor
                if matchesWord(table, in: bytes, at: nameStart, caseInsensitive: !quoted) { return true }
                var end = nameStart
                while end < bytes.count, isIdentifierByte(bytes[end]) { end += 1 }
                if quoted, end < bytes.count, bytes[end] == UInt8(ascii: "\"") { end += 1 }
                guard end < bytes.count, bytes[end] == UInt8(ascii: "."), end > nameStart else { break }
                cursor = end + 1
            }
        }
        return false
    }

    private static func matchesWord(_ word: [UInt8], in bytes: [UInt8], at index: Int, caseInsensitive: Bool = false) -> Bool {
        guard index + word.count <= bytes.count else { return false }
        for offset in word.indices {
            let byte = bytes[index + offset]
            if caseInsensitive ? byte | 0x20 != word[offset] | 0x20 : byte != word[offset] { return false }
        }
        return index + word.count == bytes.count || !isIdentifierByte(bytes[index + word.count])
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { wanted in
                guard let base = haystack.baseAddress, let wantedBase = wanted.baseAddress, !wanted.isEmpty,
                      let found = libcMemmem(base + start, haystack.count - start, wantedBase, wanted.count) else { return nil }
                return base.distance(to: UnsafeRawPointer(found))
            }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte >= 0x80
    }
}
