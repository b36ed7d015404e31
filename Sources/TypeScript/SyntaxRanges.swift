// `range` on the sum types, so callers can locate any node without switching over it.

extension ExpressionSyntax {
    public var range: Range<Int> {
        switch self {
        case .identifier(let node): node.range
        case .this(let range), .super(let range), .null(let range), .missing(let range): range
        case .string(let node): node.range
        case .number(let node): node.range
        case .bigint(let node): node.range
        case .boolean(let node): node.range
        case .regex(let node): node.range
        case .template(let node): node.range
        case .taggedTemplate(let node): node.range
        case .array(let node): node.range
        case .object(let node): node.range
        case .member(let node): node.range
        case .element(let node): node.range
        case .call(let node): node.range
        case .new(let node): node.range
        case .importCall(let node): node.range
        case .metaProperty(let node): node.range
        case .arrow(let node): node.range
        case .function(let node): node.range
        case .class(let node): node.range
        case .unary(let node): node.range
        case .update(let node): node.range
        case .binary(let node): node.range
        case .assignment(let node): node.range
        case .conditional(let node): node.range
        case .sequence(let node): node.range
        case .typeAssertion(let node): node.range
        case .nonNull(let node): node.range
        case .parenthesized(let node): node.range
        case .await(let node): node.range
        case .yield(let node): node.range
        case .spread(let node): node.range
        case .jsx(let node): node.range
        }
    }

    /// The expression with parentheses, type assertions (`as`, `satisfies`, `<T>`) and non-null `!` removed:
    /// what the value is at run time.
    public var unwrapped: ExpressionSyntax {
        var current = self
        while true {
            switch current {
            case .parenthesized(let node): current = node.expression
            case .typeAssertion(let node): current = node.expression
            case .nonNull(let node): current = node.expression
            default: return current
            }
        }
    }
}

extension StatementSyntax {
    public var range: Range<Int> {
        switch self {
        case .variable(let node): node.range
        case .function(let node): node.range
        case .class(let node): node.range
        case .import(let node): node.range
        case .export(let node): node.range
        case .expression(let node): node.range
        case .block(let node): node.range
        case .return(let node): node.range
        case .if(let node): node.range
        case .for(let node): node.range
        case .forInOf(let node): node.range
        case .while(let node): node.range
        case .doWhile(let node): node.range
        case .try(let node): node.range
        case .throw(let node): node.range
        case .switch(let node): node.range
        case .break(let node), .continue(let node): node.range
        case .labeled(let node): node.range
        case .empty(let range), .debugger(let range), .invalid(let range): range
        case .enum(let node): node.range
        case .namespace(let node): node.range
        case .typeOnly(let node): node.range
        }
    }
}

extension PropertyKey {
    public var range: Range<Int> {
        switch self {
        case .identifier(let node), .privateName(let node): node.range
        case .string(let node): node.range
        case .number(let node): node.range
        case .bigint(let node): node.range
        case .computed(_, let range): range
        }
    }

    /// The key's name when it is known without evaluating anything: identifiers, strings, numbers as written,
    /// and computed keys that are string literals (`['a']`). `nil` for private names and other computed keys.
    public var staticName: String? {
        switch self {
        case .identifier(let node): node.name
        case .string(let node): node.value
        case .number(let node): node.text
        case .bigint(let node): node.text
        case .computed(let expression, _):
            if case .string(let literal) = expression.unwrapped { literal.value } else { nil }
        case .privateName: nil
        }
    }
}

extension BindingPattern {
    public var range: Range<Int> {
        switch self {
        case .identifier(let node): node.range
        case .object(let node): node.range
        case .array(let node): node.range
        case .missing(let range): range
        }
    }
}

extension ObjectMember {
    public var range: Range<Int> {
        switch self {
        case .property(let node): node.range
        case .shorthand(let node): node.range
        case .spread(let node): node.range
        case .method(let node): node.range
        }
    }
}

extension ClassMember {
    public var range: Range<Int> {
        switch self {
        case .method(let node): node.range
        case .property(let node): node.range
        case .staticBlock(let node): node.range
        case .indexSignature(let range): range
        }
    }
}
