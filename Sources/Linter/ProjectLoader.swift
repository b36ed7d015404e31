import Core
import Gists
import ProjectModel
import TypeScript

/// Finds the inputs of SPEC §1 in a file source, reads and parses each file once (in parallel), and builds
/// the project model plus the suppression comments found along the way.
struct ProjectLoader {
    let source: any FileSource
    let configuration: Configuration

    struct Loaded {
        var project: Project
        var directives: [String: [SuppressionDirective]]
    }

    func load() throws(InputError) -> Loaded {
        let ignored = GlobSet(configuration.ignoredPaths)
        let paths = try source.listFiles().filter { !ignored.matches($0) }
        var files: [String: SourceFile] = [:]
        var directives: [String: [SuppressionDirective]] = [:]

        let gists = try loadGists(paths)
        for file in gists.files { files[file.path] = file.source }

        let provider = ParsedSourceProvider(source: source, paths: paths)
        let schemas = DrizzleLoading(paths: paths, configuration: configuration, provider: provider).load()
        for entry in provider.entries {
            files[entry.file.path] = entry.file
            let found = entry.syntax.comments.compactMap {
                SuppressionDirective(comment: SourceComment(text: $0.text, range: $0.range))
            }
            if !found.isEmpty { directives[entry.file.path] = found }
        }
        return Loaded(
            project: Project(configuration: configuration, files: files, gists: gists, schemas: schemas),
            directives: directives)
    }

    private func loadGists(_ paths: [String]) throws(InputError) -> GistSet {
        let dataGlobs = GlobSet(configuration.gistData)
        let schemaGlobs = GlobSet(configuration.gistSchemas)
        let mappedSchemas = Set(configuration.gistMap.values)
        var gistPaths: [(String, GistFile.Role)] = []
        for path in paths where path.hasSuffix(".json") {
            if schemaGlobs.matches(path) || mappedSchemas.contains(path) {
                gistPaths.append((path, .schema))
            } else if dataGlobs.matches(path) || configuration.gistMap[path] != nil {
                gistPaths.append((path, .data))
            }
        }
        let source = self.source
        let reads = gistPaths.concurrentMap { path, role -> Result<GistFile, InputError> in
            Result { () throws(InputError) in
                GistReader.read(SourceFile(path: path, bytes: try source.read(path)), role: role)
            }
        }
        var gistFiles: [GistFile] = []
        for read in reads { gistFiles.append(try read.get()) }
        return GistSet.link(files: gistFiles, map: configuration.gistMap)
    }
}
