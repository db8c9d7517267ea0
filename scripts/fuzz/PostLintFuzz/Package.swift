// swift-tools-version:6.0
// The libFuzzer target over postlint's whole pipeline. A package of its own so that the
// main package's `swift build` / `swift test` never see `-sanitize=fuzzer`; built and run
// by `scripts/fuzz/run`.
import PackageDescription

let package = Package(
    name: "postlint-fuzz",
    dependencies: [.package(name: "postlint", path: "../../..")],
    targets: [
        .target(name: "FuzzerDriver", path: "Sources/FuzzerDriver"),
        // SwiftPM links an executable target with its own (renamed) main, so libFuzzer's
        // main() is not used: the target's main hands over to LLVMFuzzerRunDriver.
        .executableTarget(
            name: "PostLintFuzz",
            dependencies: ["FuzzerDriver", .product(name: "PostLint", package: "postlint")],
            path: "Sources/PostLintFuzz",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
)
