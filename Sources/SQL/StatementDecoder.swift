import Catalog

/// Turns one libpg_query statement node into the typed model, with byte ranges in the source text.
///
/// `base` is where the text handed to the parser starts in `lexer.bytes`: node `location`s are byte offsets
/// into that text, so `base + location` is a position in the source.
struct StatementDecoder {
    let lexer: SQLLexer
    let base: Int
    /// The statement's trimmed range in the source.
    let statementRange: Range<Int>

    func decode(tag: String, node: ParseNode) -> StatementKind {
        switch tag {
        case "CreateStmt": return .createTable(createTable(node))
        case "AlterTableStmt": return .alterTable(alterTable(node))
        case "IndexStmt": return .createIndex(createIndex(node))
        case "DropStmt": return drop(node)
        case "RenameStmt": return .rename(rename(node))
        case "CreateEnumStmt":
            return .createEnum(CreateEnum(name: ParseNode.qualifiedName(parts: node["typeName"].stringList),
                                          values: node["vals"].stringList))
        case "AlterEnumStmt": return .alterEnum(alterEnum(node))
        case "CreateSchemaStmt":
            return .createSchema(CreateSchema(name: node["schemaname"].string ?? "", ifNotExists: node["if_not_exists"].bool))
        case "UpdateStmt": return .update(dataChange(node))
        case "DeleteStmt": return .delete(dataChange(node))
        case "InsertStmt": return .insert(DataChange(table: node["relation"].rangeVarName, hasWhere: false))
        case "DoStmt": return .doBlock(doBlock(node))
        case "CreatePolicyStmt": return .policy(policy(node, isAlter: false))
        case "AlterPolicyStmt": return .policy(policy(node, isAlter: true))
        case "AlterFunctionStmt":
            return .alterFunction(AlterFunction(name: ParseNode.qualifiedName(parts: node["func"]["objname"].stringList),
                                                security: functionSecurity(node["actions"]) ?? FunctionSecurity()))
        case "ReindexStmt": return .reindex(reindex(node))
        case "VariableSetStmt": return .set(setVariable(node))
        case "TransactionStmt":
            switch node["kind"].string {
            case "TRANS_STMT_BEGIN", "TRANS_STMT_START": return .transaction(.begin)
            case "TRANS_STMT_COMMIT": return .transaction(.commit)
            case "TRANS_STMT_ROLLBACK": return .transaction(.rollback)
            default: return .other(nodeTag: tag)
            }
        case "CreateTrigStmt": return .createTrigger(createTrigger(node))
        case "TruncateStmt": return .truncate(tables: relations(node), cascade: node["behavior"].string == "DROP_CASCADE")
        case "LockStmt": return .lockTable(tables: relations(node), mode: node["mode"].int)
        case "CommentStmt": return comment(node)
        case "VacuumStmt":
            let tables = node["rels"].array.compactMap { $0.unwrap("VacuumRelation")?["relation"].rangeVarName }
            let full = node["options"].array.contains { $0.unwrap("DefElem")?["defname"].string == "full" }
            return .vacuum(tables: tables, full: full, analyzeOnly: !node["is_vacuumcmd"].bool)
        case "AlterObjectSchemaStmt": return .setSchema(setSchema(node))
        case "ClusterStmt":
            let relation = node["relation"]
            return .cluster(table: relation.isMissing ? nil : relation.rangeVarName)
        case "RefreshMatViewStmt": return .refreshMaterializedView(name: node["relation"].rangeVarName, concurrently: node["concurrent"].bool)
        case "CreateStatsStmt":
            return .createStatistics(tables: node["relations"].array.compactMap { $0.unwrap("RangeVar")?.rangeVarName })
        case "CreatePublicationStmt", "AlterPublicationStmt":
            // Each object a `PublicationObjSpec`; a table's is `pubtable.relation`.
            let tables = node["pubobjects"].array.compactMap { object -> QualifiedName? in
                guard let spec = object.unwrap("PublicationObjSpec"), spec["pubobjtype"].string == "PUBLICATIONOBJ_TABLE" else { return nil }
                let relation = (spec["pubtable"].unwrap("PublicationTable") ?? spec["pubtable"])["relation"]
                return relation.isMissing ? nil : relation.rangeVarName
            }
            return .publication(tables: tables)
        case "GrantStmt": return grant(node, defaultsIn: nil).map(StatementKind.grant) ?? .other(nodeTag: tag)
        case "AlterDefaultPrivilegesStmt":
            let schemas = node["options"].array.compactMap { $0.unwrap("DefElem") }
                .filter { $0["defname"].string == "schemas" }.flatMap { $0["arg"].stringList }
            return grant(node["action"].unwrap("GrantStmt") ?? node["action"], defaultsIn: schemas).map(StatementKind.grant)
                ?? .other(nodeTag: tag)
        default: return createObject(tag: tag, node).map(StatementKind.create) ?? .other(nodeTag: tag)
        }
    }

