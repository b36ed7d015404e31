/// A value on a `JSONTape`, or nothing (what a missing member reads as), for walking a tape without reference
/// counting or allocation: a cursor is two pointers into the tape and an index.
///
/// A cursor does not keep its tape alive. Take cursors from a `JSONTapeValue` (`cursor`) only where that value
/// outlives them (`withExtendedLifetime(value) { … }`), and never store one.
public struct JSONTapeCursor {
    @usableFromInline let entries: UnsafePointer<JSONTape.Entry>
    @usableFromInline let bytes: UnsafePointer<UInt8>
    /// The value's entry on the tape; negative for nothing.
    public let index: Int

    @inlinable
    init(entries: UnsafePointer<JSONTape.Entry>, bytes: UnsafePointer<UInt8>, index: Int) {
        self.entries = entries
        self.bytes = bytes
        self.index = index
    }

    init(tape: JSONTape, index: Int) {
        self.init(entries: tape.entries.baseAddress!, bytes: tape.bytes.baseAddress!, index: index)
    }

    @inlinable
    func at(_ index: Int) -> JSONTapeCursor { JSONTapeCursor(entries: entries, bytes: bytes, index: index) }

    /// Whether there is a value here.
    @inlinable public var exists: Bool { index >= 0 }

    /// The value's kind; nil for nothing.
    @inlinable public var kind: JSONTape.Kind? { index >= 0 ? entries[index].kind : nil }

    /// The index just past this value's entries.
    @inlinable var after: Int { Int(entries[index].after) }

    /// Byte offsets of the value's text (quotes and brackets included); nil for nothing.
    public var range: Range<Int>? { index >= 0 ? Int(entries[index].start)..<Int(entries[index].end) : nil }

    /// The value of the last member named `key` (as `JSONNode`'s subscript); nothing when absent or not an object.
    @inlinable
    public subscript(key: StaticString) -> JSONTapeCursor {
        guard index >= 0, entries[index].kind == .object else { return at(-1) }
        var found = -1
        var position = index + 1
        let end = after
        while position < end {
            if keyMatches(position, key.utf8Start, key.utf8CodeUnitCount) { found = position + 1 }
            position = Int(entries[position + 1].after)
        }
        return at(found)
    }

    /// The value of the first member named `key`; nothing when absent or not an object. For documents whose writer
    /// puts each key once in an object (libpg_query's), this is the subscript's value, found without reading the
    /// members after it.
    @inlinable
    public func firstMember(named key: StaticString) -> JSONTapeCursor {
        guard index >= 0, entries[index].kind == .object else { return at(-1) }
        var position = index + 1
        let end = after
        while position < end {
            if keyMatches(position, key.utf8Start, key.utf8CodeUnitCount) { return at(position + 1) }
            position = Int(entries[position + 1].after)
        }
        return at(-1)
    }

    /// Whether the key entry at `position` reads `count` bytes at `name` (escapes decoded first, which
    /// machine-written keys never hold).
    @inlinable
    func keyMatches(_ position: Int, _ name: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let entry = entries[position]
        guard !entry.flag else { return JSONTapeKeyCursor.escapedKeyMatches(bytes, entry, UnsafeBufferPointer(start: name, count: count)) }
        guard Int(entry.end) - Int(entry.start) - 2 == count else { return false }
        let start = bytes + Int(entry.start) + 1
        for offset in 0..<count where start[offset] != name[offset] { return false }
        return true
    }

    /// Whether this is an object with exactly one member (its key at `index + 1`, its value at `index + 2`).
    @inlinable
    public var isOneMemberObject: Bool {
        guard index >= 0 else { return false }
        let entry = entries[index]
        return entry.kind == .object && index + 1 < Int(entry.after) && Int(entries[index + 2].after) == Int(entry.after)
    }

    /// The only member of a one-member object (`{"Tag": {…}}`); nil for anything else.
    @inlinable
    public var singleMember: (key: JSONTapeKeyCursor, value: JSONTapeCursor)? {
        guard isOneMemberObject else { return nil }
        return (JSONTapeKeyCursor(entries: entries, bytes: bytes, index: index + 1), at(index + 2))
    }

    /// The value of a one-member object whose key is `tag`; nothing for anything else.
    @inlinable
    public func wrapped(_ tag: StaticString) -> JSONTapeCursor {
        guard isOneMemberObject, keyMatches(index + 1, tag.utf8Start, tag.utf8CodeUnitCount) else { return at(-1) }
        return at(index + 2)
    }

    public var string: String? {
        guard index >= 0, entries[index].kind == .string else { return nil }
        return TapeText.decodeString(bytes, entries[index])
    }

    /// Whether this is a string reading exactly `text` (compared without building a string).
    @inlinable
    public func isString(_ text: StaticString) -> Bool {
        guard index >= 0, entries[index].kind == .string else { return false }
        return keyMatches(index, text.utf8Start, text.utf8CodeUnitCount)
    }

    @inlinable public var bool: Bool? { index >= 0 && entries[index].kind == .bool ? entries[index].flag : nil }

    /// An integer number as `Int`; nil for other values, fractions, exponents and integers beyond `Int`.
    public var int: Int? {
        guard index >= 0, entries[index].kind == .number else { return nil }
        return TapeText.integer(bytes, Int(entries[index].start)..<Int(entries[index].end))
    }

