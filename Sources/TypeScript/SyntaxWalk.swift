// A generic pre-order walk over the tree, so readers can find expressions anywhere (inside function bodies,
// class members, default values, template substitutions…) without a switch over every node kind.

extension SourceFileSyntax {
    /// Calls `visit` for every expression in the file, each before the expressions inside it, in source order.
    public func forEachExpression(_ visit: (ExpressionSyntax) -> Void) {
        withoutActuallyEscaping(visit) { visit in
            var walker = SyntaxWalker(onExpression: visit, onStatement: nil)
            walker.walk(statements)
        }
    }

    /// Calls `visit` for every statement in the file, nested ones included (function bodies, blocks, cases…).
    public func forEachStatement(_ visit: (StatementSyntax) -> Void) {
        withoutActuallyEscaping(visit) { visit in
            var walker = SyntaxWalker(onExpression: nil, onStatement: visit)
            walker.walk(statements)
        }
    }
}

extension ExpressionSyntax {
    /// Calls `visit` for this expression and every expression inside it (function bodies included), pre-order.
    public func forEachExpression(_ visit: (ExpressionSyntax) -> Void) {
        withoutActuallyEscaping(visit) { visit in
            var walker = SyntaxWalker(onExpression: visit, onStatement: nil)
            walker.walk(self)
        }
    }
}

extension StatementSyntax {
    /// Calls `visit` for every expression inside this statement, pre-order.
    public func forEachExpression(_ visit: (ExpressionSyntax) -> Void) {
        withoutActuallyEscaping(visit) { visit in
            var walker = SyntaxWalker(onExpression: visit, onStatement: nil)
            walker.walk(self)
        }
    }
}

/// The walk behind the `forEach…` entry points. It keeps its own stack instead of recursing, so trees as deep as
/// the parser allows are walked in constant native stack space.
struct SyntaxWalker {
    private enum Item {
        case expression(ExpressionSyntax)
        case statement(StatementSyntax)
    }

    let onExpression: ((ExpressionSyntax) -> Void)?
    let onStatement: ((StatementSyntax) -> Void)?
    private var pending: [Item] = []

    init(onExpression: ((ExpressionSyntax) -> Void)?, onStatement: ((StatementSyntax) -> Void)?) {
        self.onExpression = onExpression
        self.onStatement = onStatement
    }

    mutating func walk(_ statements: [StatementSyntax]) {
        for statement in statements.reversed() { pending.append(.statement(statement)) }
        run()
    }

    mutating func walk(_ statement: StatementSyntax) {
        pending.append(.statement(statement))
        run()
    }

    mutating func walk(_ expression: ExpressionSyntax) {
        pending.append(.expression(expression))
        run()
    }

    /// Visits items pre-order: each item's children are pushed in source order, then that segment of the stack is
    /// reversed so the first child is visited next.
    private mutating func run() {
        while let item = pending.popLast() {
            let mark = pending.count
            switch item {
            case .expression(let expression):
                onExpression?(expression)
                pushChildren(of: expression)
            case .statement(let statement):
                onStatement?(statement)
                pushChildren(of: statement)
            }
            pending[mark...].reverse()
        }
    }

    // MARK: Children in source order

    private mutating func push(_ expression: ExpressionSyntax?) {
        if let expression { pending.append(.expression(expression)) }
    }

    private mutating func push(_ statement: StatementSyntax?) {
        if let statement { pending.append(.statement(statement)) }
    }

    private mutating func push(_ block: BlockStatement?) {
        for statement in block?.statements ?? [] { pending.append(.statement(statement)) }
    }

    private mutating func pushChildren(of statement: StatementSyntax) {
        switch statement {
        case .variable(let node): push(node)
        case .function(let node): push(node)
        case .class(let node): push(node)
        case .import, .empty, .debugger, .typeOnly, .invalid, .break, .continue: break
        case .export(let node):
            switch node.kind {
            case .declaration(let inner), .defaultDeclaration(let inner): push(inner)
            case .defaultExpression(let expression), .assignment(let expression): push(expression)
            case .named, .all: break
            }
        case .expression(let node): push(node.expression)
        case .block(let node): push(node)
        case .return(let node): push(node.argument)
        case .if(let node):
            push(node.test)
            push(node.consequent)
            push(node.alternate)
        case .for(let node):
            if let initializer = node.initializer { push(initializer) }
            push(node.test)
            push(node.update)
            push(node.body)
        case .forInOf(let node):
            push(node.left)
            push(node.right)
            push(node.body)
        case .while(let node):
            push(node.test)
            push(node.body)
        case .doWhile(let node):
            push(node.body)
            push(node.test)
        case .try(let node):
            push(node.block)
            if let handler = node.handler {
                if let parameter = handler.parameter { push(parameter) }
                push(handler.body)
            }
            push(node.finalizer)
        case .throw(let node): push(node.argument)
        case .switch(let node):
            push(node.discriminant)
            for switchCase in node.cases {
                push(switchCase.test)
                for inner in switchCase.consequent { push(inner) }
            }
        case .labeled(let node): push(node.body)
        case .enum(let node):
            for member in node.members { push(member.initializer) }
        case .namespace(let node):
            for inner in node.body { push(inner) }
        }
    }