    // MARK: - Positions

    /// A node location as a source offset, kept inside the statement.
    func position(_ location: Int) -> Int {
        min(max(base + location, statementRange.lowerBound), statementRange.upperBound)
    }

    /// The list element (column definition, constraint, index key, …) that starts at `location`; the whole
    /// statement when libpg_query gave no location.
    func elementRange(at location: Int?) -> Range<Int> {
        guard let location else { return statementRange }
        let range = lexer.listElement(from: position(location), limit: statementRange.upperBound)
        return range.isEmpty ? statementRange : range
    }

    /// Source text of `range` (UTF-8; invalid sequences repaired).
    func text(_ range: Range<Int>) -> String {
        String(decoding: lexer.bytes[range], as: UTF8.self)
    }

    // MARK: - Small statements

    private func drop(_ node: ParseNode) -> StatementKind {
        let kind = ObjectKind(libpgQueryName: node["removeType"].string ?? "")
        let objects = node["objects"].array.map { droppedObject($0, kind: kind) }
        let drop = DropObjects(objectKind: kind, names: objects.map(\.name), relation: objects.lazy.compactMap(\.relation).first,
                               ifExists: node["missing_ok"].bool, cascade: node["behavior"].string == "DROP_CASCADE",
                               concurrently: node["concurrent"].bool)
        switch kind {
        case .table: return .dropTable(drop)
        case .index: return .dropIndex(drop)
        default: return .drop(drop)
        }
    }

    /// One element of `DropStmt.objects`, whose shape depends on the kind: name parts (`List`; for policies,
    /// triggers and rules the table's parts come first), `ObjectWithArgs` (functions, procedures, aggregates:
    /// `DROP FUNCTION f(jsonb)`), `TypeName` (types, domains), `String` (schemas, extensions), or two
    /// `TypeName`s (`DROP CAST (text AS integer)`).
    private func droppedObject(_ object: ParseNode, kind: ObjectKind) -> (name: QualifiedName, relation: QualifiedName?) {
        if let function = object.unwrap("ObjectWithArgs") {
            return (ParseNode.qualifiedName(parts: function["objname"].stringList), nil)
        }
        if let typeName = object.unwrap("TypeName") { return (ParseNode.qualifiedName(parts: typeName["names"].stringList), nil) }
        if let string = object.unwrap("String") { return (QualifiedName(name: string["sval"].string ?? ""), nil) }
        let items = object.unwrap("List")?["items"] ?? object
        let types = items.array.compactMap { $0.unwrap("TypeName") }
        if !types.isEmpty { return (QualifiedName(name: types.map(TypeNameFormatter.format).joined(separator: " AS ")), nil) }
        let parts = items.stringList
        if kind.belongsToTable, parts.count >= 2 {
            return (QualifiedName(name: parts[parts.count - 1]), ParseNode.qualifiedName(parts: Array(parts.dropLast())))
        }
        return (ParseNode.qualifiedName(parts: parts), nil)
    }

    /// `CREATE FUNCTION / PROCEDURE`, `CREATE VIEW`, `CREATE MATERIALIZED VIEW`, `CREATE SEQUENCE`.
    private func createObject(tag: String, _ node: ParseNode) -> CreateObject? {
        switch tag {
        case "CreateFunctionStmt":
            return CreateObject(objectKind: node["is_procedure"].bool ? .procedure : .function,
                                name: ParseNode.qualifiedName(parts: node["funcname"].stringList),
                                assignedNewColumns: newRowAssignments(node),
                                security: functionSecurity(node["options"]))
        case "ViewStmt": return CreateObject(objectKind: .view, name: node["view"].rangeVarName)
        case "CreateSeqStmt": return CreateObject(objectKind: .sequence, name: node["sequence"].rangeVarName)
        case "CreateTableAsStmt" where node["objtype"].string == "OBJECT_MATVIEW":
            return CreateObject(objectKind: .materializedView, name: node["into"]["rel"].rangeVarName)
        default: return nil
        }
    }

    private func relations(_ node: ParseNode) -> [QualifiedName] {
        node["relations"].array.compactMap { $0.unwrap("RangeVar")?.rangeVarName }
    }

    private func comment(_ node: ParseNode) -> StatementKind {
        let kind = ObjectKind(libpgQueryName: node["objtype"].string ?? "")
        let parts = node["object"].unwrap("List")?["items"].stringList ?? []
        let relation: [String] = switch kind {
        case .table: parts
        case .column: Array(parts.dropLast())
        default: []
        }
        return .comment(objectKind: kind, relation: relation.isEmpty ? nil : ParseNode.qualifiedName(parts: relation))
    }

