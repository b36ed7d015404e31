/// One validation run over one instance: walks the compiled program, keeps the evaluation path, the dynamic
/// scope and the errors. When `collect` is false, nothing is built and evaluation stops at the first failure.
struct SchemaEvaluation {
    let program: CompiledProgram
    var errors: [SchemaValidationError] = []
    /// Escaped pointer segments of the keyword location (each entry one or more `/token`s).
    private var schemaPath: [String] = []
    /// Escaped tokens of the instance location.
    private var instancePath: [String] = []
    /// Resources entered, outermost first (for `$dynamicRef` and `$recursiveRef`).
    private var scope: [Int] = []
    private var depth = 0
    /// Subschema evaluations left. `allOf: [{$ref: "#"}, {$ref: "#"}]` doubles the work at every level, so depth
    /// alone does not bound it; the budget grows with the instance, so large valid files are never cut short.
    private var budget: Int
    /// Why evaluation stopped without an answer (budget spent, or a pattern too expensive to run). Once set,
    /// nothing that follows is a verdict: the validator reports this instead of every error found.
    private(set) var undecided: SchemaValidationError?

    /// Schema recursion deeper than this without end is reported instead of overflowing the stack.
    static let maximumDepth = 300
    /// Subschema evaluations allowed: this many, plus `budgetPerByte` per byte of the instance.
    static let baseBudget = 200_000
    static let budgetPerByte = 50

    init(program: CompiledProgram, instanceSize: Int) {
        self.program = program
        self.budget = Self.baseBudget + Self.budgetPerByte * instanceSize
    }

    mutating func evaluate(_ index: Int, _ instance: JSONNode, collect: Bool, annotations: inout Annotations?) -> Bool {
        let schema = program.schemas[index]
        guard undecided == nil else { return true }
        budget -= 1
        guard budget >= 0 else {
            undecide(schema, instance, "$ref", "the schema is too expensive to evaluate for this value (more than \(Self.baseBudget) subschema evaluations plus \(Self.budgetPerByte) per byte), so the file was not validated: its `allOf`/`anyOf`/`$ref` nesting multiplies the work at every level")
            return true
        }
        guard case .keywords(let keywords) = schema.body else {
            if case .boolean(false) = schema.body, collect {
                report("false", nil, schema, instance, "no value is allowed here (the schema is `false`)")
            }
            if case .boolean(let value) = schema.body { return value }
            return true
        }
        guard depth < Self.maximumDepth else {
            if collect { report("$ref", nil, schema, instance, "schema recursion is too deep (more than \(Self.maximumDepth) levels)") }
            return false
        }
        depth += 1
        let entersResource = scope.last != schema.resource
        if entersResource { scope.append(schema.resource) }
        defer {
            depth -= 1
            if entersResource { scope.removeLast() }
        }
        var local: Annotations? = annotations != nil || schema.hasUnevaluated ? Annotations() : nil
        var valid = true
        for keyword in keywords {
            if !check(keyword, schema, instance, collect: collect, annotations: &local) {
                valid = false
                if !collect { break }
            }
        }
        if valid, annotations != nil, let local { annotations?.merge(local) }
        return valid
    }

    // MARK: Keywords

