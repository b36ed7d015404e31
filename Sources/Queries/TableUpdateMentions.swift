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

/// What one file may update, read on its bytes in one pass whatever the number of tables asked about (asking table
/// by table scanned a monorepo's files once per table): the identifiers `.update(` is called with (the name after a
/// namespace: `schema.waitlist`), those `.insert(` is called with in a chain that ends in `onConflictDoUpdate`, what
/// the file renames by `a as b`, and the names raw SQL's `update` is followed by. A mention in a comment counts, so
/// the answer errs towards "updated".
struct UpdateMentions {
    private var identifiers: Set<String> = []
    private var aliases: [String: String] = [:]
    private var rawTargets: Set<String> = []

    init(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            identifiers = Self.calledWith(".update(", in: buffer, onlyIfUpsert: false)
            if RepositoryUpdates.contains(bytes, RepositoryUpdates.upsert) {
                identifiers.formUnion(Self.calledWith(".insert(", in: buffer, onlyIfUpsert: true))
            }
            // `import { payment as paymentTable }`: the file calls the table by its alias.
            for (original, alias) in Self.renamings(in: buffer) where identifiers.contains(alias) { aliases[alias] = original }
            rawTargets = Self.rawUpdateTargets(in: buffer)
        }
    }

    func mayUpdate(_ table: UpdatedTableNames) -> Bool {
        if let binding = table.binding, identifiers.contains(binding) || aliases.values.contains(binding) { return true }
        return rawTargets.contains(table.table) || rawTargets.contains(table.table.lowercased())
    }

    /// The identifier after each `<call>` (spaces and one `namespace.` skipped); for `.insert(`, only where the
    /// chain it starts ends in `onConflictDoUpdate`.
    private static func calledWith(_ call: StaticString, in bytes: UnsafeBufferPointer<UInt8>, onlyIfUpsert: Bool) -> Set<String> {
        var found: Set<String> = []
        forEachOccurrence(of: call, in: bytes) { start in
            var index = start
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            var end = identifierEnd(bytes, from: index)
            if end < bytes.count, bytes[end] == UInt8(ascii: "."), end > index {
                index = end + 1
                end = identifierEnd(bytes, from: index)
            }
            guard end > index, !onlyIfUpsert || upsertFollows(bytes, from: end) else { return }
            found.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self))
        }
        return found
    }

    /// Whether the chain an `.insert(<table>` starts ends in `onConflictDoUpdate`: before the next `.insert(`, and
    /// within a few lines (an `.insert(seasons)` in a file that upserts another table is no update of `seasons`).
    private static func upsertFollows(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        let window = UnsafeBufferPointer(rebasing: bytes[start..<min(bytes.count, start + 1_500)])
        let nextInsert = firstIndex(of: ".insert(", in: window) ?? window.count
        return firstIndex(of: "onConflictDoUpdate", in: UnsafeBufferPointer(rebasing: window[..<nextInsert])) != nil
    }

    /// `a as b` pairs of identifiers (import and export renamings).
    private static func renamings(in bytes: UnsafeBufferPointer<UInt8>) -> [(String, String)] {
        var pairs: [(String, String)] = []
        forEachOccurrence(of: " as ", in: bytes) { after in
            let asStart = after - 4
            var nameStart = asStart
            while nameStart > 0, isIdentifierByte(bytes[nameStart - 1]) { nameStart -= 1 }
            let aliasEnd = identifierEnd(bytes, from: after)
            guard nameStart < asStart, aliasEnd > after else { return }
            pairs.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<asStart]), as: UTF8.self),
                          String(decoding: UnsafeBufferPointer(rebasing: bytes[after..<aliasEnd]), as: UTF8.self)))
        }
        return pairs
    }

    /// The names after `update` (any case, a word of its own) and spaces: each dotted part (schema and table),
    /// unquoted lowercased as PostgreSQL folds it, quoted as written.
    private static func rawUpdateTargets(in bytes: UnsafeBufferPointer<UInt8>) -> Set<String> {
        var targets: Set<String> = []
        let word = Array("update".utf8)
        var index = 0
        while index + word.count < bytes.count {
            defer { index += 1 }
            guard bytes[index] | 0x20 == word[0], index == 0 || !isIdentifierByte(bytes[index - 1]) else { continue }
            var offset = 1
            while offset < word.count, bytes[index + offset] | 0x20 == word[offset] { offset += 1 }
            guard offset == word.count, isSpace(bytes[index + word.count]) else { continue }
            var cursor = index + word.count
            while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
            for _ in 0..<2 {
                let quoted = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "\"")
                let start = quoted ? cursor + 1 : cursor
                let end = identifierEnd(bytes, from: start)
                guard end > start else { break }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                targets.insert(quoted ? name : name.lowercased())
                var next = end
                if quoted, next < bytes.count, bytes[next] == UInt8(ascii: "\"") { next += 1 }
                guard next < bytes.count, bytes[next] == UInt8(ascii: ".") else { break }
                cursor = next + 1
            }
        }
        return targets
    }

    /// Calls `body` with the offset just past each occurrence of `needle`.
    private static func forEachOccurrence(of needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        var start = 0
        while start < bytes.count, let found = firstIndex(of: needle, in: UnsafeBufferPointer(rebasing: bytes[start...])) {
            body(start + found + needle.utf8CodeUnitCount)
            start += found + 1
        }
    }

    private static func firstIndex(of needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        ByteSearch.firstIndex(of: UnsafeRawBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount),
                              in: UnsafeRawBufferPointer(bytes))
    }

    private static func identifierEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        while end < bytes.count, isIdentifierByte(bytes[end]) { end += 1 }
        return end
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte >= 0x80
    }
}

extension RepositoryUpdates {
    /// Whether `bytes` may update the table (`UpdateMentions`). A table no file may update keeps its `updated_at`
    /// right by never changing.
    public static func mayUpdate(_ table: UpdatedTableNames, in bytes: [UInt8]) -> Bool {
        UpdateMentions(bytes).mayUpdate(table)
    }
}
