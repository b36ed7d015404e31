/// A tolerant reader of the Prisma schema language. What it cannot read is one located error, after which it
/// skips to the end of the line (inside a block) or to the next top-level keyword, so the rest is still read.
public enum PrismaParser {
    public static func parse(_ bytes: [UInt8]) -> PrismaFileSyntax {
        let (tokens, lexErrors, comments) = PrismaLexer.tokens(bytes)
        var parser = Parser(tokens: tokens)
        parser.errors = lexErrors
        var syntax = parser.file()
        syntax.comments = comments
        return syntax
    }
}

/// Arrays and calls nest; deeper than this is not a schema anyone writes, and it bounds the recursion.
private let maximumNesting = 32

private struct Parser {
    let tokens: [PrismaToken]
    var position = 0
    var errors: [PrismaSyntaxError] = []

    init(tokens: [PrismaToken]) {
        self.tokens = tokens
    }

    var current: PrismaToken { tokens[position] }

    mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    func isPunctuation(_ text: String) -> Bool { current.kind == .punctuation(text) }

    mutating func eat(_ text: String) -> Bool {
        guard isPunctuation(text) else { return false }
        advance()
        return true
    }

    mutating func skipNewlines() {
        while current.kind == .newline { advance() }
    }

    mutating func error(_ message: String, at range: Range<Int>) {
        errors.append(PrismaSyntaxError(message: message, range: range))
    }

