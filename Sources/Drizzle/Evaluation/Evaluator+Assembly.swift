import Catalog
import Foundation
import TypeScript

extension Evaluator: SQLNameResolver {
    func tableName(_ table: Int) -> (schema: String?, name: String)? {
        guard tables.indices.contains(table) else { return nil }
        return (tables[table].schema, tables[table].name)
    }
}

/// Turns an evaluated table into the model, naming unnamed constraints and rendering types and defaults the
/// way the configured drizzle-kit generation does.
extension Evaluator {
    var convention: NamingConvention { options.convention }

    /// The table, and what the sources declare about it and its columns (binding, keys, builders, layouts for
    /// fixes) that the model does not hold.
    func assembleTable(_ index: Int) -> (table: Table, declaration: TableDeclaration) {
        let state = tables[index]
        var table = Table(schema: state.schema ?? "", name: state.name,
                          isRLSEnabled: state.isRLSEnabled, location: state.location, nameLocation: state.nameLocation)
        table.unreadableElements = state.unreadableElements
        var declaration = TableDeclaration(variableName: state.variableName, call: state.call, fileStyle: state.fileStyle,
                                           isHighFrequency: hasHighFrequencyMarker(state))
        var foreignKeys: [ForeignKeySpec] = []
        for (key, builder, location) in state.columns {
            table.columns.append(column(key: key, builder: builder, location: location, table: state))
            declaration.columns.append(ColumnDeclaration(
                key: key, builder: builder.builder, builderCall: builder.call,
                chainEnd: builder.chainEnd.map { SourceLocation(path: builder.location.path, range: $0..<$0) },
                hasOnUpdate: builder.hasOnUpdate, hasRuntimeDefault: builder.hasRuntimeDefault))
            if let unique = builder.unique {
                let name = sqlName(key: key, builder: builder)
                let defaultName = convention == .kit1 ? "\(state.name)_\(name)_key"
                    : "\(state.name)_\(builder.explicitName ?? key)_unique"
                table.uniqueConstraints.append(UniqueConstraint(name: unique.name ?? defaultName, columns: [name],
                                                                nullsNotDistinct: unique.nullsNotDistinct,
                                                                isNameExplicit: unique.name != nil,
                                                                location: unique.location))
            }
            for reference in builder.references {
                guard let target = resolveReference(reference.target, at: reference.location) else {
                    table.unreadableElements.insert(.foreignKey)
                    continue
                }
                let own = TableColumnReference(table: index, key: key, location: location)
                foreignKeys.append(ForeignKeySpec(name: nil, columns: [own], foreignColumns: [target],
                                                  onDelete: ForeignKeyAction(keyword: reference.onDelete ?? "no action"),
                                                  onUpdate: ForeignKeyAction(keyword: reference.onUpdate ?? "no action"), isInline: true,
                                                  location: reference.location))
            }
        }
        var (constraints, unreadableConstraints) = extraConstraints(state, index: index)
        constraints += state.linkedPolicies.map(ConstraintBuilder.policy)
        table.unreadableElements.formUnion(unreadableConstraints)
        for constraint in constraints {
            switch constraint {
            case .index(let spec):
                if let index = self.index(spec, table: state) { table.indexes.append(index) } else {
                    table.unreadableElements.insert(.index)
                }
            case .unique(let spec):
                let columns = spec.columns.compactMap(columnName)
                guard columns.count == spec.columns.count else {
                    table.unreadableElements.insert(.uniqueConstraint)
                    continue
                }
                let original = spec.columns.compactMap(originalName)
                table.uniqueConstraints.append(UniqueConstraint(
                    name: spec.name ?? "\(state.name)_\(original.joined(separator: "_"))_unique", columns: columns,
                    nullsNotDistinct: spec.nullsNotDistinct, isNameExplicit: spec.name != nil, location: spec.location))
            case .primaryKey(let spec):
                guard spec.columns.allSatisfy({ columnName($0) != nil }) else {
                    table.unreadableElements.insert(.primaryKey)
                    continue
                }
                addPrimaryKey(spec, to: &table)
            case .foreignKey(let spec): foreignKeys.append(spec)
            case .check(let name, let value, let location):
                guard let text = value.render(convention == .kit1 ? .indexes : .qualified, names: self) else {
                    report(.unevaluable, "cannot render check constraint \(name)", at: location)
                    table.unreadableElements.insert(.checkConstraint)
                    continue
                }
                table.checkConstraints.append(CheckConstraint(name: name, value: text, location: location))
            case .policy(let spec):
                table.policies.append(policy(spec))
            case .pendingIndex(_, _, let location), .pendingUnique(_, let location):
                report(.unevaluable, "an index or unique constraint without `.on(...)`", at: location)
                table.unreadableElements.formUnion([.index, .uniqueConstraint])
            }
        }
        table.foreignKeys = foreignKeys.compactMap { foreignKey($0, table: state) }
        if table.foreignKeys.count < foreignKeys.count { table.unreadableElements.insert(.foreignKey) }
        if convention == .kit1, !table.policies.isEmpty { table.isRLSEnabled = true }
        return (table, declaration)
    }

