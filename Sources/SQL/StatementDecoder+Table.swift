import Catalog

/// `CREATE TABLE`, column definitions and constraints.
extension StatementDecoder {
    func createTable(_ node: ParseNode) -> CreateTable {
        var columns: [ColumnDefinition] = []
        var constraints: [TableConstraint] = []
        for element in node["tableElts"].array {
            if let column = element.unwrap("ColumnDef") {
                columns.append(columnDefinition(column))
            } else if let constraint = element.unwrap("Constraint") {
                constraints.append(tableConstraint(constraint, range: elementRange(at: constraint["location"].int)))
            }
        }
        return CreateTable(name: node["relation"].rangeVarName, columns: columns, constraints: constraints,
                           ifNotExists: node["if_not_exists"].bool)
    }

    func columnDefinition(_ node: ParseNode) -> ColumnDefinition {
        let name = node["colname"].string ?? ""
        var column = ColumnDefinition(name: name, typeName: TypeNameFormatter.format(node["typeName"]),
                                      hasDefault: !node["raw_default"].isMissing,
                                      range: elementRange(at: node["location"].int))
        column.hasVolatileDefault = node["raw_default"].callsVolatileFunction
        for item in node["constraints"].array {
            guard let constraint = item.unwrap("Constraint") else { continue }
            switch constraint["contype"].string {
            case "CONSTR_NOTNULL": column.notNull = true
            case "CONSTR_DEFAULT":
                column.hasDefault = true
                column.hasVolatileDefault = column.hasVolatileDefault || constraint["raw_expr"].callsVolatileFunction
            case "CONSTR_IDENTITY":
                column.isGenerated = true
                column.isIdentity = true
            case "CONSTR_GENERATED": column.isGenerated = true
            case "CONSTR_PRIMARY": column.isPrimaryKey = true
            case "CONSTR_UNIQUE": column.isUnique = true
            case "CONSTR_FOREIGN": column.references = foreignKey(constraint, columns: [name])
            default: break
            }
        }
        return column
    }

    func tableConstraint(_ node: ParseNode, range: Range<Int>) -> TableConstraint {
        let type = node["contype"].string ?? ""
        let kind: TableConstraint.Kind
        switch type {
        case "CONSTR_PRIMARY": kind = .primaryKey(columns: node["keys"].stringList)
        case "CONSTR_UNIQUE": kind = .unique(columns: node["keys"].stringList)
        case "CONSTR_FOREIGN": kind = .foreignKey(foreignKey(node, columns: node["fk_attrs"].stringList))
        case "CONSTR_CHECK": kind = .check(columns: node["raw_expr"].columnReferences)
        case "CONSTR_EXCLUSION":
            let elements = node["exclusions"].array.compactMap { $0.unwrap("List")?["items"].array.first?.unwrap("IndexElem") }
            kind = .exclusion(columns: elements.compactMap { $0["name"].string })
        default: kind = .other(type)
        }
        return TableConstraint(name: node["conname"].string, kind: kind, notValid: node["skip_validation"].bool, range: range,
                               usingIndex: node["indexname"].string, checksNotNull: Self.notNullColumn(node["raw_expr"]))
    }

    /// `col IS NOT NULL` (the whole expression): the column a `CHECK` proves non-null, which lets PostgreSQL 12+ skip
    /// the scan of a later `SET NOT NULL`.
    private static func notNullColumn(_ expression: ParseNode) -> String? {
        guard let test = expression.unwrap("NullTest"), test["nulltesttype"].string == "IS_NOT_NULL" else { return nil }
        return test["arg"].unwrap("ColumnRef")?["fields"].stringList.last
    }

    private func foreignKey(_ node: ParseNode, columns: [String]) -> ForeignKeyReference {
        ForeignKeyReference(columns: columns, referencedTable: node["pktable"].rangeVarName,
                            referencedColumns: node["pk_attrs"].stringList,
                            onDelete: ForeignKeyAction(code: node["fk_del_action"].string),
                            onUpdate: ForeignKeyAction(code: node["fk_upd_action"].string))
    }
}