    /// `///` lines before a declaration, joined; other tokens reset them.
    mutating func documentation() -> String? {
        var lines: [String] = []
        while current.kind == .docComment || current.kind == .newline {
            if current.kind == .docComment { lines.append(current.text) }
            advance()
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    mutating func file() -> PrismaFileSyntax {
        var blocks: [PrismaBlock] = []
        while true {
            let doc = documentation()
            if current.kind == .end { break }
            let start = current
            if start.kind == .identifier, let kind = PrismaBlock.Kind(rawValue: start.text) {
                advance()
                if var block = block(kind, start: start.range.lowerBound) {
                    block.documentation = doc
                    blocks.append(block)
                }
            } else {
                error("expected `model`, `enum`, `view`, `type`, `datasource` or `generator`", at: start.range)
                skipToNextDeclaration()
            }
        }
        return PrismaFileSyntax(blocks: blocks, errors: errors)
    }

    /// To the next line that starts with a block keyword.
    mutating func skipToNextDeclaration() {
        while current.kind != .end {
            advance()
            if tokens[position - 1].kind == .newline, current.kind == .identifier,
               PrismaBlock.Kind(rawValue: current.text) != nil { return }
        }
    }

    mutating func block(_ kind: PrismaBlock.Kind, start: Int) -> PrismaBlock? {
        guard current.kind == .identifier else {
            error("expected the \(kind.rawValue)'s name", at: current.range)
            skipToNextDeclaration()
            return nil
        }
        var block = PrismaBlock(kind: kind, name: current.text, nameRange: current.range, range: start..<current.range.upperBound)
        advance()
        guard eat("{") else {
            error("expected `{` after `\(kind.rawValue) \(block.name)`", at: current.range)
            skipToNextDeclaration()
            return nil
        }
        while true {
            let doc = documentation()
            if isPunctuation("}") {
                block.range = start..<current.range.upperBound
                advance()
                return block
            }
            if current.kind == .end {
                error("`\(kind.rawValue) \(block.name)` has no closing `}`", at: block.nameRange)
                block.range = start..<current.range.lowerBound
                return block
            }
            // A new block keyword at the start of a line inside an unclosed block: the brace was forgotten.
            if tokens[position - 1].kind == .newline, current.kind == .identifier,
               let next = PrismaBlock.Kind(rawValue: current.text), position + 2 < tokens.count,
               tokens[position + 1].kind == .identifier, tokens[position + 2].kind == .punctuation("{") {
                _ = next
                error("`\(kind.rawValue) \(block.name)` has no closing `}`", at: block.nameRange)
                block.range = start..<tokens[position - 1].range.lowerBound
                return block
            }
            let errorCount = errors.count, fieldCount = block.fields.count
            if isPunctuation("@@") {
                if let attribute = attribute() { block.attributes.append(attribute) }
            } else {
                switch kind {
                case .datasource, .generator:
                    if let assignment = assignment() { block.assignments.append(assignment) }
                case .enum:
                    if var value = enumValue() { value.documentation = doc; block.fields.append(value) }
                case .model, .view, .type:
                    if var field = field() { field.documentation = doc; block.fields.append(field) }
                }
            }
            endLine()
            if errors.count > errorCount {
                block.isIncomplete = true
                if block.fields.count > fieldCount { block.fields[block.fields.count - 1].isIncomplete = true }
            }
        }
    }

    /// After a line's content: anything left before the newline is one error, then skipped.
    mutating func endLine() {
        if current.kind == .newline || current.kind == .end || isPunctuation("}") || current.kind == .docComment { return }
        let start = current.range.lowerBound
        var end = current.range.upperBound
        while current.kind != .newline && current.kind != .end && !isPunctuation("}") {
            end = current.range.upperBound
            advance()
        }
        error("unexpected text here", at: start..<end)
    }

    mutating func assignment() -> PrismaArgument? {
        guard current.kind == .identifier else {
            error("expected `name = value`", at: current.range)
            return nil
        }
        let name = current
        advance()
        guard eat("=") else {
            error("expected `=` after `\(name.text)`", at: current.range)
            return nil
        }
        guard let value = value(depth: 0) else { return nil }
        return PrismaArgument(name: name.text, value: value, range: name.range.lowerBound..<value.range.upperBound)
    }

    mutating func enumValue() -> PrismaField? {
        guard current.kind == .identifier else {
            error("expected an enum value", at: current.range)
            return nil
        }
        var field = PrismaField(name: current.text, nameRange: current.range, typeName: "", typeRange: current.range, range: current.range)
        advance()
        while isPunctuation("@") {
            guard let attribute = attribute() else { break }
            field.attributes.append(attribute)
            field.range = field.range.lowerBound..<attribute.range.upperBound
        }
        return field
    }

    mutating func field() -> PrismaField? {
        guard current.kind == .identifier else {
            error("expected a field: `name Type`", at: current.range)
            return nil
        }
        let name = current
        advance()
        guard current.kind == .identifier else {
            error("expected the type of field `\(name.text)`", at: current.kind == .newline ? name.range : current.range)
            return nil
        }
        var field = PrismaField(name: name.text, nameRange: name.range, typeName: current.text, typeRange: current.range,
                                range: name.range.lowerBound..<current.range.upperBound)
        advance()
        if isPunctuation("(") {
            guard let arguments = arguments(depth: 1) else { return nil }
            field.typeArguments = arguments.list
            field.typeRange = field.typeRange.lowerBound..<arguments.end
        }
        if isPunctuation("["), tokens[position + 1].kind == .punctuation("]") {
            field.isList = true
            advance(); field.typeRange = field.typeRange.lowerBound..<current.range.upperBound; advance()
        }
        if isPunctuation("?") {
            field.isOptional = true
            field.typeRange = field.typeRange.lowerBound..<current.range.upperBound
            advance()
        }
        field.range = field.range.lowerBound..<field.typeRange.upperBound
        while isPunctuation("@") {
            guard let attribute = attribute() else { break }
            field.attributes.append(attribute)
            field.range = field.range.lowerBound..<attribute.range.upperBound
        }
        return field
    }

    /// `@name`, `@@name`, `@db.Type`, each with optional arguments.
    mutating func attribute() -> PrismaAttribute? {
        let start = current.range.lowerBound
        advance()
        guard current.kind == .identifier else {
            error("expected an attribute name after `@`", at: start..<current.range.upperBound)
            return nil
        }
        var name = current.text
        var end = current.range.upperBound
        advance()
        while isPunctuation("."), tokens[position + 1].kind == .identifier {
            advance()
            name += "." + current.text
            end = current.range.upperBound
            advance()
        }
        var arguments: [PrismaArgument] = []
        if isPunctuation("(") {
            guard let parsed = self.arguments(depth: 1) else { return nil }
            arguments = parsed.list
            end = parsed.end
        }
        return PrismaAttribute(name: name, arguments: arguments, range: start..<end)
    }

    /// `( a, name: b, … )` from the opening parenthesis; returns the end of the closing one.
    mutating func arguments(depth: Int) -> (list: [PrismaArgument], end: Int)? {
        let open = current.range
        let openPosition = position
        advance()
        var list: [PrismaArgument] = []
        while true {
            skipNewlines()
            if isPunctuation(")") {
                let end = current.range.upperBound
                advance()
                return (list, end)
            }
            var name: PrismaToken?
            if current.kind == .identifier, tokens[position + 1].kind == .punctuation(":") {
                name = current
                advance(); advance()
            }
            guard let value = value(depth: depth) else { rewindToLineEnd(after: openPosition); return nil }
            list.append(PrismaArgument(name: name?.text, value: value, range: (name?.range.lowerBound ?? value.range.lowerBound)..<value.range.upperBound))
            skipNewlines()
            if eat(",") { continue }
            if isPunctuation(")") { continue }
            error("expected `,` or `)` in the arguments opened here", at: open.lowerBound..<current.range.upperBound)
            rewindToLineEnd(after: openPosition)
            return nil
        }
    }

    /// An unclosed argument list swallows the lines after it; recovery resumes at the end of the line it opened
    /// on, so the next field is still read.
    mutating func rewindToLineEnd(after start: Int) {
        var index = start
        while index < position, tokens[index].kind != .newline { index += 1 }
        position = index
    }

    mutating func value(depth: Int) -> PrismaValue? {
        guard depth < maximumNesting else {
            error("nested deeper than \(maximumNesting) levels", at: current.range)
            return nil
        }
        let token = current
        switch token.kind {
        case .string:
            advance()
            return PrismaValue(kind: .string(token.text), range: token.range)
        case .number:
            advance()
            return PrismaValue(kind: .number(token.text), range: token.range)
        case .identifier:
            advance()
            var name = token.text
            var end = token.range.upperBound
            while isPunctuation("."), tokens[position + 1].kind == .identifier {
                advance()
                name += "." + current.text
                end = current.range.upperBound
                advance()
            }
            if isPunctuation("(") {
                guard let arguments = arguments(depth: depth + 1) else { return nil }
                return PrismaValue(kind: .call(name, arguments.list), range: token.range.lowerBound..<arguments.end)
            }
            return PrismaValue(kind: .identifier(name), range: token.range.lowerBound..<end)
        case .punctuation("["):
            advance()
            var elements: [PrismaValue] = []
            while true {
                skipNewlines()
                if isPunctuation("]") {
                    let end = current.range.upperBound
                    advance()
                    return PrismaValue(kind: .array(elements), range: token.range.lowerBound..<end)
                }
                guard let element = value(depth: depth + 1) else { return nil }
                elements.append(element)
                skipNewlines()
                if eat(",") || isPunctuation("]") { continue }
                error("expected `,` or `]` in the list opened here", at: token.range.lowerBound..<current.range.upperBound)
                return nil
            }
        default:
            error("expected a value", at: token.kind == .newline || token.kind == .end ? token.range.lowerBound..<token.range.lowerBound : token.range)
            return nil
        }
    }
}
