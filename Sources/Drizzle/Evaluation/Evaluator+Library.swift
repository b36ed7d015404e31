import Catalog
import Foundation

/// Calls of drizzle-orm functions and `Object.*`.
extension Evaluator {
    func callLibrary(_ function: LibraryFunction, _ site: CallSite) -> Value {
        switch function {
        case .pgTable: return makeTable(site, schema: nil, nameTransform: nil)
        case .pgTableCreator:
            guard case .function(let closure) = site.argument(0) else {
                report(.unevaluable, "pgTableCreator needs a function the reader can evaluate", at: site.location(of: 0))
                return .unknown("pgTableCreator with an unknown function")
            }
            return .tableCreator(closure)
        case .pgSchema:
            guard let name = site.string(0) else {
                report(.unevaluable, "cannot evaluate the schema name", at: site.location(of: 0))
                return .unknown("a schema with an unknown name")
            }
            return .pgSchema(name)
        case .pgEnum: return makeEnum(site, schema: nil)
        case .pgSequence: return makeSequence(site, schema: nil)
        case .customType:
            guard case .function = site.object(0)?["dataType"] else {
                // Reported once here; every column of the type is then kept with an unreadable type.
                report(.unevaluable, "customType without a dataType the reader can evaluate", at: site.location)
                return .library(.customColumn(dataType: .unknown("a custom type")))
            }
            return .library(.customColumn(dataType: site.object(0)?["dataType"] ?? .undefined))
        case .customColumn(let dataType):
            // `customType(...)(name?, config?)`: the config is the last object argument.
            let config = site.object(0) ?? site.object(1)
            let name = nonEmpty(site.string(0))
            guard case .function(let closure) = dataType else {
                return .column(ColumnBuilder.unreadable(at: site.location, name: name, builder: "customType",
                                                       options: config))
            }
            let type = invoke(closure, [config.map(Value.object) ?? .undefined])
            guard let sqlType = type.stringValue else {
                let reason = if case .unknown(let why) = type { ": \(why)" } else { "" }
                report(.unevaluable, "cannot evaluate this custom type's dataType()\(reason)", at: site.location)
                return .column(ColumnBuilder.unreadable(at: site.location, name: name, builder: "customType",
                                                       options: config))
            }
            return .column(ColumnBuilder(builder: "customType", explicitName: name, baseType: sqlType,
                                         notNull: false, options: config, location: site.location))
        case .columnBuilder(let builder): return makeColumn(builder, site)
        case .index, .uniqueIndex:
            let unique = if case .uniqueIndex = function { true } else { false }
            return .constraint(.pendingIndex(unique: unique, name: site.string(0), location: site.location))
        case .unique:
            return .constraint(.pendingUnique(name: site.string(0), location: site.location))
        case .primaryKey:
            if let config = site.object(0), config["columns"] != nil {
                return .constraint(.primaryKey(PrimaryKeySpec(name: config["name"]?.stringValue,
                                                              columns: columnList(config["columns"], site),
                                                              location: site.location)))
            }
            return .constraint(.primaryKey(PrimaryKeySpec(name: nil, columns: columnList(.array(site.arguments), site),
                                                          location: site.location)))
        case .foreignKey:
            guard let config = site.object(0) else { return .unknown("a foreign key without a config object") }
            return .constraint(.foreignKey(ForeignKeySpec(name: config["name"]?.stringValue,
                                                          columns: columnList(config["columns"], site),
                                                          foreignColumns: columnList(config["foreignColumns"], site),
                                                          location: site.location)))
        case .check:
            guard let name = site.string(0), case .sql(let fragment) = site.argument(1) else {
                report(.unevaluable, "cannot evaluate this check constraint", at: site.location)
                return .unknown("a check constraint")
            }
            return .constraint(.check(name: name, value: fragment, location: site.location))
        case .pgPolicy: return makePolicy(site)
        case .pgRole: return makeRole(site)
        case .crudPolicy: return makeCrudPolicy(site)
        case .neonAuthUid:
            guard let column = sqlChunk(site.argument(0)) else { return .unknown("authUid of a value the reader cannot evaluate") }
            return .sql(SQLFragment([.text("(select auth.user_id() = "), column, .text(")")]))
        case .sql: return .unknown("sql called as a function")
        case .sqlRaw:
            guard let text = site.string(0) else { return .unknown("sql.raw of a run-time string") }
            return .sql(SQLFragment(text: text))
        case .sqlIdentifier:
            guard let name = site.string(0) else { return .unknown("sql.identifier of a run-time string") }
            return .sql(SQLFragment([.name(name)]))
        case .sqlJoin:
            // `sql.join(parts, separator?)`: the parts with the separator between them, as drizzle builds it.
            guard case .array(let parts) = site.argument(0) else { return .unknown("sql.join of a run-time list") }
            var separator: SQLFragment.Chunk?
            if !site.argument(1).isNullish {
                guard let chunk = sqlChunk(site.argument(1)) else { return .unknown("sql.join with an unknown separator") }
                separator = chunk
            }
            var chunks: [SQLFragment.Chunk] = []
            for (index, part) in parts.enumerated() {
                guard let chunk = sqlChunk(part) else { return .unknown("sql.join of a value the reader cannot evaluate") }
                if index > 0, let separator { chunks.append(separator) }
                chunks.append(chunk)
            }
            return .sql(SQLFragment(chunks))
        case .sqlOperator(let name): return sqlOperator(name, site)
        case .relations: return makeRelations(site)
        case .relationHelper(let kind): return makeRelationSpec(kind, site)
        case .objectNamespace: return .unknown("Object called as a function")
        case .objectFunction(let name): return objectFunction(name, site)
        case .conversion(let name):
            if name == "parseInt", site.arguments.count > 1, !site.argument(1).isTen { return .unknown("parseInt with a radix") }
            return Self.convert(site.argument(0), to: name)
        case .mathNamespace: return .unknown("Math called as a function")
        case .math(let name): return Self.math(name, site.arguments)
        case .zod: return .unknown("zod called as a function")
        case .zodFunction(let name): return .unknown("zod's `\(name)`")
        case .zodEnum:
            // `z.enum(["a", "b"])`: what a schema reads from it is `.options` (the list) and `.enum` (a → a).
            guard case .array(let values) = site.argument(0), values.allSatisfy({ $0.stringValue != nil }) else {
                return .unknown("z.enum of values known only at run time")
            }
            var members = ObjectValue(), schema = ObjectValue()
            for value in values { members.set(value.stringValue ?? "", value, location: site.location) }
            schema.set("options", .array(values), location: site.location)
            schema.set("enum", .object(members), location: site.location)
            return .object(schema)
        case .namespace: return .unknown("a module namespace called as a function")
        case .other(let name): return .unknown("drizzle's `\(name)`")
        }
    }

