// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "schemalint",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries, each wrapped by exactly one Swift module.
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "YAML", dependencies: ["CLibYAML"]),

        // The rule catalog (rules/**/*.yml) is compiled into Core by this plugin.
        .executableTarget(name: "EmbedCatalogTool"),
        .plugin(name: "EmbedCatalog", capability: .buildTool(), dependencies: ["EmbedCatalogTool"]),

        .target(name: "Core", dependencies: ["YAML"], plugins: ["EmbedCatalog"]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CoreTests", dependencies: ["Core", "YAML", "TestSupport"]),
    ]
)
