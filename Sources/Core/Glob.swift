/// A compiled path glob: `**` spans folders, `*` and `?` stay within one, `[abc]`/`[a-z]`/`[!x]` are classes and
/// `{a,b}` alternatives. Used for config paths (`src/**/*.ts`) and for table names (`*_events`).
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let alternatives: [[Segment]]

    private enum Segment: Sendable, Hashable {
        case anyFolders
        case name([Piece])
    }

    private enum Piece: Sendable, Hashable {
        case literal(Character)
        case anyCharacter
        case anyRun
        case characterClass(ranges: [ClosedRange<Character>], negated: Bool)
    }

    public init(_ pattern: String) {
        self.pattern = pattern
        var trimmed = Substring(pattern)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        alternatives = Glob.expandBraces(String(trimmed)).map(Glob.compile)
    }

    public var description: String { pattern }

    /// Whether the pattern has wildcards, i.e. names more than one fixed path.
    public var hasWildcards: Bool { Glob.hasWildcards(pattern) }

    public static func hasWildcards(_ text: String) -> Bool {
        text.contains { "*?[{".contains($0) }
    }

    /// The folder before the first segment with a wildcard: where to start listing files.
    public static func fixedPrefixFolder(_ pattern: String) -> String {
        var parts: [Substring] = []
        for segment in pattern.split(separator: "/", omittingEmptySubsequences: false) {
            if hasWildcards(String(segment)) { break }
            parts.append(segment)
        }
        return parts.joined(separator: "/")
    }

    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0) }
        return alternatives.contains { Glob.match($0[...], parts[...]) }
    }

    private static func expandBraces(_ pattern: String) -> [String] {
        guard let open = pattern.firstIndex(of: "{") else { return [pattern] }
        var depth = 0
        var close: String.Index?
        for index in pattern[open...].indices {
            if pattern[index] == "{" { depth += 1 }
            if pattern[index] == "}" {
                depth -= 1
                if depth == 0 { close = index; break }
            }
        }
        guard let close else { return [pattern] }
        let prefix = pattern[..<open]
        let suffix = pattern[pattern.index(after: close)...]
        var options: [String] = []
        var current = ""
        depth = 0
        for character in pattern[pattern.index(after: open)..<close] {
            if character == "," && depth == 0 {
                options.append(current)
                current = ""
                continue
            }
            if character == "{" { depth += 1 }
            if character == "}" { depth -= 1 }
            current.append(character)
        }
        options.append(current)
        return options.flatMap { expandBraces(prefix + $0 + suffix) }
    }

    private static func compile(_ pattern: String) -> [Segment] {
        pattern.split(separator: "/", omittingEmptySubsequences: true).map { part in
            part == "**" ? .anyFolders : .name(pieces(Array(part)))
        }
    }

    private static func pieces(_ characters: [Character]) -> [Piece] {
        var result: [Piece] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "*": result.append(.anyRun)
            case "?": result.append(.anyCharacter)
            case "[":
                if let (piece, next) = characterClass(characters, from: index) {
                    result.append(piece)
                    index = next
                    continue
                }
                result.append(.literal(character))
            case "\\" where index + 1 < characters.count:
                index += 1
                result.append(.literal(characters[index]))
            default: result.append(.literal(character))
            }
            index += 1
        }
        return result
    }

    private static func characterClass(_ characters: [Character], from start: Int) -> (Piece, Int)? {
        var index = start + 1
        var negated = false
        if index < characters.count, characters[index] == "!" || characters[index] == "^" {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<Character>] = []
        while index < characters.count, characters[index] != "]" || ranges.isEmpty {
            let low = characters[index]
            if index + 2 < characters.count, characters[index + 1] == "-", characters[index + 2] != "]",
               low <= characters[index + 2] {
                ranges.append(low...characters[index + 2])
                index += 3
            } else {
                ranges.append(low...low)
                index += 1
            }
        }
        guard index < characters.count else { return nil }
        return (.characterClass(ranges: ranges, negated: negated), index + 1)
    }

    private static func match(_ segments: ArraySlice<Segment>, _ parts: ArraySlice<[Character]>) -> Bool {
        guard let first = segments.first else { return parts.isEmpty }
        switch first {
        case .anyFolders:
            let rest = segments.dropFirst()
            var remaining = parts
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        case .name(let pieces):
            guard let part = parts.first, matchName(pieces[...], part[...]) else { return false }
            return match(segments.dropFirst(), parts.dropFirst())
        }
    }

    private static func matchName(_ pieces: ArraySlice<Piece>, _ name: ArraySlice<Character>) -> Bool {
        guard let first = pieces.first else { return name.isEmpty }
        switch first {
        case .anyRun:
            var remaining = name
            while true {
                if matchName(pieces.dropFirst(), remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        case .anyCharacter:
            return !name.isEmpty && matchName(pieces.dropFirst(), name.dropFirst())
        case .literal(let character):
            return name.first == character && matchName(pieces.dropFirst(), name.dropFirst())
        case .characterClass(let ranges, let negated):
            guard let character = name.first else { return false }
            let inClass = ranges.contains { $0.contains(character) }
            return inClass != negated && matchName(pieces.dropFirst(), name.dropFirst())
        }
    }
}

/// A set of globs: a path is in the set when any glob matches it.
public struct GlobSet: Sendable, Hashable {
    public let globs: [Glob]

    public init(_ patterns: [String]) {
        globs = patterns.map(Glob.init)
    }

    public var isEmpty: Bool { globs.isEmpty }

    public func matches(_ path: String) -> Bool {
        globs.contains { $0.matches(path) }
    }
}
