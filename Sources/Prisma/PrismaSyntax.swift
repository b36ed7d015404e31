/// The syntax of one Prisma schema file, with UTF-8 byte ranges (0-based, end exclusive) into its bytes.
public struct PrismaFileSyntax: Sendable {
    public var blocks: [PrismaBlock]
    /// What could not be read, located; the blocks around it are still read.
    public var errors: [PrismaSyntaxError]
    /// `//` comments (text after the slashes, range of the whole comment): where suppression directives live.
    public var comments: [(text: String, range: Range<Int>)] = []

    public init(blocks: [PrismaBlock] = [], errors: [PrismaSyntaxError] = []) {
        self.blocks = blocks
        self.errors = errors
    }
}

public struct PrismaSyntaxError: Sendable, Hashable {
    public var message: String
    public var range: Range<Int>
}

/// `model`, `view`, `type`, `enum`, `datasource` or `generator` with its body.
public struct PrismaBlock: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case model, view, type, `enum`, datasource, generator
    }

    public var kind: Kind
    public var name: String
    public var nameRange: Range<Int>
    /// From the keyword to the closing brace.
    public var range: Range<Int>
    /// `model`, `view`, `type`: fields; `enum`: values (their type is empty).
    public var fields: [PrismaField] = []
    /// `@@…` attributes of the block.
    public var attributes: [PrismaAttribute] = []
    /// `key = value` lines of `datasource` and `generator`.
    public var assignments: [PrismaArgument] = []
    /// The `///` lines right before the block.
    public var documentation: String?
    /// Some line of the body could not be read: what it declared (a key, an index, a column) is unknown.
    public var isIncomplete = false

    public func attribute(_ name: String) -> PrismaAttribute? { attributes.first { $0.name == name } }
    public func attributes(_ name: String) -> [PrismaAttribute] { attributes.filter { $0.name == name } }
    public func assignment(_ name: String) -> PrismaValue? { assignments.first { $0.name == name }?.value }
}

/// `name Type? @attribute(...)` (or an enum value `NAME @map("x")`).
public struct PrismaField: Sendable {
    public var name: String
    public var nameRange: Range<Int>
    /// `String`, a model's or enum's name, `Unsupported`; empty for enum values.
    public var typeName: String
    public var typeRange: Range<Int>
    /// `Unsupported("tsvector")`'s arguments.
    public var typeArguments: [PrismaArgument] = []
    public var isOptional = false
    public var isList = false
    public var attributes: [PrismaAttribute] = []
    /// The whole line, name to last attribute.
    public var range: Range<Int>
    public var documentation: String?
    /// An attribute of the field could not be read: the field's other parts are known, that one is not.
    public var isIncomplete = false

    public func attribute(_ name: String) -> PrismaAttribute? { attributes.first { $0.name == name } }
}

/// `@id`, `@db.VarChar(255)`, `@@index([a, b], map: "x")`: the name without `@`/`@@` (`db.VarChar`).
public struct PrismaAttribute: Sendable {
    public var name: String
    public var arguments: [PrismaArgument]
    /// From `@` to the closing parenthesis.
    public var range: Range<Int>

    /// The named argument, or else the positional one at `position`.
    public func argument(_ name: String, position: Int? = nil) -> PrismaValue? {
        if let named = arguments.first(where: { $0.name == name }) { return named.value }
        guard let position else { return nil }
        let positional = arguments.filter { $0.name == nil }
        return position < positional.count ? positional[position].value : nil
    }
}

/// `name: value` or a positional `value` (`name` nil); also a `key = value` line of a datasource.
public struct PrismaArgument: Sendable {
    public var name: String?
    public var value: PrismaValue
    public var range: Range<Int>
}

/// An expression: string, number, identifier (`true`, `Cascade`, `Timestamptz`), call, array.
public struct PrismaValue: Sendable {
    public indirect enum Kind: Sendable {
        case string(String)
        case number(String)
        /// An identifier, possibly dotted (`db.Uuid`), or `true`/`false`.
        case identifier(String)
        case call(String, [PrismaArgument])
        case array([PrismaValue])
    }

    public var kind: Kind
    public var range: Range<Int>

    public var stringValue: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    public var identifier: String? {
        if case .identifier(let text) = kind { return text }
        return nil
    }

    /// `[a, b(sort: Desc)]` → `["a", "b"]`: an array of field references; a single reference as one element.
    public var fieldNames: [String]? {
        switch kind {
        case .array(let elements):
            let names = elements.compactMap(\.referencedName)
            return names.count == elements.count ? names : nil
        default:
            return referencedName.map { [$0] }
        }
    }

    /// `a` or `a(sort: Desc)`.
    var referencedName: String? {
        switch kind {
        case .identifier(let name), .call(let name, _): name
        default: nil
        }
    }
}