    private mutating func check(_ keyword: CompiledKeyword, _ schema: CompiledSchema, _ instance: JSONNode,
                                collect: Bool, annotations: inout Annotations?) -> Bool {
        switch keyword.check {
        case .type(let types, let names):
            if types.admits(instance.value) { return true }
            if collect {
                let expected = names.count == 1 ? "`\(names[0])`" : "one of " + names.map { "`\($0)`" }.joined(separator: ", ")
                report(keyword, schema, instance, "expected \(expected), found `\(foundType(instance.value))`")
            }
            return false
        case .constant(let expected):
            if instance.value.isSchemaEqual(to: expected) { return true }
            if collect { report(keyword, schema, instance, "value must be `\(expected.compactText())`") }
            return false
        case .enumeration(let allowed):
            if allowed.contains(where: { instance.value.isSchemaEqual(to: $0) }) { return true }
            if collect {
                let shown = allowed.prefix(8).map { "`\($0.compactText(limit: 30))`" }.joined(separator: ", ")
                report(keyword, schema, instance, "value is not one of \(shown)\(allowed.count > 8 ? ", …" : "")")
            }
            return false
        case .multipleOf(let divisor):
            guard case .number(let number) = instance.value, !isMultiple(number, of: divisor) else { return true }
            if collect { report(keyword, schema, instance, "\(number.literal) is not a multiple of \(divisor.literal)") }
            return false
        case .minimum(let limit, let exclusive):
            guard case .number(let number) = instance.value else { return true }
            let order = compare(number, limit)
            if order > 0 || (order == 0 && !exclusive) { return true }
            if collect {
                let text = exclusive ? "is not greater than `exclusiveMinimum`" : "is less than `minimum`"
                report(keyword, schema, instance, "\(number.literal) \(text) \(limit.literal)")
            }
            return false
        case .maximum(let limit, let exclusive):
            guard case .number(let number) = instance.value else { return true }
            let order = compare(number, limit)
            if order < 0 || (order == 0 && !exclusive) { return true }
            if collect {
                let text = exclusive ? "is not less than `exclusiveMaximum`" : "is greater than `maximum`"
                report(keyword, schema, instance, "\(number.literal) \(text) \(limit.literal)")
            }
            return false
        case .minLength(let limit):
            guard case .string(let string) = instance.value, string.utf8.count < limit || string.unicodeScalars.count < limit
            else { return true }
            let length = string.unicodeScalars.count
            if collect { report(keyword, schema, instance, "string has \(plural(length, "character")), fewer than `minLength` \(limit)") }
            return false
        case .maxLength(let limit):
            guard case .string(let string) = instance.value, string.utf8.count > limit, string.unicodeScalars.count > limit
            else { return true }
            let length = string.unicodeScalars.count
            if collect { report(keyword, schema, instance, "string has \(plural(length, "character")), more than `maxLength` \(limit)") }
            return false
        case .pattern(let regex):
            guard case .string(let string) = instance.value, !matches(regex, string, keyword, schema, instance) else { return true }
            if collect {
                report(keyword, schema, instance, "`\(shortened(string))` does not match the pattern `\(regex.pattern)`")
            }
            return false
        case .format(let name, let assert, let draft):
            guard assert, case .string(let string) = instance.value, FormatChecker.isValid(string, format: name, draft: draft) == false
            else { return true }
            if collect { report(keyword, schema, instance, "`\(shortened(string))` is not a valid `\(name)`") }
            return false
        case .minItems(let limit):
            guard case .array(let items) = instance.value, items.count < limit else { return true }
            if collect { report(keyword, schema, instance, "array has \(plural(items.count, "item")), fewer than `minItems` \(limit)") }
            return false
        case .maxItems(let limit):
            guard case .array(let items) = instance.value, items.count > limit else { return true }
            if collect { report(keyword, schema, instance, "array has \(plural(items.count, "item")), more than `maxItems` \(limit)") }
            return false
        case .uniqueItems:
            guard case .array(let items) = instance.value, let (first, second) = firstDuplicate(items) else { return true }
            if collect { report(keyword, schema, instance, "items \(first) and \(second) are equal, but `uniqueItems` is true") }
            return false
        case .minProperties(let limit):
            guard case .object(let members) = instance.value, members.count < limit else { return true }
            if collect {
                report(keyword, schema, instance, "object has \(plural(members.count, "property")), fewer than `minProperties` \(limit)")
            }
            return false
        case .maxProperties(let limit):
            guard case .object(let members) = instance.value, members.count > limit else { return true }
            if collect {
                report(keyword, schema, instance, "object has \(plural(members.count, "property")), more than `maxProperties` \(limit)")
            }
            return false
        case .required(let names):
            guard case .object = instance.value else { return true }
            var valid = true
            for name in names where instance[name] == nil {
                valid = false
                guard collect else { break }
                report(keyword, schema, instance, "missing required property `\(name)`")
            }
            return valid
        case .dependentRequired(let dependencies):
            return checkDependentRequired(dependencies, keyword, schema, instance, collect: collect)
        case .properties(let edges):
            guard case .object(let members) = instance.value else { return true }
            var valid = true
            for member in members {
                guard let edge = edges[member.key] else { continue }
                annotations?.properties.insert(member.key)
                if !apply(edge, to: member, collect: collect) {
                    valid = false
                    if !collect { return false }
                }
            }
            return valid
        case .patternProperties(let edges):
            guard case .object(let members) = instance.value else { return true }
            var valid = true
            for member in members {
                for edge in edges where matches(edge.regex, member.key, keyword, schema, instance) {
                    annotations?.properties.insert(member.key)
                    if !apply(edge.edge, to: member, collect: collect) {
                        valid = false
                        if !collect { return false }
                    }
                }
            }
            return valid
        case .additionalProperties(let edge, let known, let patterns):
            guard case .object(let members) = instance.value else { return true }
            var valid = true
            for member in members where !known.contains(member.key)
                && !patterns.contains(where: { matches($0, member.key, keyword, schema, instance) }) {
                annotations?.properties.insert(member.key)
                if !applyToProperty(edge, member, keyword, schema, collect: collect,
                                    falseMessage: "property `\(member.key)` is not allowed (`additionalProperties` is false)") {
                    valid = false
                    if !collect { return false }
                }
            }
            return valid
        case .unevaluatedProperties(let edge):
            guard case .object(let members) = instance.value else { return true }
            var valid = true
            for member in members where annotations?.isEvaluated(property: member.key) != true {
                if !applyToProperty(edge, member, keyword, schema, collect: collect,
                                    falseMessage: "property `\(member.key)` is not allowed (`unevaluatedProperties` is false)") {
                    valid = false
                    if !collect { return false }
                }
            }
            if valid { annotations?.allProperties = true }
            return valid
        case .propertyNames(let edge):
            guard case .object(let members) = instance.value else { return true }
            var valid = true
            for member in members {
                let name = JSONNode(value: .string(member.key), range: member.keyRange)
                var none: Annotations? = nil
                if evaluate(edge.schema, name, collect: false, annotations: &none) { continue }
                valid = false
                guard collect else { return false }
                instancePath.append(JSONPointer.escape(member.key))
                report(keyword, schema, name, "property name `\(member.key)` does not match `propertyNames`")
                instancePath.removeLast()
            }
            return valid
        case .dependentSchemas(let edges):
            return checkDependentSchemas(edges, instance, collect: collect, annotations: &annotations)
        case .dependencies(let required, let schemas):
            let requiredValid = checkDependentRequired(required, keyword, schema, instance, collect: collect)
            if !requiredValid && !collect { return false }
            return checkDependentSchemas(schemas, instance, collect: collect, annotations: &annotations) && requiredValid
        case .prefixItems(let edges):
            guard case .array(let items) = instance.value else { return true }
            var valid = true
            for (index, edge) in edges.enumerated() where index < items.count {
                if !apply(edge, to: items[index], index: index, collect: collect) {
                    valid = false
                    if !collect { return false }
                }
            }
            if let current = annotations?.itemPrefix { annotations?.itemPrefix = max(current, min(items.count, edges.count)) }
            return valid
        case .items(let edge, let start):
            guard case .array(let items) = instance.value else { return true }
            var valid = true
            var index = start
            while index < items.count {
                let allowed = start == 0 ? "no items" : "at most \(plural(start, "item"))"
                if !applyToItem(edge, items[index], index, keyword, schema, collect: collect,
                                falseMessage: "array has \(plural(items.count, "item")), but `\(keyword.name)` allows \(allowed)") {
                    valid = false
                    if !collect { return false }
                    if isFalse(edge) { break }
                }
                index += 1
            }
            annotations?.allItems = true
            return valid
        case .unevaluatedItems(let edge):
            guard case .array(let items) = instance.value else { return true }
            var valid = true
            for (index, item) in items.enumerated() where annotations?.isEvaluated(item: index) != true {
                if !applyToItem(edge, item, index, keyword, schema, collect: collect,
                                falseMessage: "item \(index) is not allowed (`unevaluatedItems` is false)") {
                    valid = false
                    if !collect { return false }
                }
            }
            if valid { annotations?.allItems = true }
            return valid
        case .contains(let edge, let minimum, let maximum, let annotates):
            return checkContains(edge, minimum: minimum, maximum: maximum, annotates: annotates, keyword, schema, instance,
                                 collect: collect, annotations: &annotations)
        case .allOf(let edges):
            var valid = true
            for edge in edges where !applyInPlace(edge, instance, collect: collect, annotations: &annotations) {
                valid = false
                if !collect { return false }
            }
            return valid
        case .anyOf(let edges):
            var matched = false
            for edge in edges where applyInPlace(edge, instance, collect: false, annotations: &annotations) {
                matched = true
                if annotations == nil { break }  // later branches only matter for annotations
            }
            if !matched, collect { reportBestBranch(edges, keyword, schema, instance, "value does not match any schema in `anyOf`") }
            return matched
        case .oneOf(let edges):
            var matches: [Int] = []
            var collected: Annotations? = annotations.map { _ in Annotations() }
            for (index, edge) in edges.enumerated() {
                var branch: Annotations? = annotations.map { _ in Annotations() }
                if applyInPlace(edge, instance, collect: false, annotations: &branch) {
                    matches.append(index)
                    if let branch { collected?.merge(branch) }
                    if matches.count > 1 && !collect { return false }
                }
            }
            if matches.count == 1 {
                if let collected { annotations?.merge(collected) }
                return true
            }
            if collect, matches.isEmpty {
                reportBestBranch(edges, keyword, schema, instance, "value does not match any schema in `oneOf`")
            } else if collect {
                let message = "value matches schemas \(matches.map(String.init).joined(separator: ", ")) in `oneOf`, but must match exactly one"
                report(keyword, schema, instance, message)
            }
            return false
        case .not(let edge):
            var none: Annotations? = nil
            guard applyInPlace(edge, instance, collect: false, annotations: &none) else { return true }
            if collect { report(keyword, schema, instance, "value must not match the schema in `not`") }
            return false
        case .conditional(let ifEdge, let thenEdge, let elseEdge):
            if applyInPlace(ifEdge, instance, collect: false, annotations: &annotations) {
                return thenEdge.map { applyInPlace($0, instance, collect: collect, annotations: &annotations) } ?? true
            }
            return elseEdge.map { applyInPlace($0, instance, collect: collect, annotations: &annotations) } ?? true
        case .ref(let edge):
            return applyInPlace(edge, instance, collect: collect, annotations: &annotations)
        case .dynamicRef(let edge, let anchor):
            var target = edge
            if let anchor, let outermost = firstInScope({ $0.dynamicAnchors[anchor] }) { target.schema = outermost }
            return applyInPlace(target, instance, collect: collect, annotations: &annotations)
        case .recursiveRef(let edge):
            var target = edge
            let targetResource = program.schemas[edge.schema].resource
            if program.resources[targetResource].recursiveAnchorRoot != nil,
               let outermost = firstInScope({ $0.recursiveAnchorRoot }) {
                target.schema = outermost
            }
            return applyInPlace(target, instance, collect: collect, annotations: &annotations)
        case .content(let encoding, let mediaType):
            guard case .string(let string) = instance.value, let problem = ContentChecker.problem(string, encoding: encoding, mediaType: mediaType)
            else { return true }
            if collect { report(keyword, schema, instance, problem) }
            return false
        case .unresolved(let reference):
            if collect { report(keyword, schema, instance, "cannot resolve `\(reference)`") }
            return false
        }
    }

