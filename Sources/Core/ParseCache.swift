import Synchronization

/// What readers made of files, kept across runs by a caller that checks the same workspace again and again (the
/// language server), so that a run parses only the files whose bytes changed since the last one.
///
/// An entry is keyed by what was made (`kind`: a TypeScript syntax tree, a SQL statement list, …) and the file's
/// path, and is served only for the same bytes it was made from: the content's length and FNV-1a hash pick the
/// candidate and the bytes are then compared in full, so a hash collision can never serve another text's parse.
/// A run without a cache (`check`) parses everything, exactly as before; a cache never changes a result, only
/// when it is computed (a test compares the server's findings after edits with a fresh `check` of the same text).
public final class ParseCache: Sendable {
    private struct Key: Hashable {
        var kind: String
        var path: String
    }

    private struct Entry {
        var length: Int
        var hash: UInt64
        var bytes: [UInt8]
        var value: any Sendable
        /// The run that last used it; entries a run did not use belong to files that are gone or renamed.
        var generation: Int
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var generation = 0
        var hits = 0
        var misses = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// `make(bytes)` for the file at `path`, or what it returned for the same bytes in an earlier run.
    /// `make` must depend on nothing but `bytes` (and on `path` and `kind`, which are part of the key).
    public func value<Value: Sendable>(_ kind: String, path: String, bytes: [UInt8], make: ([UInt8]) -> Value) -> Value {
        let key = Key(kind: kind, path: path)
        let hash = Self.hash(bytes)
        let cached: Value? = state.withLock { state in
            guard let entry = state.entries[key], entry.length == bytes.count, entry.hash == hash, entry.bytes == bytes,
                  let value = entry.value as? Value else { return nil }
            state.entries[key]?.generation = state.generation
            state.hits += 1
            return value
        }
        if let cached { return cached }
        let value = make(bytes)
        // The parse of the file's former text is freed on another thread.
        let replaced = state.withLock { state in
            state.misses += 1
            return state.entries.updateValue(Entry(length: bytes.count, hash: hash, bytes: bytes, value: value, generation: state.generation), forKey: key)
        }
        Disposal.later(replaced)
        return value
    }

    /// Ends a run: forgets what it did not use (files deleted or renamed since), and counts the next run's uses.
    public func endRun() {
        state.withLock { state in
            let current = state.generation
            state.entries = state.entries.filter { $0.value.generation == current }
            state.generation += 1
        }
    }

    /// Entries served from the cache and entries made, since the cache was created.
    public var counts: (hits: Int, misses: Int) { state.withLock { ($0.hits, $0.misses) } }

    /// 64-bit FNV-1a, eight bytes at a time where it can (the order of bytes within a word is fixed, so equal
    /// bytes always hash equal; it only has to pick candidates, the full comparison decides).
    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words {
                value ^= raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                value &*= 0x0000_0100_0000_01B3
            }
            for index in (words * 8)..<raw.count {
                value ^= UInt64(raw[index])
                value &*= 0x0000_0100_0000_01B3
            }
        }
        return value
    }
}
