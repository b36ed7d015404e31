import Core
import ProjectModel

/// What `check PATH` reports (SPEC §1: the repository is the unit of reading, the path the unit of reporting):
/// findings in files under PATH, plus the files of every drizzle config under PATH — the schema it names and
/// its migrations, wherever they live. A config's folder is the unit a team works in (`cd packages/api &&
/// drizzle-kit generate`), so its schema's findings belong to it even when the schema sits in another package.
package struct ReportScope {
    /// The checked folder relative to the reading root, with a trailing `/`; `""` reports everything.
    let folder: String
    private var configFiles: Set<String> = []
    /// Migration folders of those configs, with a trailing `/`.
    private var configFolders: [String] = []

    package init(folder: String, project: Project) {
        self.folder = folder
        guard !folder.isEmpty else { return }
        for schema in project.schemas {
            guard let config = schema.config, contains(config.path) else { continue }
            configFiles.formUnion(schema.files + [config.path])
        }
        for migrations in project.migrations {
            guard let configPath = migrations.configPath, contains(configPath) else { continue }
            configFolders.append(migrations.path.hasSuffix("/") ? migrations.path : migrations.path + "/")
        }
    }

    package func includes(_ path: String) -> Bool {
        contains(path) || configFiles.contains(path) || configFolders.contains { path.hasPrefix($0) }
    }

    private func contains(_ path: String) -> Bool {
        folder.isEmpty || path.hasPrefix(folder)
    }
}
