// Functions, methods, parameters and decorators.

extension Parser {
    /// A function declaration or expression at `function` (`async` already consumed when `isAsync`).
    /// The body is absent for overload signatures and ambient declarations.
    mutating func parseFunction(start: Int, isAsync: Bool) -> FunctionSyntax {
        advance()  // `function`
        let isGenerator = eat(.star)
        var functionName: Identifier?
        if at(.identifier) {
            functionName = takeName()
        }
        return parseFunctionRest(name: functionName, start: start, isAsync: isAsync, isGenerator: isGenerator)
    }

    /// Type parameters, parameters, return type and body.
    mutating func parseFunctionRest(name: Identifier?, start: Int, isAsync: Bool, isGenerator: Bool) -> FunctionSyntax {
        let saved = (inAsync, inGenerator)
        (inAsync, inGenerator) = (isAsync, isGenerator)
        defer { (inAsync, inGenerator) = saved }
        let typeParameters = skipTypeParameters()
        var parameters: [FunctionParameter] = []
        if at(.openParen) {
            parameters = parseParameterList()
        } else {
            error("expected `(` to start the parameters, found \(describe(token))", at: token)
        }
        let returnType = skipReturnTypeAnnotation()
        let body = at(.openBrace) ? parseFunctionBody() : nil
        return FunctionSyntax(
            name: name, isAsync: isAsync, isGenerator: isGenerator, typeParameters: typeParameters,
            parameters: parameters, returnType: returnType, body: body, range: range(from: start))
    }

    /// `{ statements }` of a function (the caller sets the async / generator context).
    mutating func parseFunctionBody() -> BlockStatement {
        let saved = disallowIn
        disallowIn = false
        defer { disallowIn = saved }
        return parseBlock()
    }

    /// A method of a class or object literal, after its modifiers and key.
    mutating func parseMethod(
        kind: MethodSyntax.Kind, key: PropertyKey, start: Int, isStatic: Bool, isAsync: Bool, isGenerator: Bool,
        isOptional: Bool = false
    ) -> MethodSyntax {
        let function = parseFunctionRest(name: nil, start: key.range.lowerBound, isAsync: isAsync, isGenerator: isGenerator)
        return MethodSyntax(kind: kind, key: key, isStatic: isStatic, isOptional: isOptional, function: function, range: range(from: start))
    }

    /// `(a, b?: T, ...rest: U[])` including the parentheses.
    mutating func parseParameterList() -> [FunctionParameter] {
        let open = token
        guard eat(.openParen) else { return [] }
        return parseDelimitedList(closing: .closeParen, opener: open, listName: "parameter list", startsElement: { parser in
            parser.at(.identifier) || parser.at(.openBrace) || parser.at(.openBracket) || parser.at(.dotDotDot)
        }) { parser in
            parser.parseParameter()
        }
    }

    private mutating func parseParameter() -> FunctionParameter {
        let start = token.start
        skipDecorators()
        var isParameterProperty = false
        while at(.public) || at(.private) || at(.protected) || at(.readonly) || at(.override) {
            let next = peek()
            guard next.kind == .identifier || next.kind == .openBrace || next.kind == .openBracket else { break }
            isParameterProperty = true
            advance()
        }
        let isRest = eat(.dotDotDot)
        let pattern: BindingPattern
        if at(.this) {
            pattern = .identifier(takeName())
        } else {
            pattern = parseBindingPattern()
        }
        let isOptional = eat(.question)
        let typeAnnotation = skipTypeAnnotation()
        let defaultValue = eat(.equal) ? allowingIn { $0.parseAssignment() } : nil
        return FunctionParameter(
            pattern: pattern, isRest: isRest, isOptional: isOptional, typeAnnotation: typeAnnotation,
            defaultValue: defaultValue, isParameterProperty: isParameterProperty, range: range(from: start))
    }

    /// `@expr` decorators are read and dropped.
    mutating func skipDecorators() {
        while at(.at), !isAbandoned {
            advance()
            _ = parseLeftHandSide()
        }
    }
}
