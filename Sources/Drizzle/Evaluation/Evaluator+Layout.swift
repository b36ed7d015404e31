import Catalog
import Core
import TypeScript

/// The layouts of calls as written (`CallLayout`, `TableFileStyle`), which rules use to build fixes. Built from the
/// syntax tree; the file's bytes are read only for indentation.
extension Evaluator {
    func callLayout(_ site: CallSite) -> CallLayout? {
        let range = site.location.range
        guard !site.location.path.isEmpty, range.upperBound > range.lowerBound else { return nil }
        let bytes = provider.read(site.location.path) ?? []
        // The call's range ends after its `)`; anything else (a recovered parse) gets no layout.
        guard range.upperBound <= bytes.count, bytes[range.upperBound - 1] == UInt8(ascii: ")") else { return nil }
        let arguments = site.syntax.map { argumentLayout($0, bytes) }
        return CallLayout(path: site.location.path, closeParen: range.upperBound - 1, arguments: arguments)
    }

    private func argumentLayout(_ syntax: ExpressionSyntax, _ bytes: [UInt8]) -> ArgumentLayout {
        switch syntax {
        case .object(let object): return ArgumentLayout(range: syntax.range, object: Self.objectLayout(object, bytes))
        case .arrow(let arrow):
            var parameter: String?
            if let first = arrow.parameters.first, case .identifier(let name) = first.pattern { parameter = name.name }
            var body = ArrowLayout.Body.other
            if case .expression(let expression) = arrow.body {
                switch expression {
                case .array(let array):
                    let elements = array.elements.compactMap { $0?.range }
                    // A hole (`[a, , b]`) makes element positions ambiguous: not edited.
                    if elements.count == array.elements.count {
                        body = .array(ArrayLayout(range: array.range, elements: elements,
                                                  elementIndent: elements.first.flatMap { Self.lineIndent(before: $0.lowerBound, bytes) }))
                    }
                case .parenthesized(let inner):
                    if case .object(let object) = inner.expression { body = .object(Self.objectLayout(object, bytes)) }
                default: break
                }
            }
            return ArgumentLayout(range: syntax.range, arrow: ArrowLayout(parameter: parameter, body: body))
        default: return ArgumentLayout(range: syntax.range)
        }
    }

    static func objectLayout(_ object: ObjectLiteral, _ bytes: [UInt8]) -> ObjectLayout {
        var properties: [PropertyLayout] = []
        var isPlain = true
        for member in object.members {
            switch member {
            case .property(let property):
                var literal: String?
                if case .string(let string) = property.value { literal = string.value }
                properties.append(PropertyLayout(key: property.key.name, range: property.range, valueRange: property.value.range,
                                                 stringValue: literal))
            case .shorthand(let shorthand):
                properties.append(PropertyLayout(key: shorthand.name.name, range: shorthand.range, valueRange: shorthand.range))
            case .spread, .method:
                isPlain = false
            }
        }
        let indent = object.members.first.flatMap { lineIndent(before: $0.range.lowerBound, bytes) }
        return ObjectLayout(range: object.range, properties: properties, isPlain: isPlain, propertyIndent: indent)
    }

    static func lineIndent(before offset: Int, _ bytes: [UInt8]) -> String? { Indentation.before(offset, in: bytes) }

    /// The leading whitespace of the line holding `offset`.
    static func leadingWhitespace(ofLineAt offset: Int, _ bytes: [UInt8]) -> String {
        var start = min(offset, bytes.count)
        while start > 0, bytes[start - 1] != 0x0A, bytes[start - 1] != 0x0D { start -= 1 }
        var end = start
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// How the table's file writes code: its quote, its indentation, and how drizzle's `index` is (or can be) imported.
    func tableFileStyle(_ site: CallSite, call: CallLayout) -> TableFileStyle {
        let path = site.location.path
        let bytes = provider.read(path) ?? []
        let nameStart = site.location(of: 0).range.lowerBound
        let quote = nameStart < bytes.count && bytes[nameStart] == UInt8(ascii: "\"") ? "\"" : "'"
        let baseIndent = Self.leadingWhitespace(ofLineAt: site.location.range.lowerBound, bytes)
        var unit = "  "
        if call.arguments.count > 1, let columnsIndent = call.arguments[1].object?.propertyIndent,
           columnsIndent.hasPrefix(baseIndent), columnsIndent.count > baseIndent.count {
            unit = String(columnsIndent.dropFirst(baseIndent.count))
        }
        let imports = pgCoreImports(path)
        return TableFileStyle(quote: quote, indentUnit: unit, baseIndent: baseIndent, indexFunction: imports.indexFunction,
                              pgCoreImportEnd: imports.importEnd)
    }

    /// How a file imports drizzle's `index` and where its `drizzle-orm/pg-core` import list ends; worked out once
    /// per file, not once per table (a 50-table file walked its declarations 50 times).
    private func pgCoreImports(_ path: String) -> PgCoreImports {
        if let known = pgCoreImportsByFile[path] { return known }
        var imports = PgCoreImports()
        if let module = module(path) {
            for (local, declaration) in module.declarations {
                if case .imported(let source, "index") = declaration, LibraryFunction.isDrizzleModule(source) { imports.indexFunction = local }
            }
            for statement in module.syntax.statements {
                guard case .import(let declaration) = statement, !declaration.isTypeOnly,
                      declaration.source.value == "drizzle-orm/pg-core",
                      let last = declaration.namedBindings.last else { continue }
                imports.importEnd = last.range.upperBound
            }
        }
        pgCoreImportsByFile[path] = imports
        return imports
    }
}

extension PropertyKey {
    /// The key's name unless computed.
    var name: String? {
        switch self {
        case .identifier(let identifier), .privateName(let identifier): identifier.name
        case .string(let literal): literal.value
        case .number, .bigint, .computed: nil
        }
    }
}
