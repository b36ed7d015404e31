import Catalog
import TypeScript

/// JavaScript expressions and the small helper functions schemas call.
extension Evaluator {
    func evaluate(_ expression: ExpressionSyntax, _ scope: Scope) -> Value {
        guard expressionDepth < Self.maximumExpressionDepth else {
            return .unknown("an expression nested more than \(Self.maximumExpressionDepth) levels deep")
        }
        expressionDepth += 1
        defer { expressionDepth -= 1 }
        switch expression {
        case .identifier(let identifier): return lookup(identifier.name, scope)
        case .string(let literal): return .string(literal.value)
        case .number(let literal):
            // Beyond 2^53 a double is not the integer written (bigint `maxValue`s): keep the exact digits.
            if abs(literal.value) > 9_007_199_254_740_992, let digits = JavaScriptText.integerDigits(literal.text) {
                return .bigint(digits)
            }
            return .number(literal.value)
        case .bigint(let literal): return .bigint(String(literal.text.dropLast()))
        case .boolean(let literal): return .bool(literal.value)
        case .null: return .null
        case .template(let template): return templateString(template, scope)
        case .taggedTemplate(let tagged): return taggedTemplate(tagged, scope)
        case .array(let array): return arrayLiteral(array, scope)
        case .object(let object): return objectLiteral(object, scope)
        case .member(let node):
            let object = evaluate(node.object, scope)
            if node.isOptional, object.isNullish { return .undefined }
            return member(object, node.property.name)
        case .element(let node):
            let index = evaluate(node.index, scope)
            switch index {
            case .string(let key): return member(evaluate(node.object, scope), key)
            case .number(let number): return member(evaluate(node.object, scope), JavaScriptText.number(number))
            default: return .unknown("a computed property")
            }
        case .call(let call): return self.call(call, scope)
        case .arrow(let arrow):
            let body: Closure.Body = switch arrow.body {
            case .expression(let expression): .expression(expression)
            case .block(let block): .block(block)
            }
            return .function(Closure(parameters: arrow.parameters, body: body, scope: scope, range: arrow.range))
        case .function(let function): return .function(Closure(function, scope: scope))
        case .unary(let node): return unary(node, scope)
        case .binary(let node): return binary(node, scope)
        case .conditional(let node):
            guard let test = evaluate(node.test, scope).truthiness else { return .unknown("a condition known only at run time") }
            return evaluate(test ? node.consequent : node.alternate, scope)
        case .typeAssertion(let node): return evaluate(node.expression, scope)
        case .nonNull(let node): return evaluate(node.expression, scope)
        case .parenthesized(let node): return evaluate(node.expression, scope)
        case .sequence(let node): return node.expressions.last.map { evaluate($0, scope) } ?? .undefined
        case .new: return .unknown("an object created at run time")
        default: return .unknown("an expression the reader does not evaluate")
        }
    }

    private func templateString(_ template: TemplateLiteral, _ scope: Scope) -> Value {
        var text = template.quasis.first?.cooked ?? ""
        for (index, expression) in template.expressions.enumerated() {
            switch evaluate(expression, scope) {
            case .string(let value): text += value
            case .number(let value): text += JavaScriptText.number(value)
            case .bool(let value): text += value ? "true" : "false"
            case .bigint(let digits): text += digits
            case .null: text += "null"
            case .undefined: text += "undefined"
            case .unknown(let reason): return .unknown(reason)
            default: return .unknown("a template string with a run-time value")
            }
            let quasi = index + 1 < template.quasis.count ? template.quasis[index + 1].cooked : nil
            text += quasi ?? ""
        }
        return .string(text)
    }

    private func arrayLiteral(_ array: ArrayLiteral, _ scope: Scope) -> Value {
        var elements: [Value] = []
        for element in array.elements {
            guard let element else { elements.append(.undefined); continue }
            if case .spread(let spread) = element {
                switch evaluate(spread.argument, scope) {
                case .array(let values): elements += values
                default: return .unknown("a spread of a value known only at run time")
                }
            } else {
                elements.append(evaluate(element, scope))
            }
        }
        return .array(elements)
    }

