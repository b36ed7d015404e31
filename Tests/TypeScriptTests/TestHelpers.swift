import Testing
@testable import TypeScript

/// Parses `source`, records an issue for every diagnostic, and returns the file.
func parseClean(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> SourceFileSyntax {
    let file = TypeScriptParser.parse(source)
    for diagnostic in file.diagnostics {
        Issue.record("unexpected diagnostic \(diagnostic) in: \(source)", sourceLocation: sourceLocation)
    }
    return file
}

/// The expression of the single expression statement in `source`.
func parseExpression(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> ExpressionSyntax {
    let file = parseClean(source, sourceLocation: sourceLocation)
    guard file.statements.count == 1, case .expression(let statement) = file.statements[0] else {
        Issue.record("expected one expression statement in: \(source), got \(file.statements.count) statements", sourceLocation: sourceLocation)
        return .missing(0..<0)
    }
    return statement.expression
}

/// The initializer of the first declarator of the first statement (`const x = …`).
func parseInitializer(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> ExpressionSyntax {
    let file = parseClean(source, sourceLocation: sourceLocation)
    guard case .variable(let declaration)? = file.statements.first, let initializer = declaration.declarators.first?.initializer else {
        Issue.record("expected a variable declaration with an initializer in: \(source)", sourceLocation: sourceLocation)
        return .missing(0..<0)
    }
    return initializer
}

/// The source text a range covers.
func slice(_ source: String, _ range: Range<Int>) -> String {
    String(decoding: Array(source.utf8)[range], as: UTF8.self)
}

/// A compact S-expression of an expression tree, so tests can state a tree's shape in one line.
func sexpr(_ expression: ExpressionSyntax?) -> String {
    guard let expression else { return "_" }
    func list(_ head: String, _ items: [String]) -> String { "(" + ([head] + items).joined(separator: " ") + ")" }
    switch expression {
    case .identifier(let node): return node.name
    case .this: return "this"
    case .super: return "super"
    case .null: return "null"
    case .missing: return "<missing>"
    case .string(let node): return "\"\(node.value)\""
    case .number(let node): return node.text
    case .bigint(let node): return node.text
    case .boolean(let node): return node.value ? "true" : "false"
    case .regex(let node): return "/\(node.pattern)/\(node.flags)"
    case .template(let node): return template(node)
    case .taggedTemplate(let node): return list("tagged", [sexpr(node.tag), template(node.template)])
    case .array(let node): return list("array", node.elements.map(sexpr))
    case .object(let node): return list("object", node.members.map(member))
    case .member(let node): return list(node.isOptional ? "?." : ".", [sexpr(node.object), (node.isPrivateName ? "#" : "") + node.property.name])
    case .element(let node): return list(node.isOptional ? "?.[]" : "[]", [sexpr(node.object), sexpr(node.index)])
    case .call(let node):
        let head = (node.isOptional ? "?.call" : "call") + (node.typeArguments == nil ? "" : "<>")
        return list(head, [sexpr(node.callee)] + node.arguments.map(sexpr))
    case .new(let node): return list(node.arguments == nil ? "new-no-args" : "new", [sexpr(node.callee)] + (node.arguments ?? []).map(sexpr))
    case .importCall(let node): return list("import", node.arguments.map(sexpr))
    case .metaProperty(let node): return "\(node.meta.name).\(node.property.name)"
    case .arrow(let node):
        let body: String = switch node.body {
        case .expression(let body): sexpr(body)
        case .block(let block): "{\(block.statements.count)}"
        }
        return list(node.isAsync ? "async=>" : "=>", [list("params", node.parameters.map(parameter)), body])
    case .function(let node): return list(node.isAsync ? "async-function" : "function", [node.name?.name ?? "_", list("params", node.parameters.map(parameter)), node.body.map { "{\($0.statements.count)}" } ?? "no-body"])
    case .class(let node): return list("class", [node.name?.name ?? "_"])
    case .unary(let node): return list(node.operator.rawValue, [sexpr(node.operand)])
    case .update(let node): return node.isPrefix ? list(node.operator.rawValue, [sexpr(node.operand)]) : list(sexpr(node.operand), [node.operator.rawValue])
    case .binary(let node): return list(node.operator.rawValue, [sexpr(node.left), sexpr(node.right)])
    case .assignment(let node): return list(node.operator.rawValue, [sexpr(node.target), sexpr(node.value)])
    case .conditional(let node): return list("?:", [sexpr(node.test), sexpr(node.consequent), sexpr(node.alternate)])
    case .sequence(let node): return list(",", node.expressions.map(sexpr))
    case .typeAssertion(let node):
        let head = switch node.kind {
        case .as: "as"
        case .asConst: "as-const"
        case .satisfies: "satisfies"
        case .angleBracket: "<>"
        }
        return list(head, [sexpr(node.expression)])
    case .nonNull(let node): return list("non-null", [sexpr(node.expression)])
    case .parenthesized(let node): return list("paren", [sexpr(node.expression)])
    case .await(let node): return list("await", [sexpr(node.argument)])
    case .yield(let node): return list(node.isDelegate ? "yield*" : "yield", node.argument.map { [sexpr($0)] } ?? [])
    case .spread(let node): return list("...", [sexpr(node.argument)])
    case .jsx(let node): return jsx(node)
    }
}

private func jsx(_ element: JSXElement) -> String {
    var parts = [element.name?.name ?? "<>"]
    for attribute in element.attributes {
        switch attribute {
        case .attribute(let name, let value, _): parts.append("\(name.name)=\(value.map(sexpr) ?? "true")")
        case .spread(let spread): parts.append("{...\(sexpr(spread.argument))}")
        }
    }
    for child in element.children {
        switch child {
        case .text: parts.append("text")
        case .expression(let expression, _): parts.append("{\(expression.map(sexpr) ?? "")}")
        case .element(let inner): parts.append(jsx(inner))
        }
    }
    return "(jsx " + parts.joined(separator: " ") + ")"
}

private func template(_ node: TemplateLiteral) -> String {
    var parts: [String] = []
    for (index, quasi) in node.quasis.enumerated() {
        parts.append("\"\(quasi.cooked ?? "<invalid>")\"")
        if index < node.expressions.count { parts.append(sexpr(node.expressions[index])) }
    }
    return "(template " + parts.joined(separator: " ") + ")"
}

private func member(_ member: ObjectMember) -> String {
    switch member {
    case .property(let node): return "(prop \(key(node.key)) \(sexpr(node.value)))"
    case .shorthand(let node): return node.defaultValue.map { "(short \(node.name.name) = \(sexpr($0)))" } ?? "(short \(node.name.name))"
    case .spread(let node): return "(... \(sexpr(node.argument)))"
    case .method(let node): return "(\(node.kind) \(key(node.key)))"
    }
}

func key(_ key: PropertyKey) -> String {
    switch key {
    case .identifier(let node): return node.name
    case .privateName(let node): return "#" + node.name
    case .string(let node): return "'\(node.value)'"
    case .number(let node): return node.text
    case .bigint(let node): return node.text
    case .computed(let expression, _): return "[\(sexpr(expression))]"
    }
}

func pattern(_ binding: BindingPattern) -> String {
    switch binding {
    case .identifier(let node): return node.name
    case .missing: return "<missing>"
    case .object(let node):
        var parts = node.properties.map { property -> String in
            var text = property.isShorthand ? key(property.key) : "\(key(property.key)): \(pattern(property.value))"
            if let defaultValue = property.defaultValue { text += " = \(sexpr(defaultValue))" }
            return text
        }
        if let rest = node.rest { parts.append("...\(pattern(rest))") }
        return "{" + parts.joined(separator: ", ") + "}"
    case .array(let node):
        var parts = node.elements.map { element -> String in
            guard let element else { return "_" }
            return pattern(element.pattern) + (element.defaultValue.map { " = \(sexpr($0))" } ?? "")
        }
        if let rest = node.rest { parts.append("...\(pattern(rest))") }
        return "[" + parts.joined(separator: ", ") + "]"
    }
}

func parameter(_ parameter: FunctionParameter) -> String {
    var text = (parameter.isRest ? "..." : "") + pattern(parameter.pattern) + (parameter.isOptional ? "?" : "")
    if parameter.typeAnnotation != nil { text += ":T" }
    if let defaultValue = parameter.defaultValue { text += "=\(sexpr(defaultValue))" }
    return text
}