    /// The policy with its expressions rendered as drizzle-kit writes them (columns qualified by their table).
    private func policy(_ spec: PolicySpec) -> Policy {
        var policy = Policy(name: spec.name, permissive: spec.permissive, command: spec.command, roles: spec.roles,
                            location: spec.location)
        policy.unreadable = spec.unreadable
        func clause(_ expression: (SQLFragment, SourceLocation)?, _ part: Policy.Part) -> Policy.Clause? {
            guard let (fragment, location) = expression else { return nil }
            let text = fragment.render(.qualified, names: self)
            if text == nil {
                report(.unevaluable, "cannot render this expression of policy \(spec.name)", at: location)
                policy.unreadable.insert(part)
            }
            return Policy.Clause(text: text, location: location)
        }
        policy.using = clause(spec.using, .using)
        policy.withCheck = clause(spec.withCheck, .withCheck)
        return policy
    }

    private func column(key: String, builder: ColumnBuilder, location: SourceLocation, table: TableState) -> Column {
        let name = sqlName(key: key, builder: builder)
        var type = builder.sqlType
        if convention == .kit1 {
            if let comma = type.range(of: ", ") { type.replaceSubrange(comma, with: ",") }
            if type.hasPrefix("timestamp (") { type = "timestamp(" + type.dropFirst("timestamp (".count) }
        }
        var column = Column(name: name, type: type,
                            typeSchema: builder.enumReference.map { $0.schema ?? "public" },
                            primaryKey: builder.primaryKey, notNull: builder.notNull,
                            enumName: builder.enumReference?.name, location: location, typeLocation: builder.location)
        column.unreadable = builder.unreadable
        if let source = builder.defaultValue, !builder.unreadable.contains(.default) {
            column.default = renderDefault(source, type: builder.sqlType)
            if column.default == nil { column.unreadable.insert(.default) }
        }
        if let generated = builder.generated {
            column.generated = generatedColumn(generated)
            if column.generated == nil { column.unreadable.insert(.generated) }
        }
        if let identity = builder.identity {
            column.identity = self.identity(identity, column: name, sqlType: builder.baseType, table: table)
        }
        return column
    }

    /// The generated expression as drizzle-kit writes it (`sqlToQuery`, columns qualified by their table); nil
    /// (reported) when it cannot be read.
    private func generatedColumn(_ source: DefaultSource) -> GeneratedColumn? {
        var source = source
        if case .deferred(let closure, let location) = source {
            let value = invoke(closure, [])
            source = if case .sql(let fragment) = value { .sql(fragment, location) } else { .value(value, location) }
        }
        switch source {
        case .sql(let fragment, let location):
            guard let text = fragment.render(.qualified, names: self) else {
                report(.unevaluable, "cannot render this generated expression", at: location)
                return nil
            }
            return GeneratedColumn(expression: text)
        case .value(.string(let text), _): return GeneratedColumn(expression: text)
        case .value(let value, let location):
            let reason = if case .unknown(let why) = value { ": \(why)" } else { "" }
            report(.unevaluable, "cannot evaluate this generated expression\(reason)", at: location)
            return nil
        case .deferred(_, let location):
            report(.unevaluable, "cannot evaluate this generated expression", at: location)
            return nil
        }
    }

    private func renderDefault(_ source: DefaultSource, type: String) -> ColumnDefault? {
        let renderer = DefaultRenderer(convention: convention)
        switch source {
        case .deferred(_, let location):
            report(.unevaluable, "cannot evaluate this default", at: location)
            return nil
        case .sql(let fragment, let location):
            guard let text = fragment.render(.qualified, names: self) else {
                report(.unevaluable, "cannot render this SQL default", at: location)
                return nil
            }
            return .sql(renderer.finishSQL(text))
        case .value(let value, let location):
            if value.isUnknown { return nil }
            guard let rendered = renderer.render(value, sqlType: type) else {
                report(.unevaluable, "cannot render this default as drizzle-kit does", at: location)
                return nil
            }
            return rendered
        }
    }

