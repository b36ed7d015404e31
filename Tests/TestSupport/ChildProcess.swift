import Foundation

/// Runs a program and collects its exit status and output, for tests that drive real tools (git, the built
/// binary, python3, pre-commit).
public enum ChildProcess {
    public struct Outcome: Sendable {
        public var status: Int32
        public var output: String
        public var errors: String
    }

    /// Runs `executable arguments…` in `folder` with exactly `environment` (nil: inherited), feeding `input`.
    /// Standard error is read after standard output: the tools used here write little to it, far below a pipe's
    /// buffer, so the child can never block on it.
    public static func run(
        _ executable: URL, _ arguments: [String], in folder: String? = nil, environment: [String: String]? = nil,
        input: String? = nil
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        if let environment { process.environment = environment }
        let output = Pipe()
        let errors = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        try process.run()
        standardInput.fileHandleForWriting.write(Data((input ?? "").utf8))
        try standardInput.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }

    /// A program found on PATH, through `/usr/bin/env`.
    public static func runTool(
        _ command: String, _ arguments: [String], in folder: String? = nil, environment: [String: String]? = nil,
        input: String? = nil
    ) throws -> Outcome {
        try run(URL(fileURLWithPath: "/usr/bin/env"), [command] + arguments, in: folder, environment: environment, input: input)
    }
}
