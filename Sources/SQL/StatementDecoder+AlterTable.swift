/// `ALTER TABLE` and its actions.
extension StatementDecoder {
    func alterTable(_ node: ParseNode) -> AlterTable {
        let commands = node["cmds"].array.compactMap { $0.unwrap("AlterTableCmd") }
        let relation = node["relation"]
        var actionRanges = self.actionRanges(afterNameAt: relation["location"].int)
        if actionRanges.count != commands.count { actionRanges = Array(repeating: statementRange, count: commands.count) }
        let actions = zip(commands, actionRanges).map { command, range in
            AlterTableAction(kind: actionKind(command, range: range), range: range)
        }
        return AlterTable(table: relation.rangeVarName, objectKind: ObjectKind(libpgQueryName: node["objtype"].string ?? "OBJECT_TABLE"),
                          ifExists: node["missing_ok"].bool, actions: actions)
    }

    private func actionKind(_ command: ParseNode, range: Range<Int>) -> AlterTableAction.Kind {
        let name = command["name"].string ?? ""
        let cascade = command["behavior"].string == "DROP_CASCADE"
        let definition = command["def"]
        switch command["subtype"].string ?? "" {
        case "AT_AddColumn":
            guard let column = definition.unwrap("ColumnDef") else { break }
            return .addColumn(columnDefinition(column), ifNotExists: command["missing_ok"].bool)
        case "AT_DropColumn":
            return .dropColumn(name: name, ifExists: command["missing_ok"].bool, cascade: cascade)
        case "AT_AlterColumnType":
            guard let column = definition.unwrap("ColumnDef") else { break }
            let typeName = TypeNameFormatter.format(column["typeName"])
            let usingNode = column["raw_default"]
            let using = usingNode.smallestLocation.map { text(position($0)..<max(position($0), range.upperBound)) }
            return .alterColumnType(ColumnTypeChange(column: name, typeName: typeName, using: using,
                                                     convertsByCast: usingNode.isMissing || Self.onlyReads(name, castTo: typeName, usingNode)))
        case "AT_SetNotNull": return .setNotNull(column: name)
        case "AT_DropNotNull": return .dropNotNull(column: name)
        case "AT_ColumnDefault": return definition.isMissing ? .dropDefault(column: name) : .setDefault(column: name)
        case "AT_AddConstraint":
            guard let constraint = definition.unwrap("Constraint") else { break }
            let start = constraint["location"].int
            let constraintRange = start > 0 ? position(start)..<max(position(start), range.upperBound) : range
            return .addConstraint(tableConstraint(constraint, range: constraintRange))
        case "AT_ValidateConstraint": return .validateConstraint(name: name)
        case "AT_DropConstraint": return .dropConstraint(name: name, ifExists: command["missing_ok"].bool, cascade: cascade)
        case "AT_DetachPartition":
            guard let partition = definition.unwrap("PartitionCmd") else { break }
            return .detachPartition(partition: partition["name"].rangeVarName, concurrently: partition["concurrent"].bool)
        case "AT_AttachPartition":
            guard let partition = definition.unwrap("PartitionCmd") else { break }
            return .attachPartition(partition: partition["name"].rangeVarName)
        case let subtype:
            if let kind = Self.otherActions[subtype] { return kind(command) }
        }
        return .other(subtype: command["subtype"].string ?? "")
    }