    private func identity(_ spec: IdentitySpec, column: String, sqlType: String, table: TableState) -> Identity {
        let maxByType = sqlType == "integer" ? "2147483647" : sqlType == "bigint" ? "9223372036854775807" : "32767"
        // drizzle-kit passes the column's class name (`PgInteger`) where it expects an SQL type, so a descending
        // identity always gets smallint's minimum; kept for fidelity.
        let minByType = "-32768"
        let options = SequenceDefaults.options(spec.options, minimumByType: minByType, maximumByType: maxByType)
        return Identity(type: spec.type, name: spec.options?["name"]?.stringValue ?? "\(table.name)_\(column)_seq",
                        schema: table.schema ?? "public", options: options)
    }

    /// Evaluates the third argument: a callback given the table, returning an array or an object of builders;
    /// with the kinds of constraints it may hold that could not be read.
    private func extraConstraints(_ state: TableState, index: Int) -> ([ConstraintBuilder], Set<ElementKind>) {
        var value = state.extraConfig
        if case .undefined = value { return ([], []) }
        let reportedBefore = diagnostics.count
        if case .function(let closure) = value { value = invoke(closure, [.table(index)]) }
        // A builder that could not be read (a `check` with an unknown expression) reported itself already.
        let reportedInside = diagnostics.count > reportedBefore
        let elements: [(Value, SourceLocation)]
        var unknownParts: [(reason: String, location: SourceLocation)] = []
        switch value {
        // drizzle-orm flattens the array one level (`crudPolicy(...)` returns an array of policies).
        case .array(let items):
            elements = items.flatMap { item -> [Value] in if case .array(let inner) = item { inner } else { [item] } }
                .map { ($0, state.location) }
        case .object(let object):
            elements = object.properties.map { ($0.value, $0.location) }
            unknownParts = object.unknownSpreads
        default:
            let reason = if case .unknown(let why) = value { ": \(why)" } else { "" }
            report(.unevaluable, "cannot evaluate the third argument of table \(state.name)\(reason)", at: state.location)
            return ([], ElementKind.tableConstraints)
        }
        var constraints: [ConstraintBuilder] = []
        for (element, location) in elements {
            switch element {
            case .constraint(let constraint): constraints.append(constraint)
            case .unknown(let reason): unknownParts.append((reason, location))
            default: continue
            }
        }
        for part in unknownParts where !reportedInside {
            report(.unevaluable, "cannot evaluate this entry of table \(state.name): \(part.reason)", at: part.location)
        }
        return (constraints, unknownParts.isEmpty ? [] : ElementKind.tableConstraints)
    }

    private func resolveReference(_ target: Value, at location: SourceLocation) -> TableColumnReference? {
        var value = target
        if case .function(let closure) = target { value = invoke(closure, []) }
        guard case .tableColumn(let reference) = value else {
            report(.unevaluable, "cannot tell which column this references", at: location)
            return nil
        }
        return reference
    }

    private func index(_ spec: IndexSpec, table: TableState) -> Index? {
        var columns: [IndexColumn] = []
        for element in spec.elements {
            switch element {
            case .column(let reference):
                guard let name = columnName(reference) else { return nil }
                columns.append(IndexColumn(expression: name, asc: reference.order != "desc",
                                           nulls: reference.nulls ?? "last", opclass: reference.opclass))
            case .expression(let fragment):
                guard let text = fragment.render(.indexes, names: self) else {
                    report(.unevaluable, "cannot render this index expression", at: spec.location)
                    return nil
                }
                columns.append(IndexColumn(expression: text, isExpression: true))
            }
        }
        let name = spec.name ?? "\(table.name)_\(columns.map(\.expression).joined(separator: "_"))_index"
        var condition: String?
        if let fragment = spec.condition {
            let context = convention == .kit1 ? SQLRenderContext(columnsWithoutTable: true, inlineParameters: true)
                : SQLRenderContext.qualified
            condition = fragment.render(context, names: self)
            if condition == nil { report(.unevaluable, "cannot render this index condition", at: spec.location) }
        }
        let with = spec.with?.properties.compactMap { property in
            JavaScriptText.json(property.value).map { StorageParameter(key: property.key, value: $0) }
        } ?? []
        return Index(name: name, columns: columns, isUnique: spec.isUnique, concurrently: spec.concurrently,
                     method: spec.method, where: condition, with: with, isNameExplicit: spec.name != nil,
                     location: spec.location)
    }