    private mutating func pushChildren(of expression: ExpressionSyntax) {
        switch expression {
        case .identifier, .this, .super, .string, .number, .bigint, .boolean, .null, .regex, .metaProperty, .missing:
            break
        case .template(let node): push(node)
        case .taggedTemplate(let node):
            push(node.tag)
            push(node.template)
        case .array(let node):
            for element in node.elements { push(element) }
        case .object(let node):
            for member in node.members { push(member) }
        case .member(let node): push(node.object)
        case .element(let node):
            push(node.object)
            push(node.index)
        case .call(let node):
            push(node.callee)
            for argument in node.arguments { push(argument) }
        case .new(let node):
            push(node.callee)
            for argument in node.arguments ?? [] { push(argument) }
        case .importCall(let node):
            for argument in node.arguments { push(argument) }
        case .arrow(let node):
            push(node.parameters)
            switch node.body {
            case .expression(let body): push(body)
            case .block(let body): push(body)
            }
        case .function(let node): push(node)
        case .class(let node): push(node)
        case .unary(let node): push(node.operand)
        case .update(let node): push(node.operand)
        case .binary(let node):
            push(node.left)
            push(node.right)
        case .assignment(let node):
            push(node.target)
            push(node.value)
        case .conditional(let node):
            push(node.test)
            push(node.consequent)
            push(node.alternate)
        case .sequence(let node):
            for inner in node.expressions { push(inner) }
        case .typeAssertion(let node): push(node.expression)
        case .nonNull(let node): push(node.expression)
        case .parenthesized(let node): push(node.expression)
        case .await(let node): push(node.argument)
        case .yield(let node): push(node.argument)
        case .spread(let node): push(node.argument)
        case .jsx(let node): push(node)
        }
    }

    private mutating func push(_ template: TemplateLiteral) {
        for inner in template.expressions { push(inner) }
    }

    private mutating func push(_ member: ObjectMember) {
        switch member {
        case .property(let node):
            push(node.key)
            push(node.value)
        case .shorthand(let node): push(node.defaultValue)
        case .spread(let node): push(node.argument)
        case .method(let node): push(node)
        }
    }

    private mutating func push(_ method: MethodSyntax) {
        push(method.key)
        push(method.function)
    }

    private mutating func push(_ key: PropertyKey) {
        if case .computed(let expression, _) = key { push(expression) }
    }

    private mutating func push(_ function: FunctionSyntax) {
        push(function.parameters)
        push(function.body)
    }

    private mutating func push(_ parameters: [FunctionParameter]) {
        for parameter in parameters {
            push(parameter.pattern)
            push(parameter.defaultValue)
        }
    }

    /// Patterns hold expressions only in defaults and computed keys; they are shallow, so recursing is fine.
    private mutating func push(_ pattern: BindingPattern) {
        switch pattern {
        case .identifier, .missing: break
        case .object(let node):
            for property in node.properties {
                push(property.key)
                push(property.value)
                push(property.defaultValue)
            }
            if let rest = node.rest { push(rest) }
        case .array(let node):
            for element in node.elements {
                guard let element else { continue }
                push(element.pattern)
                push(element.defaultValue)
            }
            if let rest = node.rest { push(rest) }
        }
    }

    private mutating func push(_ classSyntax: ClassSyntax) {
        push(classSyntax.superClass)
        for member in classSyntax.members {
            switch member {
            case .method(let node): push(node)
            case .property(let node):
                push(node.key)
                push(node.value)
            case .staticBlock(let node): push(node)
            case .indexSignature: break
            }
        }
    }

    private mutating func push(_ declaration: VariableDeclaration) {
        for declarator in declaration.declarators {
            push(declarator.pattern)
            push(declarator.initializer)
        }
    }

    private mutating func push(_ initializer: ForInitializer) {
        switch initializer {
        case .variable(let declaration): push(declaration)
        case .expression(let expression): push(expression)
        }
    }

    private mutating func push(_ element: JSXElement) {
        for attribute in element.attributes {
            switch attribute {
            case .attribute(_, let value, _): push(value)
            case .spread(let spread): push(spread.argument)
            }
        }
        for child in element.children {
            switch child {
            case .text: break
            case .expression(let expression, _): push(expression)
            case .element(let inner): push(inner)
            }
        }
    }
}