    private func nonEmpty(_ text: String?) -> String? { text?.isEmpty == false ? text : nil }

    private func makeColumn(_ builder: String, _ site: CallSite) -> Value {
        let name = nonEmpty(site.string(0))
        let config = site.object(0) ?? site.object(1)
        let isNameUnknown = site.argument(0).isUnknown
        guard !isNameUnknown, let type = ColumnTypes.sqlType(builder: builder, config: config) else {
            let what = isNameUnknown ? "the name" : "the options"
            let reason = Self.unknownOption(isNameUnknown ? site.argument(0) : site.argument(name == nil ? 0 : 1))
            report(.unevaluable, "cannot evaluate \(what) of this \(builder) column\(reason.map { ": \($0)" } ?? "")",
                   at: site.location)
            var placeholder = ColumnBuilder.unreadable(at: site.location, name: name, builder: builder, options: config)
            // Only the type (or name) is unknown: chained calls (`.notNull()`, `.default(...)`) still read.
            placeholder.unreadable = isNameUnknown ? [.name, .type] : [.type]
            placeholder.notNull = ColumnTypes.isImplicitlyNotNull(builder: builder, config: config)
            return .column(placeholder)
        }
        var column = ColumnBuilder(builder: builder, explicitName: name, baseType: type,
                                   notNull: ColumnTypes.isImplicitlyNotNull(builder: builder, config: config),
                                   options: config, location: site.location)
        column.call = callLayout(site)
        column.chainEnd = site.location.range.upperBound
        return .column(column)
    }