    private func addPrimaryKey(_ spec: PrimaryKeySpec, to table: inout Table) {
        let columns = spec.columns.compactMap(columnName)
        if convention == .kit1 {
            // drizzle-kit 1 marks primary-key columns NOT NULL and writes one-column keys like `.primaryKey()`.
            for name in columns {
                if let at = table.columns.firstIndex(where: { $0.name == name }) { table.columns[at].notNull = true }
            }
            if columns.count == 1, let at = table.columns.firstIndex(where: { $0.name == columns[0] }) {
                table.columns[at].primaryKey = true
                return
            }
            table.compositePrimaryKeys.append(PrimaryKeyConstraint(name: spec.name ?? "\(table.name)_pkey",
                                                                   columns: columns, isNameExplicit: spec.name != nil,
                                                                   location: spec.location))
            return
        }
        let original = spec.columns.compactMap(originalName)
        let name = recased(spec.name ?? "\(table.name)_\(original.joined(separator: "_"))_pk", original, columns)
        table.compositePrimaryKeys.append(PrimaryKeyConstraint(name: name, columns: columns,
                                                               isNameExplicit: spec.name != nil, location: spec.location))
    }

    private func foreignKey(_ spec: ForeignKeySpec, table: TableState) -> ForeignKey? {
        guard let first = spec.foreignColumns.first, tables.indices.contains(first.table) else {
            report(.unevaluable, "cannot tell which table this foreign key references", at: spec.location)
            return nil
        }
        let target = tables[first.table]
        let columnsFrom = spec.columns.compactMap(columnName), columnsTo = spec.foreignColumns.compactMap(columnName)
        // A column whose name is unknown: the key's columns and derived name would be guesses (counted as
        // unreadable by the caller).
        guard columnsFrom.count == spec.columns.count, columnsTo.count == spec.foreignColumns.count else { return nil }
        let name: String
        if convention == .kit1 {
            name = spec.name ?? "\(table.name)_\(columnsFrom.joined(separator: "_"))_\(target.name)_\(columnsTo.joined(separator: "_"))_fkey"
        } else {
            let originalFrom = spec.columns.compactMap(originalName), originalTo = spec.foreignColumns.compactMap(originalName)
            let chunks = [table.name] + originalFrom + [target.name] + originalTo
            name = recased(recased(spec.name ?? chunks.joined(separator: "_") + "_fk", originalFrom, columnsFrom),
                           originalTo, columnsTo)
        }
        return ForeignKey(name: name, tableFrom: table.name, columnsFrom: columnsFrom, tableTo: target.name,
                          schemaTo: convention == .kit1 ? (target.schema ?? "public") : target.schema,
                          columnsTo: columnsTo, onDelete: spec.onDelete, onUpdate: spec.onUpdate,
                          isNameExplicit: spec.name != nil, isInline: spec.isInline, location: spec.location)
    }

    /// drizzle-kit 0.x names constraints from the uncased column names and then, with `casing` set, replaces the
    /// first occurrence of each with the cased name (JavaScript `String.replace`).
    private func recased(_ name: String, _ original: [String], _ cased: [String]) -> String {
        guard options.casing != nil else { return name }
        var result = name
        for (from, to) in zip(original, cased) {
            if let range = result.range(of: from) { result.replaceSubrange(range, with: to) }
        }
        return result
    }

    /// A `// schemalint: high-frequency` line comment right before the table's declaration.
    private func hasHighFrequencyMarker(_ state: TableState) -> Bool {
        guard let start = state.declarationRange?.lowerBound, let file = module(state.location.path) else { return false }
        guard let comment = file.syntax.comments.last(where: { $0.range.upperBound <= start }) else { return false }
        guard comment.kind == .line, Self.isHighFrequencyMarker(comment.text) else { return false }
        // Only whitespace may separate the comment from the declaration.
        guard let bytes = provider.read(state.location.path), comment.range.upperBound <= bytes.count else { return false }
        return bytes[comment.range.upperBound..<start].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// `schemalint:high-frequency` with any spaces and tabs around or inside it, compared byte by byte: the comment
    /// before a table may be a long one, and filtering it as `Character`s cost more than assembling the table.
    static func isHighFrequencyMarker(_ text: String) -> Bool {
        var marker = "schemalint:high-frequency".utf8.makeIterator()
        for byte in text.utf8 where byte != 0x20 && byte != 0x09 {
            guard marker.next() == byte else { return false }
        }
        return marker.next() == nil
    }
}
