import Core
import JSON

/// A JSON file that mirrors Gist contents: configuration or command state (data), or a JSON Schema describing it.
public struct GistFile: Sendable {
    public enum Role: Sendable, Hashable {
        case data
        case schema
    }

    public var source: SourceFile
    public var role: Role
    public var content: GistContent

    public var path: String { source.path }

    /// The parsed document, or nil when the file is not valid JSON.
    public var document: JSONNode? {
        if case .parsed(let node) = content { return node }
        return nil
    }
}

/// What reading a Gist file produced.
public enum GistContent: Sendable {
    case parsed(JSONNode)
    case invalid(GistReadProblem)
}

/// Why a Gist file could not be read as JSON, located in the file.
public struct GistReadProblem: Sendable, Hashable {
    public var message: String
    public var range: Range<Int>
    /// The problem is a trailing comma (`range`), which deleting fixes.
    public var isTrailingComma = false
}

public enum GistReader {
    /// Files larger than this are not parsed (the size rule still reports them); keeps memory bounded.
    public static let maximumParsedSize = 64 * 1024 * 1024

    public static func read(_ source: SourceFile, role: GistFile.Role) -> GistFile {
        GistFile(source: source, role: role, content: content(of: source.bytes))
    }

    static func content(of bytes: [UInt8]) -> GistContent {
        if bytes.count > maximumParsedSize {
            return .invalid(GistReadProblem(message: "file is too large to parse (\(bytes.count) bytes)", range: 0..<0))
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .invalid(GistReadProblem(message: "file is empty, and an empty file is not JSON", range: 0..<bytes.count))
        }
        if let zero = bytes.prefix(8192).firstIndex(of: 0) {
            return .invalid(GistReadProblem(message: "file is binary (NUL byte at offset \(zero)), not JSON text", range: zero..<(zero + 1)))
        }
        switch JSONReader.parse(bytes) {
        case .success(let node): return .parsed(node)
        case .failure(let error):
            return .invalid(GistReadProblem(message: error.message, range: error.range, isTrailingComma: error.isTrailingComma))
        }
    }
}

extension GistFile {
    /// The indentation before `offset` when what is there starts its line, for fixes that add members in the file's
    /// own indentation; nil otherwise.
    public func lineIndent(before offset: Int) -> String? { Indentation.before(offset, in: source.bytes) }
}