    func makeEnum(_ site: CallSite, schema: String?) -> Value {
        guard let name = site.string(0) else {
            report(.unevaluable, "cannot evaluate the enum's name", at: site.location(of: 0))
            unreadableElements.insert(.enum)
            return .unknown("an enum with an unknown name")
        }
        var values: [String] = []
        var isComplete = true
        switch site.argument(1) {
        case .array(let elements):
            values = elements.compactMap(\.stringValue)
            if values.count != elements.count {
                report(.unevaluable, "cannot evaluate every value of enum \(name)", at: site.location(of: 1))
                isComplete = false
            }
        case .object(let object):
            // `pgEnum(name, SomeEnumObject)` takes `Object.values(...)`.
            values = object.properties.compactMap { $0.value.stringValue }
            if values.count != object.properties.count || !object.isComplete {
                report(.unevaluable, "cannot evaluate every value of enum \(name)", at: site.location(of: 1))
                isComplete = false
            }
        case .unknown(let reason):
            report(.unevaluable, "cannot evaluate the values of enum \(name): \(reason)", at: site.location(of: 1))
            isComplete = false
        default:
            report(.unevaluable, "cannot evaluate the values of enum \(name)", at: site.location(of: 1))
            isComplete = false
        }
        return .pgEnum(EnumReference(name: name, schema: schema, values: values, location: site.location,
                                     areValuesUnreadable: !isComplete))
    }

    /// `pgSequence(name, { increment, minValue, … })` with drizzle-kit's defaults for what is not given.
    func makeSequence(_ site: CallSite, schema: String?) -> Value {
        guard let name = site.string(0) else {
            report(.unevaluable, "cannot evaluate the sequence's name", at: site.location(of: 0))
            return .unknown("a sequence with an unknown name")
        }
        let options = SequenceDefaults.options(site.object(1), minimumByType: "-9223372036854775808",
                                               maximumByType: "9223372036854775807")
        return .sequence(Sequence(name: name, schema: schema ?? "public", options: options, location: site.location))
    }

    /// `[t.a, t.b]` as column references; other elements are reported.
    func columnList(_ value: Value?, _ site: CallSite) -> [TableColumnReference] {
        guard case .array(let elements)? = value else {
            report(.unevaluable, "cannot evaluate this list of columns", at: site.location)
            return []
        }
        var references: [TableColumnReference] = []
        for element in elements {
            if case .tableColumn(let reference) = element { references.append(reference) } else {
                report(.unevaluable, "cannot tell which column this is", at: site.location)
            }
        }
        return references
    }

    /// `Math.max(...)`, `Math.floor(x)`, … of numbers.
    static func math(_ name: String, _ arguments: [Value]) -> Value {
        var numbers: [Double] = []
        for argument in arguments {
            guard case .number(let number) = argument else { return .unknown("Math.\(name) of a run-time value") }
            numbers.append(number)
        }
        switch (name, numbers.count) {
        case ("max", _): return .number(numbers.max() ?? -.infinity)
        case ("min", _): return .number(numbers.min() ?? .infinity)
        case ("floor", 1): return .number(numbers[0].rounded(.down))
        case ("ceil", 1): return .number(numbers[0].rounded(.up))
        case ("round", 1): return .number((numbers[0] + 0.5).rounded(.down))
        case ("trunc", 1): return .number(numbers[0].rounded(.towardZero))
        case ("abs", 1): return .number(abs(numbers[0]))
        case ("pow", 2): return .number(pow(numbers[0], numbers[1]))
        default: return .unknown("Math.\(name)")
        }
    }

    /// `String(x)`, `Number(x)`, `BigInt(x)` of primitives; BigInts keep every digit.
    static func convert(_ value: Value, to name: String) -> Value {
        switch (name, value) {
        case ("String", _): return value.javaScriptString.map(Value.string) ?? .unknown("String() of a run-time value")
        case ("Number", .number): return value
        case ("Number", .bigint(let digits)): return Double(digits).map(Value.number) ?? .unknown("Number()")
        case ("Number", .string(let text)):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return .number(trimmed.isEmpty ? 0 : Double(trimmed) ?? .nan)
        case ("Number", .bool(let flag)): return .number(flag ? 1 : 0)
        case ("parseInt", .number(let number)): return .number(number.rounded(.towardZero))
        case ("parseInt", .string(let text)):
            // Leading decimal digits, as `parseInt(text, 10)` reads them.
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let sign = trimmed.hasPrefix("-") ? -1.0 : 1.0
            let digits = trimmed.drop { $0 == "-" || $0 == "+" }.prefix { $0.isASCII && $0.isNumber }
            return .number(digits.isEmpty ? .nan : sign * (Double(digits) ?? .nan))
        case ("parseFloat", .number): return value
        case ("parseFloat", .string(let text)): return .number(Double(text.trimmingCharacters(in: .whitespaces)) ?? .nan)
        case ("BigInt", .bigint): return value
        case ("BigInt", .number(let number)) where number == number.rounded() && abs(number) <= 9_007_199_254_740_992:
            return .bigint(JavaScriptText.number(number))
        case ("BigInt", .string(let text)):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let negative = trimmed.hasPrefix("-")
            guard let digits = JavaScriptText.integerDigits(negative ? String(trimmed.dropFirst()) : trimmed),
                  !trimmed.contains("_") else { return .unknown("BigInt() of a string that is not an integer") }
            return .bigint(negative && digits != "0" ? "-" + digits : digits)
        default: return .unknown("\(name)() of a run-time value")
        }
    }

