#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A C library that schemalint loads with `dlopen` when first needed instead of linking it. Linked, libpq and
/// libgit2 cost every run the resolving of their 30 dependencies at start-up (17 M of the 41 M instructions of
/// `schemalint --version`), although most runs never connect to PostgreSQL and many never read git. Each wrapper
/// (Postgres, Git) keeps one table of the functions it calls, filled through `function(_:)`.
public struct DynamicLibrary: @unchecked Sendable {
    /// What to load and what to tell the user when it cannot be loaded.
    public struct Description: Sendable {
        /// The library as messages name it: "libpq (the PostgreSQL client library)".
        public var name: String
        /// What schemalint needs it for, after "to": "connect to PostgreSQL".
        public var purpose: String
        /// The file names tried in order: the versioned soname first (the ABI the headers describe), then the
        /// unversioned name (present with the -dev package).
        public var fileNames: [String]
        /// The Debian/Ubuntu package that installs the versioned soname.
        public var package: String
        /// An environment variable naming the file to load instead (a library outside the loader's search path);
        /// the tests set it to a missing file to see the message a user without the package gets.
        public var overrideVariable: String

        public init(name: String, purpose: String, fileNames: [String], package: String, overrideVariable: String) {
            self.name = name
            self.purpose = purpose
            self.fileNames = fileNames
            self.package = package
            self.overrideVariable = overrideVariable
        }
    }

    /// Why a library could not be used, in words that say what to install.
    public struct Unavailable: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public let description: Description
    /// The file name or path that loaded.
    public let fileName: String
    private let handle: UnsafeMutableRawPointer

    /// Loads the first of `description.fileNames` that the dynamic loader finds (or the file the override
    /// variable names). The library stays loaded for the life of the process.
    public static func open(_ description: Description) throws(Unavailable) -> DynamicLibrary {
        var fileNames = description.fileNames
        if let override = getenv(description.overrideVariable).map({ String(cString: $0) }), !override.isEmpty {
            fileNames = [override]
        }
        var firstError: String?
        for fileName in fileNames {
            if let handle = dlopen(fileName, RTLD_LAZY | RTLD_LOCAL) {
                return DynamicLibrary(description: description, fileName: fileName, handle: handle)
            }
            if firstError == nil { firstError = dlerror().map { String(cString: $0) } }
        }
        throw description.unavailable(firstError ?? "not found: " + fileNames.joined(separator: ", "))
    }

    /// The C function `name`, as the function pointer type the table's field declares.
    public func function<Function>(_ name: String) throws(Unavailable) -> Function {
        guard let address = dlsym(handle, name) else {
            throw description.unavailable("\(fileName) has no function \(name) (another version of the library?)")
        }
        return unsafeBitCast(address, to: Function.self)
    }
}

extension DynamicLibrary.Description {
    /// "schemalint needs libpq (…) to connect to PostgreSQL, but cannot load it: <why>. Install …".
    public func unavailable(_ reason: String) -> DynamicLibrary.Unavailable {
        DynamicLibrary.Unavailable(message: "schemalint needs \(name) to \(purpose), but cannot load it: \(reason). "
            + "Install the package \(package) (Debian/Ubuntu: apt-get install \(package)), or set \(overrideVariable) "
            + "to the library's path")
    }
}