    private func objectLiteral(_ literal: ObjectLiteral, _ scope: Scope) -> Value {
        var object = ObjectValue()
        for member in literal.members {
            switch member {
            case .property(let property):
                let key: String?
                if case .computed(let expression, _) = property.key {
                    key = evaluate(expression, scope).javaScriptString
                } else {
                    key = property.key.staticName
                }
                guard let key else {
                    // `{ [KEY]: … }` with an unknown key: like an unknown spread, it may set any key.
                    object.unknownSpreads.append(("a computed property name", location(property.range, in: scope)))
                    continue
                }
                object.set(key, evaluate(property.value, scope), location: location(property.range, in: scope))
            case .shorthand(let shorthand):
                object.set(shorthand.name.name, lookup(shorthand.name.name, scope),
                           location: location(shorthand.range, in: scope))
            case .spread(let spread):
                switch evaluate(spread.argument, scope) {
                case .object(let other):
                    for property in other.properties { object.set(property.key, property.value, location: property.location) }
                    object.unknownSpreads += other.unknownSpreads
                case .undefined, .null: break
                case .unknown(let reason):
                    // Not reported here: code that never reaches a table (a zod schema's `...base.shape`) is not
                    // the schema's business. Whoever needs this object's keys reports it.
                    object.unknownSpreads.append((reason, location(spread.range, in: scope)))
                default: break
                }
            case .method(let method):
                guard let key = method.key.staticName else { continue }
                object.set(key, .function(Closure(method.function, scope: scope)), location: location(method.range, in: scope))
            }
        }
        return .object(object)
    }

    private func unary(_ node: UnaryExpression, _ scope: Scope) -> Value {
        let operand = evaluate(node.operand, scope)
        switch node.operator {
        case .minus:
            if case .number(let value) = operand { return .number(-value) }
            if case .bigint(let digits) = operand { return .bigint(digits.hasPrefix("-") ? String(digits.dropFirst()) : "-" + digits) }
        case .plus: if case .number(let value) = operand { return .number(value) }
        case .logicalNot: if let truth = operand.truthiness { return .bool(!truth) }
        case .void: return .undefined
        default: break
        }
        return .unknown("an operation known only at run time")
    }

    private func binary(_ node: BinaryExpression, _ scope: Scope) -> Value {
        let left = evaluate(node.left, scope)
        switch node.operator {
        case .nullishCoalescing:
            switch left {
            case .undefined, .null: return evaluate(node.right, scope)
            case .unknown: return .unknown("a value known only at run time")
            default: return left
            }
        case .logicalOr:
            guard let truth = left.truthiness else { return .unknown("a value known only at run time") }
            return truth ? left : evaluate(node.right, scope)
        case .logicalAnd:
            guard let truth = left.truthiness else { return .unknown("a value known only at run time") }
            return truth ? evaluate(node.right, scope) : left
        default: break
        }
        let right = evaluate(node.right, scope)
        switch (node.operator, left, right) {
        case (.plus, .number(let a), .number(let b)): return .number(a + b)
        case (.plus, .string(let a), .string(let b)): return .string(a + b)
        case (.plus, .string(let a), .number(let b)): return .string(a + JavaScriptText.number(b))
        case (.plus, .number(let a), .string(let b)): return .string(JavaScriptText.number(a) + b)
        case (.plus, .string(let a), .bigint(let b)): return .string(a + b)
        case (.plus, .bigint(let a), .string(let b)): return .string(a + b)
        case (.minus, .number(let a), .number(let b)): return .number(a - b)
        case (.multiply, .number(let a), .number(let b)): return .number(a * b)
        case (.divide, .number(let a), .number(let b)): return .number(a / b)
        case (.strictEqual, _, _), (.equal, _, _):
            return Self.primitiveEquality(left, right).map(Value.bool) ?? .unknown("a comparison known only at run time")
        case (.strictNotEqual, _, _), (.notEqual, _, _):
            return Self.primitiveEquality(left, right).map { .bool(!$0) } ?? .unknown("a comparison known only at run time")
        default: return .unknown("an operation known only at run time")
        }
    }

    /// `===` between primitives (undefined, null, booleans, numbers, strings); nil for anything else.
    static func primitiveEquality(_ left: Value, _ right: Value) -> Bool? {
        switch (left, right) {
        case (.undefined, .undefined), (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.unknown, _), (_, .unknown): nil
        case (.undefined, _), (.null, _), (.bool, _), (.number, _), (.string, _): false
        default: nil
        }
    }

    // MARK: functions