    /// The outermost resource in the dynamic scope for which `lookup` finds a schema.
    private func firstInScope(_ lookup: (CompiledResource) -> Int?) -> Int? {
        for resource in scope { if let schema = lookup(program.resources[resource]) { return schema } }
        return nil
    }

    // MARK: Shared keyword logic

    private mutating func checkDependentRequired(_ dependencies: [(property: String, requires: [String])],
                                                 _ keyword: CompiledKeyword, _ schema: CompiledSchema, _ instance: JSONNode,
                                                 collect: Bool) -> Bool {
        guard case .object = instance.value else { return true }
        var valid = true
        for dependency in dependencies where instance[dependency.property] != nil {
            for name in dependency.requires where instance[name] == nil {
                valid = false
                guard collect else { return false }
                report(keyword, schema, instance, "property `\(dependency.property)` requires property `\(name)`")
            }
        }
        return valid
    }

    private mutating func checkDependentSchemas(_ edges: [PropertyEdge], _ instance: JSONNode, collect: Bool,
                                               annotations: inout Annotations?) -> Bool {
        guard case .object = instance.value else { return true }
        var valid = true
        for edge in edges where instance[edge.name] != nil {
            if !applyInPlace(edge.edge, instance, collect: collect, annotations: &annotations) {
                valid = false
                if !collect { return false }
            }
        }
        return valid
    }