    private func objectFunction(_ name: String, _ site: CallSite) -> Value {
        switch (name, site.argument(0)) {
        case ("fromEntries", .array(let entries)):
            var object = ObjectValue()
            for entry in entries {
                guard case .array(let pair) = entry, let key = pair.first?.javaScriptString else {
                    return .unknown("Object.fromEntries of entries known only at run time")
                }
                object.set(key, pair.count > 1 ? pair[1] : .undefined, location: site.location)
            }
            return .object(object)
        case ("assign", .object):
            // `Object.assign({}, a, b)` as the reader sees it: the spread `{ ...a, ...b }`.
            var object = ObjectValue()
            for argument in site.arguments {
                switch argument {
                case .object(let other):
                    for property in other.properties { object.set(property.key, property.value, location: property.location) }
                    object.unknownSpreads += other.unknownSpreads
                case .undefined, .null: continue
                default: object.unknownSpreads.append(("Object.assign of a value known only at run time", site.location))
                }
            }
            return .object(object)
        case ("values", .array(let elements)): return .array(elements)
        case (_, .object(let object)) where object.isComplete:
            switch name {
            case "values": return .array(object.properties.map(\.value))
            case "keys": return .array(object.properties.map { .string($0.key) })
            case "entries": return .array(object.properties.map { .array([.string($0.key), $0.value]) })
            default: return .unknown("Object.\(name)")
            }
        default: return .unknown("Object.\(name) of a value known only at run time")
        }
    }

    /// drizzle's condition helpers, building the same SQL they do.
    private func sqlOperator(_ name: String, _ site: CallSite) -> Value {
        func chunk(_ index: Int) -> SQLFragment.Chunk? { sqlChunk(site.argument(index)) }
        let binary = ["eq": " = ", "ne": " <> ", "gt": " > ", "gte": " >= ", "lt": " < ", "lte": " <= ",
                      "like": " like ", "ilike": " ilike ", "notLike": " not like ", "notIlike": " not ilike "]
        switch name {
        case _ where binary[name] != nil:
            guard let left = chunk(0), let right = chunk(1), let symbol = binary[name] else { break }
            return .sql(SQLFragment([left, .text(symbol), right]))
        case "isNull", "isNotNull":
            guard let operand = chunk(0) else { break }
            return .sql(SQLFragment([operand, .text(name == "isNull" ? " is null" : " is not null")]))
        case "not":
            guard let operand = chunk(0) else { break }
            return .sql(SQLFragment([.text("not "), operand]))
        case "and", "or":
            let conditions = site.arguments.filter { if case .undefined = $0 { false } else { true } }
            var chunks: [SQLFragment.Chunk] = []
            for (index, condition) in conditions.enumerated() {
                guard let part = sqlChunk(condition) else { return .unknown("a condition the reader cannot evaluate") }
                if index > 0 { chunks.append(.text(" \(name) ")) }
                chunks.append(part)
            }
            if conditions.isEmpty { return .undefined }
            return .sql(SQLFragment(conditions.count == 1 ? chunks : [.text("(")] + chunks + [.text(")")]))
        case "inArray", "notInArray":
            guard let column = chunk(0), case .array(let values) = site.argument(1) else { break }
            if values.isEmpty { return .sql(SQLFragment(text: name == "inArray" ? "false" : "true")) }
            guard let list = sqlChunk(.array(values)) else { break }
            return .sql(SQLFragment([column, .text(name == "inArray" ? " in " : " not in "), list]))
        default: break
        }
        return .unknown("a condition the reader cannot evaluate")
    }
}