    /// Calls a function of the sources with arguments; helper functions that build columns or SQL are small,
    /// so statements other than declarations, `if` and `return` are not modelled.
    func invoke(_ closure: Closure, _ arguments: [Value]) -> Value {
        guard callDepth < 32 else { return .unknown("calls nested too deeply") }
        callDepth += 1
        defer { callDepth -= 1 }
        let scope = Scope(module: closure.scope.module, parent: closure.scope)
        for (index, parameter) in closure.parameters.enumerated() {
            var argument: Value = parameter.isRest ? .array(Array(arguments.dropFirst(index)))
                : (index < arguments.count ? arguments[index] : .undefined)
            if case .undefined = argument, let defaultValue = parameter.defaultValue {
                argument = evaluate(defaultValue, scope)
            }
            bind(parameter.pattern, argument, in: scope)
        }
        switch closure.body {
        case .expression(let expression): return evaluate(expression, scope)
        case .block(let block):
            var skipped: SkippedStatement?
            let result = execute(block.statements, scope, skipped: &skipped) ?? .undefined
            guard let skipped else { return result }
            return afterSkipping(skipped, result)
        }
    }

    /// A statement of a helper the reader did not follow (a loop, an assignment): what it did is unknown.
    struct SkippedStatement {
        var reason: String
        var location: SourceLocation
    }

    /// The result of a helper that ran statements the reader skipped. A table or column it returns still exists
    /// (so it is neither added nor dropped), but everything about it except its name may have been changed.
    private func afterSkipping(_ skipped: SkippedStatement, _ result: Value) -> Value {
        switch result {
        case .table(let index) where tables.indices.contains(index):
            report(.unevaluable, "cannot follow what this does to table \(tables[index].name): \(skipped.reason)",
                   at: skipped.location)
            for column in tables[index].columns.indices {
                tables[index].columns[column].builder.unreadable.formUnion(Column.Part.allExceptName)
            }
            tables[index].unreadableElements.formUnion(ElementKind.tableConstraints.union([.column]))
            return result
        case .column(var builder):
            report(.unevaluable, "cannot follow what this does to the column: \(skipped.reason)", at: skipped.location)
            builder.unreadable.formUnion(Column.Part.allExceptName)
            return .column(builder)
        case .unknown: return result
        default: return .unknown(skipped.reason)
        }
    }

    func bind(_ pattern: BindingPattern, _ value: Value, in scope: Scope) {
        for (name, path) in ModuleIndex.boundNames(pattern) {
            var bound = value
            for property in path { bound = member(bound, property) }
            scope.define(name, bound)
        }
    }

    /// Runs statements; returns the value of a `return` reached, nil when none is. Statements it does not model
    /// are skipped and the first is remembered in `skipped`.
    private func execute(_ statements: [StatementSyntax], _ scope: Scope, skipped: inout SkippedStatement?) -> Value? {
        func skip(_ reason: String, _ statement: StatementSyntax) {
            if skipped == nil { skipped = SkippedStatement(reason: reason, location: location(statement.range, in: scope)) }
        }
        for statement in statements {
            switch statement {
            case .variable(let declaration):
                for declarator in declaration.declarators {
                    bind(declarator.pattern, declarator.initializer.map { evaluate($0, scope) } ?? .undefined, in: scope)
                }
            case .function(let function):
                if let name = function.name?.name { scope.define(name, .function(Closure(function, scope: scope))) }
            case .return(let statement):
                return statement.argument.map { evaluate($0, scope) } ?? .undefined
            case .if(let statement):
                guard let test = evaluate(statement.test, scope).truthiness else {
                    return .unknown("a branch known only at run time")
                }
                if let branch = test ? statement.consequent : statement.alternate,
                   let value = execute([branch], scope, skipped: &skipped) { return value }
            case .block(let block):
                if let value = execute(block.statements, Scope(module: scope.module, parent: scope), skipped: &skipped) {
                    return value
                }
            case .expression(let expression):
                // The reader keeps values as copies: an assignment's effect on them is lost.
                switch expression.expression.unwrapped {
                case .assignment, .update: skip("it assigns to a variable or property", statement)
                case .unary(let node) where node.operator == .delete: skip("it deletes a property", statement)
                default: continue
                }
            case .for, .forInOf, .while, .doWhile, .switch, .try, .labeled:
                skip("it runs a loop, switch or try block", statement)
            case .throw:
                return .unknown("a helper that throws")
            default:
                continue
            }
        }
        return nil
    }
}
