import Catalog

/// The functions and namespaces of drizzle-orm (and a few JavaScript globals) that the reader evaluates.
enum LibraryFunction {
    case pgTable, pgTableCreator, pgSchema, pgEnum, pgSequence, customType
    /// `integer`, `timestamp`, … (see `ColumnTypes.builders`).
    case columnBuilder(String)
    /// The function a `customType({ dataType() { … } })` call returns: it makes columns of that type.
    case customColumn(dataType: Value)
    case index, uniqueIndex, primaryKey, foreignKey, unique, check, pgPolicy, pgRole
    /// `crudPolicy({ role, read, modify })` of `drizzle-orm/neon`: up to four policies.
    case crudPolicy
    /// `authUid(column)` of `drizzle-orm/neon`: `(select auth.user_id() = column)`.
    case neonAuthUid
    case sql, sqlRaw, sqlIdentifier, sqlJoin
    /// `eq`, `ne`, `gt`, `gte`, `lt`, `lte`, `isNull`, `isNotNull`, `and`, `or`, `not`, `inArray`, `notInArray`.
    case sqlOperator(String)
    case relations
    /// `one` / `many` given to a `relations()` callback.
    case relationHelper(Relation.Kind)
    /// `Object` and its static functions (`values`, `keys`, `entries`, `fromEntries`).
    case objectNamespace
    case objectFunction(String)
    /// JavaScript's `String(x)`, `Number(x)`, `BigInt(x)`, `parseInt(x)` and `parseFloat(x)`.
    case conversion(String)
    /// `Math` and its functions on numbers (`Math.max`, `Math.floor`, …).
    case mathNamespace
    case math(String)
    /// zod's namespace (`z`), and `z.enum([...])`, whose `.options` schemas pass to `pgEnum`.
    case zod, zodEnum
    /// Any other zod function (`z.object`, `z.discriminatedUnion`): what it makes is a validator, never a table or
    /// an enum, so an export built with it is not a definition the reader failed to see.
    case zodFunction(String)
    /// A namespace import of a drizzle module (`import * as pg from 'drizzle-orm/pg-core'`).
    case namespace(module: String)
    /// Something exported by drizzle that does not change the schema (`getTableColumns`, `pgRole`, …).
    case other(String)

    static let drizzleModules: Set<String> = [
        "drizzle-orm", "drizzle-orm/pg-core", "drizzle-orm/sql", "drizzle-orm/relations", "drizzle-orm/_relations",
    ]

    /// What `drizzle-orm/supabase` and `drizzle-orm/neon` export for row-level security: roles (marked existing),
    /// `crudPolicy` and the `auth` helpers. nil for other modules and names (their tables stay unknown).
    static func rowSecurityExport(module: String, name: String) -> Value? {
        switch (module, name) {
        case ("drizzle-orm/supabase", "anonRole"): .role("anon")
        case ("drizzle-orm/supabase", "authenticatedRole"), ("drizzle-orm/neon", "authenticatedRole"): .role("authenticated")
        case ("drizzle-orm/supabase", "serviceRole"): .role("service_role")
        case ("drizzle-orm/supabase", "postgresRole"): .role("postgres_role")
        case ("drizzle-orm/supabase", "supabaseAuthAdminRole"): .role("supabase_auth_admin")
        case ("drizzle-orm/neon", "anonymousRole"): .role("anonymous")
        case ("drizzle-orm/supabase", "authUid"): .sql(SQLFragment(text: "(select auth.uid())"))
        case ("drizzle-orm/supabase", "realtimeTopic"): .sql(SQLFragment(text: "realtime.topic()"))
        case ("drizzle-orm/neon", "crudPolicy"): .library(.crudPolicy)
        case ("drizzle-orm/neon", "authUid"): .library(.neonAuthUid)
        default: nil
        }
    }

    static func isDrizzleModule(_ specifier: String) -> Bool {
        drizzleModules.contains(specifier) || specifier.hasPrefix("drizzle-orm/pg-core/")
    }

    static let operators: Set<String> = [
        "eq", "ne", "gt", "gte", "lt", "lte", "isNull", "isNotNull", "and", "or", "not", "inArray", "notInArray",
        "like", "ilike", "notLike", "notIlike",
    ]

    /// The export `name` of a drizzle module.
    static func named(_ name: String) -> LibraryFunction {
        if ColumnTypes.builders.contains(name) { return .columnBuilder(name) }
        if operators.contains(name) { return .sqlOperator(name) }
        switch name {
        case "pgTable": return .pgTable
        case "pgTableCreator": return .pgTableCreator
        case "pgSchema": return .pgSchema
        case "pgEnum": return .pgEnum
        case "pgSequence": return .pgSequence
        case "customType": return .customType
        case "index": return .index
        case "uniqueIndex": return .uniqueIndex
        case "primaryKey": return .primaryKey
        case "foreignKey": return .foreignKey
        case "unique": return .unique
        case "check": return .check
        case "pgPolicy": return .pgPolicy
        case "pgRole": return .pgRole
        case "sql": return .sql
        case "relations": return .relations
        default: return .other(name)
        }
    }
}