    private mutating func checkContains(_ edge: SubschemaEdge, minimum: Int, maximum: Int?, annotates: Bool,
                                        _ keyword: CompiledKeyword, _ schema: CompiledSchema, _ instance: JSONNode,
                                        collect: Bool, annotations: inout Annotations?) -> Bool {
        guard case .array(let items) = instance.value else { return true }
        let recordMatches = annotates && annotations != nil
        var matches = 0
        for (index, item) in items.enumerated() {
            var none: Annotations? = nil
            instancePath.append(String(index))
            schemaPath.append(edge.path)
            let matched = evaluate(edge.schema, item, collect: false, annotations: &none)
            schemaPath.removeLast()
            instancePath.removeLast()
            guard matched else { continue }
            matches += 1
            if recordMatches { annotations?.items.insert(index) }
            // Enough is known once the minimum is met and no maximum or annotation needs the full count.
            if matches >= minimum && maximum == nil && !recordMatches { break }
        }
        if matches < minimum {
            if collect {
                let message = minimum == 1 && keyword.name == "contains"
                    ? "array has no item matching `contains`"
                    : "array has \(plural(matches, "item")) matching `contains`, fewer than `minContains` \(minimum)"
                report(keyword, schema, instance, message)
            }
            return false
        }
        if let maximum, matches > maximum {
            if collect {
                report(keyword, schema, instance, "array has \(plural(matches, "item")) matching `contains`, more than `maxContains` \(maximum)")
            }
            return false
        }
        return true
    }

