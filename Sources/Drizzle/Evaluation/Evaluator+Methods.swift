import Catalog
import Foundation

/// Method calls on builder values: the chains of columns, index columns and constraints.
extension Evaluator {
    func callMethod(_ receiver: Value, _ name: String, _ site: CallSite) -> Value {
        switch receiver {
        case .column(let builder): return columnMethod(builder, name, site)
        case .tableColumn(var reference):
            switch name {
            case "asc", "desc": reference.order = name
            case "nullsFirst": reference.nulls = "first"
            case "nullsLast": reference.nulls = "last"
            case "op": reference.opclass = site.string(0)
            default: return .unknown("`.\(name)()` on a column reference")
            }
            return .tableColumn(reference)
        case .constraint(let constraint): return constraintMethod(constraint, name, site)
        case .table(let index):
            if name == "enableRLS", tables.indices.contains(index) { tables[index].isRLSEnabled = true }
            return receiver
        case .role:
            // `.existing()` tells drizzle-kit not to create the role; the name is what policies use.
            return name == "existing" ? receiver : .unknown("`.\(name)()` on a role")
        case .pgSchema(let schema):
            switch name {
            case "table": return makeTable(site, schema: schema, nameTransform: nil)
            case "enum": return makeEnum(site, schema: schema)
            case "sequence": return makeSequence(site, schema: schema)
            default: return .unknown("`\(schema).\(name)()`")
            }
        case .library(.pgTable) where name == "withRLS":
            let table = makeTable(site, schema: nil, nameTransform: nil)
            if case .table(let index) = table { tables[index].isRLSEnabled = true }
            return table
        case .array(let elements):
            switch name {
            case "map":
                guard case .function(let closure) = site.argument(0) else { break }
                return .array(elements.enumerated().map { invoke(closure, [$1, .number(Double($0))]) })
            case "concat":
                return .array(site.arguments.reduce(elements) { result, argument in
                    if case .array(let more) = argument { return result + more }
                    return result + [argument]
                })
            case "join":
                // `Array.prototype.join`: null and undefined print as empty.
                let separator = site.arguments.isEmpty ? "," : site.string(0)
                let parts = elements.map { $0.isNullish ? "" : $0.javaScriptString }
                guard let separator, !parts.contains(nil) else { break }
                return .string(parts.compactMap { $0 }.joined(separator: separator))
            default: break
            }
            return .unknown("`.\(name)()` on an array")
        case .string(let text):
            switch name {
            case "toLowerCase": return .string(text.lowercased())
            case "toUpperCase": return .string(text.uppercased())
            case "toString", "valueOf": return receiver
            case "trim": return .string(text.trimmingCharacters(in: .whitespacesAndNewlines))
            case "concat":
                let parts = site.arguments.map(\.javaScriptString)
                guard !parts.contains(nil) else { break }
                return .string(text + parts.compactMap { $0 }.joined())
            case "replace", "replaceAll":
                // String patterns only (a RegExp is not modelled): `replace` swaps the first occurrence.
                guard let pattern = site.string(0), let replacement = site.string(1), !replacement.contains("$") else { break }
                if name == "replaceAll" { return .string(text.replacingOccurrences(of: pattern, with: replacement)) }
                guard let range = text.range(of: pattern) else { return receiver }
                return .string(text.replacingCharacters(in: range, with: replacement))
            default: break
            }
            return .unknown("`.\(name)()` on a string")
        case .number, .bigint, .bool:
            // `DIMENSIONS.toString()`; a radix other than 10 is not modelled.
            guard name == "toString", site.arguments.isEmpty || site.argument(0).isTen,
                  let text = receiver.javaScriptString else { return .unknown("`.\(name)()` on a primitive") }
            return .string(text)
        case .sql where name == "as" || name == "mapWith":
            // Aliases and result mappers do not change the SQL drizzle-kit writes.
            return receiver
        case .unknown: return receiver
        default:
            return .unknown("`.\(name)()`")
        }
    }

