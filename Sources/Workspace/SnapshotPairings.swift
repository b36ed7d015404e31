import Catalog
import Migrations
import ProjectModel

/// Pairs each migrations folder with the Drizzle schemas whose migrations it holds, once, at loading: the rules
/// that compare a schema with its folder (drift, row-level security) read the pairs instead of each working out
/// which config a folder belongs to and what its `schemaFilter` leaves out.
enum SnapshotPairings {
    static func pair(_ folders: [MigrationFolder], with schemas: [DrizzleSchema]) -> [SnapshotPairing] {
        // Prisma schemas have no snapshots to compare with; they do not make a lone Drizzle schema ambiguous.
        let drizzle = schemas.indices.filter { schemas[$0].prisma == nil }
        var pairings: [SnapshotPairing] = []
        for folder in folders {
            let paired = folder.configPath.map { configPath in schemas.indices.filter { schemas[$0].config?.path == configPath } }
                ?? (drizzle.count == 1 && folders.count == 1 ? drizzle : [])
            for index in paired {
                let snapshot = folder.latestSnapshot.map { filtered($0.model, schemaFilter: schemas[index].config?.schemaFilter) }
                pairings.append(SnapshotPairing(folder: folder.path, schema: index, snapshot: snapshot))
            }
        }
        return pairings
    }

    /// Pairs each Prisma migrations folder with its Prisma schema (folder path → index in `schemas`): the schema
    /// beside the folder (`prisma/migrations` ↔ `prisma/schema.prisma`, `prisma/schema/*.prisma`), else the
    /// project's only Prisma schema when the folder is its only Prisma folder.
    static func pairPrisma(_ folders: [MigrationFolder], with schemas: [DrizzleSchema]) -> [String: Int] {
        let prismaSchemas = schemas.indices.filter { schemas[$0].prisma != nil }
        let prismaFolders = folders.filter { $0.layout == .prisma }
        var pairings: [String: Int] = [:]
        for folder in prismaFolders {
            let parent = folder.path.split(separator: "/").dropLast().joined(separator: "/")
            let prefix = parent.isEmpty ? "" : parent + "/"
            let beside = prismaSchemas.filter { index in
                schemas[index].files.contains { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") || $0.hasPrefix(prefix + "schema/") }
            }
            if beside.count == 1 {
                pairings[folder.path] = beside[0]
            } else if prismaSchemas.count == 1, prismaFolders.count == 1 {
                pairings[folder.path] = prismaSchemas[0]
            }
        }
        return pairings
    }

    /// drizzle-kit 0.x keeps tables of schemas outside `schemaFilter` in its snapshots (onlook's `auth.users`) but
    /// never generates changes for them; the schema reader leaves them out, so the comparison does too.
    static func filtered(_ model: SchemaModel, schemaFilter: [String]?) -> SchemaModel {
        guard let schemaFilter else { return model }
        let kept = Set(schemaFilter)
        var model = model
        model.tables.removeAll { !kept.contains(QualifiedName.normalizedSchema($0.schema)) }
        model.enums.removeAll { !kept.contains(QualifiedName.normalizedSchema($0.schema)) }
        return model
    }
}