    // MARK: Applying subschemas

    /// A subschema at the same instance location (allOf, $ref, then, …): annotations flow through.
    private mutating func applyInPlace(_ edge: SubschemaEdge, _ instance: JSONNode, collect: Bool,
                                       annotations: inout Annotations?) -> Bool {
        schemaPath.append(edge.path)
        defer { schemaPath.removeLast() }
        return evaluate(edge.schema, instance, collect: collect, annotations: &annotations)
    }

    private mutating func apply(_ edge: SubschemaEdge, to member: JSONMember, collect: Bool) -> Bool {
        instancePath.append(JSONPointer.escape(member.key))
        schemaPath.append(edge.path)
        defer { instancePath.removeLast(); schemaPath.removeLast() }
        var none: Annotations? = nil
        return evaluate(edge.schema, member.value, collect: collect, annotations: &none)
    }

    private mutating func apply(_ edge: SubschemaEdge, to item: JSONNode, index: Int, collect: Bool) -> Bool {
        instancePath.append(String(index))
        schemaPath.append(edge.path)
        defer { instancePath.removeLast(); schemaPath.removeLast() }
        var none: Annotations? = nil
        return evaluate(edge.schema, item, collect: collect, annotations: &none)
    }

    private func isFalse(_ edge: SubschemaEdge) -> Bool {
        if case .boolean(false) = program.schemas[edge.schema].body { return true }
        return false
    }

    /// Applies a property subschema; a `false` subschema becomes one clear error on the parent keyword.
    private mutating func applyToProperty(_ edge: SubschemaEdge, _ member: JSONMember, _ keyword: CompiledKeyword,
                                          _ schema: CompiledSchema, collect: Bool, falseMessage: String) -> Bool {
        guard isFalse(edge) else { return apply(edge, to: member, collect: collect) }
        if collect {
            instancePath.append(JSONPointer.escape(member.key))
            let range = member.keyRange.lowerBound..<member.value.range.upperBound
            report(keyword, schema, JSONNode(value: member.value.value, range: range), falseMessage)
            instancePath.removeLast()
        }
        return false
    }

    private mutating func applyToItem(_ edge: SubschemaEdge, _ item: JSONNode, _ index: Int, _ keyword: CompiledKeyword,
                                      _ schema: CompiledSchema, collect: Bool, falseMessage: String) -> Bool {
        guard isFalse(edge) else { return apply(edge, to: item, index: index, collect: collect) }
        if collect {
            instancePath.append(String(index))
            report(keyword, schema, item, falseMessage)
            instancePath.removeLast()
        }
        return false
    }

    // MARK: Errors

