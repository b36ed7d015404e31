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
            guard let dataType = site.object(0)?["dataType"] else {
                report(.unevaluable, "customType without a dataType the reader can evaluate", at: site.location)
                return .unknown("a custom type")
            }
            return .library(.customColumn(dataType: dataType))
        case .customColumn(let dataType):
            let config = site.object(0) ?? site.object(1)
            var type: Value = .unknown("a custom type")
            if case .function(let closure) = dataType { type = invoke(closure, [config.map(Value.object) ?? .undefined]) }
            guard let sqlType = type.stringValue else {
                report(.unevaluable, "cannot evaluate this custom type's dataType()", at: site.location)
                return .unknown("a custom column type")
            }
            return .column(ColumnBuilder(builder: "customType", explicitName: nonEmpty(site.string(0)), baseType: sqlType,
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
        case .pgPolicy:
            return .constraint(.policy(name: site.string(0) ?? "", location: site.location))
        case .sql: return .unknown("sql called as a function")
        case .sqlRaw:
            guard let text = site.string(0) else { return .unknown("sql.raw of a run-time string") }
            return .sql(SQLFragment(text: text))
        case .sqlIdentifier:
            guard let name = site.string(0) else { return .unknown("sql.identifier of a run-time string") }
            return .sql(SQLFragment([.name(name)]))
        case .sqlOperator(let name): return sqlOperator(name, site)
        case .relations: return makeRelations(site)
        case .relationHelper(let kind): return makeRelationSpec(kind, site)
        case .objectNamespace: return .unknown("Object called as a function")
        case .objectFunction(let name): return objectFunction(name, site)
        case .namespace: return .unknown("a module namespace called as a function")
        case .other(let name): return .unknown("drizzle's `\(name)`")
        }
    }

    private func nonEmpty(_ text: String?) -> String? { text?.isEmpty == false ? text : nil }

    private func makeColumn(_ builder: String, _ site: CallSite) -> Value {
        let name = nonEmpty(site.string(0))
        let config = site.object(0) ?? site.object(1)
        guard let type = ColumnTypes.sqlType(builder: builder, config: config) else {
            report(.unevaluable, "cannot evaluate the options of this \(builder) column", at: site.location)
            return .unknown("a column with unknown options")
        }
        return .column(ColumnBuilder(builder: builder, explicitName: name, baseType: type,
                                     notNull: ColumnTypes.isImplicitlyNotNull(builder: builder, config: config),
                                     options: config, location: site.location))
    }

    func makeEnum(_ site: CallSite, schema: String?) -> Value {
        guard let name = site.string(0) else {
            report(.unevaluable, "cannot evaluate the enum's name", at: site.location(of: 0))
            return .unknown("an enum with an unknown name")
        }
        var values: [String] = []
        switch site.argument(1) {
        case .array(let elements):
            values = elements.compactMap(\.stringValue)
            if values.count != elements.count {
                report(.unevaluable, "cannot evaluate every value of enum \(name)", at: site.location(of: 1))
            }
        case .object(let object):
            // `pgEnum(name, SomeEnumObject)` takes `Object.values(...)`.
            values = object.properties.compactMap { $0.value.stringValue }
        case .unknown(let reason):
            report(.unevaluable, "cannot evaluate the values of enum \(name): \(reason)", at: site.location(of: 1))
        default:
            report(.unevaluable, "cannot evaluate the values of enum \(name)", at: site.location(of: 1))
        }
        return .pgEnum(EnumReference(name: name, schema: schema, values: values, location: site.location))
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

    private func objectFunction(_ name: String, _ site: CallSite) -> Value {
        guard case .object(let object) = site.argument(0) else {
            if case .array(let elements) = site.argument(0), name == "values" { return .array(elements) }
            return .unknown("Object.\(name) of a value known only at run time")
        }
        switch name {
        case "values": return .array(object.properties.map(\.value))
        case "keys": return .array(object.properties.map { .string($0.key) })
        case "entries":
            return .array(object.properties.map { .array([.string($0.key), $0.value]) })
        default: return .unknown("Object.\(name)")
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