    private func rename(_ node: ParseNode) -> Rename {
        let kind = ObjectKind(libpgQueryName: node["renameType"].string ?? "")
        let relation = node["relation"]
        let table = relation.isMissing ? nil : relation.rangeVarName
        let objectName: String? = {
            let object = node["object"]
            if let list = object.unwrap("List") { return list["items"].stringList.last }
            return object.unwrap("String")?["sval"].string
        }()
        let from = node["subname"].string ?? table?.name ?? objectName
        return Rename(objectKind: kind, table: table, from: from, to: node["newname"].string ?? "")
    }

    /// Relations (tables, views, sequences) arrive as `relation`; other objects as `object`, shaped as in `DROP`.
    private func setSchema(_ node: ParseNode) -> SetSchema {
        let kind = ObjectKind(libpgQueryName: node["objectType"].string ?? "")
        let relation = node["relation"]
        let name = relation.isMissing ? droppedObject(node["object"], kind: kind).name : relation.rangeVarName
        return SetSchema(objectKind: kind, name: name, newSchema: node["newschema"].string ?? "", ifExists: node["missing_ok"].bool)
    }

    private func alterEnum(_ node: ParseNode) -> AlterEnum {
        let name = ParseNode.qualifiedName(parts: node["typeName"].stringList)
        let newValue = node["newVal"].string ?? ""
        if let oldValue = node["oldVal"].string {
            return AlterEnum(name: name, change: .renameValue(from: oldValue, to: newValue))
        }
        return AlterEnum(name: name, change: .addValue(newValue, ifNotExists: node["skipIfNewValExists"].bool))
    }

    private func reindex(_ node: ParseNode) -> Reindex {
        let kind = (node["kind"].string ?? "").dropFirst("REINDEX_OBJECT_".count)
        let relation = node["relation"]
        let name = relation.isMissing ? QualifiedName(name: node["name"].string ?? "") : relation.rangeVarName
        // `REINDEX (CONCURRENTLY) …` and `REINDEX … CONCURRENTLY` both arrive as the `concurrently` option.
        let concurrently = node["params"].array.contains { $0.unwrap("DefElem")?["defname"].string == "concurrently" }
        return Reindex(objectKind: ObjectKind(rawValue: kind.lowercased()), name: name, concurrently: concurrently)
    }

    private func setVariable(_ node: ParseNode) -> SetVariable {
        let value = node["args"].array.first.flatMap { argument -> String? in
            guard let constant = argument.unwrap("A_Const") else { return nil }
            if let text = constant["sval"]["sval"].string { return text }
            return constant["ival"].isMissing ? nil : String(constant["ival"]["ival"].int)
        }
        return SetVariable(name: (node["name"].string ?? "").lowercased(), isLocal: node["is_local"].bool, value: value)
    }

    private func dataChange(_ node: ParseNode) -> DataChange {
        DataChange(table: node["relation"].rangeVarName, hasWhere: !node["whereClause"].isMissing)
    }

    private func doBlock(_ node: ParseNode) -> DoBlock {
        let arguments = DoBlockArguments(node)
        return DoBlock(language: arguments.language, bodyRange: arguments.bodyLocation.flatMap { bodyRange(at: $0, body: arguments.body) })
    }

    /// Where the body's text sits in the source: after the opening `$tag$` or `'`, when the source there
    /// reads exactly as the body (an escaped `'…'` body does not, and is left unlocated).
    private func bodyRange(at location: Int, body: [UInt8]) -> Range<Int>? {
        let start = base + location
        guard start >= 0, start < lexer.bytes.count else { return nil }
        let bodyStart: Int
        if let tagEnd = lexer.dollarTagEnd(from: start, limit: lexer.bytes.count) {
            bodyStart = tagEnd
        } else if lexer.bytes[start] == UInt8(ascii: "'") {
            bodyStart = start + 1
        } else {
            return nil
        }
        let bodyEnd = bodyStart + body.count
        guard lexer.bytes.holds(body, at: bodyStart) else { return nil }
        return bodyStart..<bodyEnd
    }
}

/// The `LANGUAGE` and `AS` arguments of a `DoStmt`.
struct DoBlockArguments {
    var language = "plpgsql"
    var body: [UInt8] = []
    var bodyLocation: Int?

    init(_ node: ParseNode) {
        for argument in node["args"].array {
            guard let element = argument.unwrap("DefElem") else { continue }
            let value = element["arg"].unwrap("String")?["sval"].string
            switch element["defname"].string {
            case "language": language = value ?? language
            case "as":
                body = Array((value ?? "").utf8)
                bodyLocation = element["location"].int
            default: break
            }
        }
    }
}