    /// When no branch of `anyOf`/`oneOf` matches, the errors of the branch that fits the value's type and came
    /// closest say more than "no match" (e.g. the enum a string missed); without one, the summary is reported.
    private mutating func reportBestBranch(_ edges: [SubschemaEdge], _ keyword: CompiledKeyword, _ schema: CompiledSchema,
                                           _ instance: JSONNode, _ summary: String) {
        let here = instancePath.isEmpty ? "" : "/" + instancePath.joined(separator: "/")
        var candidates: [[SchemaValidationError]] = []
        for edge in edges {
            let mark = errors.count
            var none: Annotations? = nil
            _ = applyInPlace(edge, instance, collect: true, annotations: &none)
            let branch = Array(errors[mark...])
            errors.removeSubrange(mark...)
            let wrongType = branch.contains { ($0.keyword == "type" || $0.keyword == "false") && $0.instancePointer == here }
            if !wrongType && !branch.isEmpty { candidates.append(branch) }
        }
        // The branch that came closest: its errors lie deepest in the value (it matched the most structure), then
        // it has the fewest. A tie leaves no branch to prefer, and the summary is all that can honestly be said.
        func closeness(_ branch: [SchemaValidationError]) -> (depth: Int, count: Int) {
            (branch.map { $0.instancePointer.utf8.count { $0 == UInt8(ascii: "/") } }.max() ?? 0, branch.count)
        }
        let ranked = candidates.map { (errors: $0, score: closeness($0)) }.sorted {
            $0.score.depth != $1.score.depth ? $0.score.depth > $1.score.depth : $0.score.count < $1.score.count
        }
        if let best = ranked.first, ranked.count == 1 || ranked[1].score != best.score {
            errors += best.errors
        } else {
            report(keyword, schema, instance, summary)
        }
    }

    /// A pattern's answer; when backtracking ran out of budget there is none, and evaluation stops undecided.
    private mutating func matches(_ regex: ECMARegex, _ text: String, _ keyword: CompiledKeyword, _ schema: CompiledSchema,
                                  _ instance: JSONNode) -> Bool {
        if let answer = regex.matches(text) { return answer }
        undecide(schema, instance, keyword.name, "the pattern `\(regex.pattern)` is too expensive to evaluate on `\(shortened(text))` (more than \(ECMARegex.stepBudget) backtracking steps), so the file was not validated; simplify the pattern (its backreferences or lookarounds backtrack without bound)", range: keyword.range)
        return true
    }

    private mutating func undecide(_ schema: CompiledSchema, _ instance: JSONNode, _ keyword: String, _ message: String,
                                   range: Range<Int>? = nil) {
        guard undecided == nil else { return }
        let mark = errors.count
        report(keyword, range, schema, instance, message)
        undecided = errors[mark]
        undecided?.isUndecided = true
        errors.removeSubrange(mark...)
    }

    private mutating func report(_ keyword: CompiledKeyword, _ schema: CompiledSchema, _ instance: JSONNode, _ message: String) {
        report(keyword.name, keyword.range, schema, instance, message)
    }

    private mutating func report(_ keyword: String, _ range: Range<Int>?, _ schema: CompiledSchema, _ instance: JSONNode,
                                 _ message: String) {
        let keywordToken = keyword == "false" ? "" : "/" + JSONPointer.escape(keyword)
        errors.append(SchemaValidationError(
            instancePointer: instancePath.isEmpty ? "" : "/" + instancePath.joined(separator: "/"),
            instanceRange: instance.range,
            keyword: keyword,
            schemaPointer: schemaPath.joined() + keywordToken,
            absoluteSchemaLocation: schema.absoluteLocation + keywordToken,
            schemaDocument: schema.document,
            schemaRange: range,
            message: message))
    }

    // MARK: Numbers and values

    private func compare(_ number: JSONNumber, _ limit: JSONNumber) -> Int {
        if number.double < limit.double { return -1 }
        if number.double > limit.double { return 1 }
        if number.literal == limit.literal { return 0 }
        let exact = number.exact
        let exactLimit = limit.exact
        return exact < exactLimit ? -1 : (exact == exactLimit ? 0 : 1)
    }

    private func isMultiple(_ number: JSONNumber, of divisor: JSONNumber) -> Bool {
        // Fast path: both integers well inside Int range.
        if number.isInteger, divisor.isInteger, number.double.magnitude < 1e15, divisor.double.magnitude < 1e15,
           divisor.double != 0 {
            return Int(number.double) % Int(divisor.double) == 0
        }
        return number.isMultiple(of: divisor)
    }

    private func firstDuplicate(_ items: [JSONNode]) -> (Int, Int)? {
        for second in items.indices {
            for first in 0..<second where items[first].value.isSchemaEqual(to: items[second].value) { return (first, second) }
        }
        return nil
    }

    private func foundType(_ value: JSONValue) -> String {
        if case .number = value { return "number" }
        return value.typeName
    }
}

private func plural(_ count: Int, _ noun: String) -> String {
    if count == 1 { return "1 \(noun)" }
    return noun.hasSuffix("y") ? "\(count) \(noun.dropLast())ies" : "\(count) \(noun)s"
}

/// Long instance strings are cut in messages.
private func shortened(_ text: String) -> String {
    text.count > 60 ? String(text.prefix(60)) + "…" : text
}