    private func columnMethod(_ original: ColumnBuilder, _ name: String, _ site: CallSite) -> Value {
        var builder = original
        switch name {
        case "notNull": builder.notNull = true
        case "primaryKey":
            builder.primaryKey = true
            builder.notNull = true
        case "default":
            let value = site.argument(0)
            builder.unreadable.remove(.default)
            if case .sql(let fragment) = value {
                builder.defaultValue = .sql(fragment, site.location(of: 0))
            } else {
                if case .unknown(let reason) = value {
                    report(.unevaluable, "cannot evaluate this default: \(reason)", at: site.location(of: 0))
                    builder.unreadable.insert(.default)
                }
                builder.defaultValue = .value(value, site.location(of: 0))
            }
        case "defaultNow": builder.defaultValue = .sql(SQLFragment(text: "now()"), site.location)
        case "defaultRandom": builder.defaultValue = .sql(SQLFragment(text: "gen_random_uuid()"), site.location)
        case "$defaultFn", "$default": builder.hasRuntimeDefault = true
        case "$onUpdate", "$onUpdateFn": builder.hasOnUpdate = true
        case "unique":
            let nulls = site.object(1)?["nulls"]?.stringValue
            builder.unique = ColumnUnique(name: site.string(0), nullsNotDistinct: nulls == "not distinct",
                                          location: site.location)
        case "references":
            let actions = site.object(1)
            builder.references.append(ColumnReferenceSpec(target: site.argument(0),
                                                          onDelete: actions?["onDelete"]?.stringValue,
                                                          onUpdate: actions?["onUpdate"]?.stringValue,
                                                          location: site.location))
        case "array":
            // drizzle-orm wraps the builder in a new array builder with a fresh config: what was chained before
            // `.array()` (notNull, default, references, …) does not reach the column.
            builder = ColumnBuilder(builder: builder.builder, explicitName: builder.explicitName,
                                    baseType: builder.baseType, enumReference: builder.enumReference,
                                    arraySizes: builder.arraySizes, notNull: false, options: builder.options,
                                    location: builder.location, call: builder.call,
                                    unreadable: builder.unreadable.intersection([.name, .type]))
            if case .number(let size) = site.argument(0), size == size.rounded(), abs(size) < 1e15 {
                builder.arraySizes.append(Int(size))
            } else {
                builder.arraySizes.append(nil)
            }
        case "generatedAlwaysAs":
            let value = site.argument(0)
            switch value {
            case .sql(let fragment): builder.generated = .sql(fragment, site.location(of: 0))
            case .function(let closure): builder.generated = .deferred(closure, site.location(of: 0))
            default: builder.generated = .value(value, site.location(of: 0))
            }
        case "generatedAlwaysAsIdentity", "generatedByDefaultAsIdentity":
            let options = site.argument(0)
            builder.identity = IdentitySpec(type: name == "generatedAlwaysAsIdentity" ? "always" : "byDefault",
                                            options: options.objectValue)
            builder.notNull = true
            if let reason = Self.unknownOption(options) {
                report(.unevaluable, "cannot evaluate the identity's options: \(reason)", at: site.location(of: 0))
                builder.unreadable.insert(.identity)
            }
        default:
            // `$type<T>()`, `$comment(...)` and other type-level helpers do not change the schema.
            if !name.hasPrefix("$") {
                // A method the reader does not know may change anything about the column but its name.
                report(.unevaluable, "unknown column method `.\(name)()`", at: site.location)
                builder.unreadable.formUnion(Column.Part.allExceptName)
            }
        }
        if site.location.path == builder.location.path { builder.chainEnd = site.location.range.upperBound }
        return .column(builder)
    }

    /// Why an options object (`{ maxValue, cache, … }`) cannot be read: unknown itself, an unknown spread, or an
    /// unknown value; nil when every option is known.
    static func unknownOption(_ options: Value) -> String? {
        switch options {
        case .unknown(let reason): return reason
        case .object(let object):
            if let spread = object.unknownSpreads.first { return spread.reason }
            for property in object.properties { if case .unknown(let reason) = property.value { return reason } }
            return nil
        default: return nil
        }
    }

    private func constraintMethod(_ constraint: ConstraintBuilder, _ name: String, _ site: CallSite) -> Value {
        switch (constraint, name) {
        case (.pendingIndex(let unique, let indexName, let location), "on"),
             (.pendingIndex(let unique, let indexName, let location), "onOnly"):
            return .constraint(.index(IndexSpec(name: indexName, isUnique: unique, elements: indexElements(site.arguments, site),
                                                location: location.extended(to: site.location))))
        case (.pendingIndex(let unique, let indexName, let location), "using"):
            return .constraint(.index(IndexSpec(name: indexName, isUnique: unique,
                                                elements: indexElements(Array(site.arguments.dropFirst()), site),
                                                method: site.string(0) ?? "btree",
                                                location: location.extended(to: site.location))))
        case (.index(var spec), _):
            switch name {
            case "concurrently": spec.concurrently = true
            case "where":
                if case .sql(let fragment) = site.argument(0) { spec.condition = fragment }
                else { report(.unevaluable, "cannot evaluate this index condition", at: site.location(of: 0)) }
            case "with": spec.with = site.object(0)
            default: report(.unevaluable, "unknown index method `.\(name)()`", at: site.location)
            }
            spec.location = spec.location.extended(to: site.location)
            return .constraint(.index(spec))
        case (.pendingUnique(let uniqueName, let location), "on"):
            return .constraint(.unique(UniqueSpec(name: uniqueName, columns: columnList(.array(site.arguments), site),
                                                  location: location.extended(to: site.location))))
        case (.unique(var spec), "nullsNotDistinct"):
            spec.nullsNotDistinct = true
            spec.location = spec.location.extended(to: site.location)
            return .constraint(.unique(spec))
        case (.foreignKey(var spec), "onDelete"), (.foreignKey(var spec), "onUpdate"):
            let action = ForeignKeyAction(keyword: site.string(0) ?? "no action")
            if name == "onDelete" { spec.onDelete = action } else { spec.onUpdate = action }
            spec.location = spec.location.extended(to: site.location)
            return .constraint(.foreignKey(spec))
        case (.policy(let spec), "link"):
            // `pgPolicy(...).link(table)`: a policy declared outside the table, added to it.
            guard case .table(let index) = site.argument(0), tables.indices.contains(index) else {
                report(.unevaluable, "cannot tell which table policy \(spec.name) is linked to", at: site.location)
                return .constraint(constraint)
            }
            tables[index].linkedPolicies.append(spec)
            return .constraint(constraint)
        case (.policy, _):
            return .constraint(constraint)
        default:
            report(.unevaluable, "unknown method `.\(name)()`", at: site.location)
            return .constraint(constraint)
        }
    }

    private func indexElements(_ arguments: [Value], _ site: CallSite) -> [IndexSpec.Element] {
        arguments.compactMap { argument in
            switch argument {
            case .tableColumn(let reference): return .column(reference)
            case .sql(let fragment): return .expression(fragment)
            default:
                report(.unevaluable, "cannot tell which column or expression this index covers", at: site.location)
                return nil
            }
        }
    }
}

extension SourceLocation {
    /// This location stretched to cover `other` too (a chain's start to its last call), when in the same file.
    func extended(to other: SourceLocation) -> SourceLocation {
        guard other.path == path else { return self }
        return SourceLocation(path: path, range: min(range.lowerBound, other.range.lowerBound)..<max(range.upperBound, other.range.upperBound))
    }
}