    @inlinable public var isNull: Bool { index >= 0 && entries[index].kind == .null }

    /// The members of an object, in source order (none for other values).
    @inlinable public var members: Members { Members(object: self) }

    /// The elements of an array, in order (none for other values).
    @inlinable public var elements: Elements { Elements(array: self) }

    /// The entries of a container's children: `position` is the next child's first entry.
    @usableFromInline
    struct Children {
        @usableFromInline var position: Int
        @usableFromInline let end: Int

        /// Nothing unless `container` is of `kind`.
        @inlinable
        init(of container: JSONTapeCursor, _ kind: JSONTape.Kind) {
            let matches = container.kind == kind
            position = matches ? container.index + 1 : 0
            end = matches ? container.after : 0
        }

        /// The next child's value (after its key in an object), or nil at the end.
        @inlinable
        mutating func nextValue(of container: JSONTapeCursor, afterKey: Bool) -> JSONTapeCursor? {
            guard position < end else { return nil }
            let value = container.at(afterKey ? position + 1 : position)
            position = value.after
            return value
        }
    }

    public struct Members: Sequence, IteratorProtocol {
        @usableFromInline var children: Children
        @usableFromInline let object: JSONTapeCursor

        @inlinable
        init(object: JSONTapeCursor) {
            self.object = object
            children = Children(of: object, .object)
        }

        @inlinable
        public mutating func next() -> (key: JSONTapeKeyCursor, value: JSONTapeCursor)? {
            guard let value = children.nextValue(of: object, afterKey: true) else { return nil }
            return (JSONTapeKeyCursor(entries: object.entries, bytes: object.bytes, index: value.index - 1), value)
        }
    }

    public struct Elements: Sequence, IteratorProtocol {
        @usableFromInline var children: Children
        @usableFromInline let array: JSONTapeCursor

        @inlinable
        init(array: JSONTapeCursor) {
            self.array = array
            children = Children(of: array, .array)
        }

        @inlinable
        public mutating func next() -> JSONTapeCursor? {
            children.nextValue(of: array, afterKey: false)
        }

        /// The number of elements.
        @inlinable
        public var count: Int {
            var copy = self
            var count = 0
            while copy.next() != nil { count += 1 }
            return count
        }

        @inlinable
        public var first: JSONTapeCursor? {
            var copy = self
            return copy.next()
        }
    }

    /// Calls `body` with the value of every one-member object `{tag: value}` in the subtree, this value included, in
    /// source order: a flat scan of the tape. `body` returns whether to look for more inside the match.
    @inlinable
    public func forEachWrapped(_ tag: StaticString, _ body: (JSONTapeCursor) -> Bool) {
        guard index >= 0 else { return }
        var position = index
        let end = after
        while position < end {
            let candidate = at(position)
            if candidate.isOneMemberObject, keyMatches(position + 1, tag.utf8Start, tag.utf8CodeUnitCount) {
                position = body(at(position + 2)) ? position + 1 : candidate.after
            } else {
                position += 1
            }
        }
    }

    /// Calls `body` with every member of every object in the subtree, in source order: a flat scan of the tape.
    /// `body` returns whether to look inside the member's value.
    @inlinable
    public func forEachMemberInside(_ body: (JSONTapeKeyCursor, JSONTapeCursor) -> Bool) {
        guard index >= 0 else { return }
        var position = index + 1
        let end = after
        while position < end {
            if entries[position].isKey {
                let value = at(position + 1)
                position = body(JSONTapeKeyCursor(entries: entries, bytes: bytes, index: position), value) ? position + 1 : value.after
            } else {
                position += 1
            }
        }
    }
}

/// An object member's key on a tape (see `JSONTapeCursor` for the lifetime rule).
public struct JSONTapeKeyCursor {
    @usableFromInline let entries: UnsafePointer<JSONTape.Entry>
    @usableFromInline let bytes: UnsafePointer<UInt8>
    @usableFromInline let index: Int

    @inlinable
    init(entries: UnsafePointer<JSONTape.Entry>, bytes: UnsafePointer<UInt8>, index: Int) {
        self.entries = entries
        self.bytes = bytes
        self.index = index
    }

    init(tape: JSONTape, index: Int) {
        self.init(entries: tape.entries.baseAddress!, bytes: tape.bytes.baseAddress!, index: index)
    }

    public var string: String { TapeText.decodeString(bytes, entries[index]) }

    /// Whether the key is `name`, compared without building a string when the key has no escape.
    @inlinable
    public func matches(_ name: StaticString) -> Bool {
        JSONTapeCursor(entries: entries, bytes: bytes, index: index).keyMatches(index, name.utf8Start, name.utf8CodeUnitCount)
    }

    func matches(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = name.baseAddress else { return entries[index].end - entries[index].start == 2 && !entries[index].flag }
        return JSONTapeCursor(entries: entries, bytes: bytes, index: index).keyMatches(index, start, name.count)
    }

    @usableFromInline
    static func escapedKeyMatches(_ bytes: UnsafePointer<UInt8>, _ entry: JSONTape.Entry, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        TapeText.decodeString(bytes, entry).utf8.elementsEqual(name)
    }
}
