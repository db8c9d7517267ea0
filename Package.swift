// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "postlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "postlint", targets: ["postlint"]),
        .library(name: "PostLint", targets: ["PostLint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/onevcat/Rainbow", from: "4.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // System libraries: include paths and link flags only. Swift never imports CICU
        // (its headers clash with Foundation's private ICU); the C shim below wraps it.
        .systemLibrary(
            name: "CICU", path: "Sources/CICU", pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]),
        .systemLibrary(
            name: "CCmark", path: "Sources/CCmark", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .target(name: "ICUShim", dependencies: ["CICU"], path: "Sources/ICUShim"),
        // Hunspell (the typo rule's dictionary engine), wrapped like ICU: Swift imports only
        // the plain-C HunspellShim.
        .systemLibrary(
            name: "CHunspell", path: "Sources/CHunspell", pkgConfig: "hunspell",
            providers: [.apt(["libhunspell-dev"])]),
        .target(name: "HunspellShim", dependencies: ["CHunspell"], path: "Sources/HunspellShim"),
        // libxml2 (the XML writer behind the JUnit and checkstyle reports), wrapped like ICU:
        // its headers include ICU's, so Swift imports only the plain-C XMLShim.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .target(name: "XMLShim", dependencies: ["CLibXML2"], path: "Sources/XMLShim"),
        // <sys/xattr.h>, which Swift's Glibc module does not include.
        .systemLibrary(name: "CXattr", path: "Sources/CXattr"),

        // Build-time embedding of the declarative rule data in Rules/ into the binary,
        // so a built postlint works from any directory without the source tree.
        .executableTarget(name: "RulesEmbedder", path: "Sources/RulesEmbedder"),
        .plugin(
            name: "EmbedRulesPlugin", capability: .buildTool(),
            dependencies: ["RulesEmbedder"], path: "Sources/EmbedRulesPlugin"),

        .target(
            name: "PostLint",
            dependencies: [
                "ICUShim", "HunspellShim", "XMLShim", "CCmark",
                .target(name: "CXattr", condition: .when(platforms: [.linux])),
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Sources/PostLint",
            plugins: ["EmbedRulesPlugin"]),
        .executableTarget(
            name: "postlint",
            dependencies: [
                "PostLint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Rainbow", package: "Rainbow"),
            ],
            path: "Sources/postlint"),
        .testTarget(
            name: "PostLintTests",
            // The command is a dependency so that the end-to-end tests can run the binary.
            dependencies: [
                "PostLint", "postlint", "ICUShim",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/PostLintTests"),
    ]
)
