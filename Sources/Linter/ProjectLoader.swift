import Core
import Gists
import ProjectModel

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
        let gistDataGlobs = GlobSet(configuration.gistData)
        let gistSchemaGlobs = GlobSet(configuration.gistSchemas)
        let mappedSchemas = Set(configuration.gistMap.values)

        var gistPaths: [(String, GistFile.Role)] = []
        for path in paths where path.hasSuffix(".json") {
            if gistSchemaGlobs.matches(path) || mappedSchemas.contains(path) {
                gistPaths.append((path, .schema))
            } else if gistDataGlobs.matches(path) || configuration.gistMap[path] != nil {
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

        var files: [String: SourceFile] = [:]
        for file in gistFiles { files[file.path] = file.source }
        let gists = GistSet.link(files: gistFiles, map: configuration.gistMap)
        return Loaded(
            project: Project(configuration: configuration, files: files, gists: gists),
            directives: [:])
    }
}
