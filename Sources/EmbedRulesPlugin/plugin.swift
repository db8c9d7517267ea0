import Foundation
import PackagePlugin

/// Turns every file under the package's top-level `Rules/` folder into one generated
/// Swift source, so the rule data travels inside the binary.
@main
struct EmbedRulesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesFolder = context.package.directoryURL.appending(path: "Rules")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        let inputs = Self.files(under: rulesFolder)
        return [
            .buildCommand(
                displayName: "Embedding rule data from Rules/",
                executable: try context.tool(named: "RulesEmbedder").url,
                arguments: [rulesFolder.path, output.path],
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }

    static func files(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
    }
}