    /// The actions told apart by their subtype and name alone.
    private static let otherActions: [String: @Sendable (ParseNode) -> AlterTableAction.Kind] = [
        "AT_EnableRowSecurity": { _ in .rowSecurity(.enable) },
        "AT_DisableRowSecurity": { _ in .rowSecurity(.disable) },
        "AT_ForceRowSecurity": { _ in .rowSecurity(.force) },
        "AT_NoForceRowSecurity": { _ in .rowSecurity(.noForce) },
        "AT_EnableTrig": { .enableTrigger(name: $0["name"].string, enabled: true) },
        "AT_EnableAlwaysTrig": { .enableTrigger(name: $0["name"].string, enabled: true) },
        "AT_EnableReplicaTrig": { .enableTrigger(name: $0["name"].string, enabled: true) },
        "AT_EnableTrigAll": { _ in .enableTrigger(name: nil, enabled: true) },
        "AT_EnableTrigUser": { _ in .enableTrigger(name: nil, enabled: true) },
        "AT_DisableTrig": { .enableTrigger(name: $0["name"].string, enabled: false) },
        "AT_DisableTrigAll": { _ in .enableTrigger(name: nil, enabled: false) },
        "AT_DisableTrigUser": { _ in .enableTrigger(name: nil, enabled: false) },
        "AT_SetStatistics": { .columnPlannerSettings(column: $0["name"].string ?? "") },
        "AT_SetOptions": { .columnPlannerSettings(column: $0["name"].string ?? "") },
        "AT_ResetOptions": { .columnPlannerSettings(column: $0["name"].string ?? "") },
        "AT_SetRelOptions": { storageParameters($0) },
        "AT_ResetRelOptions": { storageParameters($0) },
        "AT_ClusterOn": { .cluster(index: $0["name"].string) },
        "AT_DropCluster": { _ in .cluster(index: nil) },
        "AT_SetLogged": { _ in .relocate(.logged) },
        "AT_SetUnLogged": { _ in .relocate(.unlogged) },
        "AT_SetAccessMethod": { .relocate(.accessMethod($0["name"].string ?? "")) },
        "AT_SetTableSpace": { .relocate(.tablespace($0["name"].string ?? "")) },
    ]

    /// `SET ( fillfactor = 70, toast.autovacuum_enabled = false )`: the parameters' names, with their namespace.
    private static func storageParameters(_ command: ParseNode) -> AlterTableAction.Kind {
        .storageParameters(command["def"].unwrap("List")?["items"].array.compactMap { item in
            guard let element = item.unwrap("DefElem"), let name = element["defname"].string else { return nil }
            return element["defnamespace"].string.map { "\($0).\(name)" } ?? name
        } ?? [])
    }

    /// Whether a `USING` expression is the column itself, or the column cast to the new type.
    private static func onlyReads(_ column: String, castTo typeName: String, _ expression: ParseNode) -> Bool {
        if let cast = expression.unwrap("TypeCast") {
            return TypeNameFormatter.format(cast["typeName"]) == typeName && onlyReads(column, castTo: typeName, cast["arg"])
        }
        return expression.unwrap("ColumnRef")?["fields"].stringList == [column]
    }

    /// The comma-separated actions that follow the table name (`ALTER TABLE [IF EXISTS] [ONLY] name …`).
    private func actionRanges(afterNameAt location: Int?) -> [Range<Int>] {
        guard let location, let nameEnd = qualifiedNameEnd(from: position(location)) else { return [] }
        var ranges: [Range<Int>] = []
        var p = nameEnd
        let limit = statementRange.upperBound
        while let token = significantToken(from: p, limit: limit) {
            let element = lexer.listElement(from: token.range.lowerBound, limit: limit)
            guard !element.isEmpty else { break }
            ranges.append(element)
            guard let separator = significantToken(from: element.upperBound, limit: limit),
                  separator.kind == .punctuation(UInt8(ascii: ",")) else { break }
            p = separator.range.upperBound
        }
        return ranges
    }

    /// End of `name`, `"schema"."name"` or `a.b.c` starting at `start`.
    private func qualifiedNameEnd(from start: Int) -> Int? {
        let limit = statementRange.upperBound
        guard var part = significantToken(from: start, limit: limit), part.kind == .word || part.kind == .quotedIdentifier else { return nil }
        while let dot = significantToken(from: part.range.upperBound, limit: limit), dot.kind == .punctuation(UInt8(ascii: ".")),
              let next = significantToken(from: dot.range.upperBound, limit: limit) {
            part = next
        }
        return part.range.upperBound
    }

    /// The next token that is not a comment.
    func significantToken(from start: Int, limit: Int) -> SQLToken? {
        var p = start
        while let token = lexer.nextToken(from: p, limit: limit) {
            if !token.isComment { return token }
            p = token.range.upperBound
        }
        return nil
    }
}
