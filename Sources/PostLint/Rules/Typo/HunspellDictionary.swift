import Foundation
import HunspellShim

/// A Hunspell dictionary from the system (Debian's `hunspell-en-us`, `hunspell-ko`),
/// loaded lazily, once per process. A Hunspell handle is not thread-safe and the Runner
/// lints files in parallel, so the dictionary keeps a small pool of handles: a thread
/// takes an idle handle (or opens one, up to one per core) and gives it back.
final class HunspellDictionary: @unchecked Sendable {
    /// Folders searched for `<name>.aff` / `<name>.dic`; `POSTLINT_HUNSPELL_PATH` first.
    static var searchFolders: [String] {
        let custom = ProcessInfo.processInfo.environment["POSTLINT_HUNSPELL_PATH"].map { [$0] } ?? []
        return custom + [
            "/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts", "/usr/local/share/hunspell",
            "/opt/homebrew/share/hunspell",
        ]
    }

    static let english = HunspellDictionary(name: "en_US", maximumHandles: ProcessInfo.processInfo.activeProcessorCount)
    /// Korean's affix file is 11 MB and takes a third of a second to open: each word is
    /// asked of a slice of it (`HunspellSlicer`); one shared handle on the whole dictionary
    /// only if the installed one cannot be sliced.
    static let korean = HunspellDictionary(name: "ko_KR", maximumHandles: 1, slicing: true)

    let name: String
    private let maximumHandles: Int
    private let handleReturned = NSCondition()
    private var idle: [OpaquePointer] = []
    private var opened = 0
    private var missing = false

    /// The paths of the affix and dictionary files, nil when the dictionary is not installed.
    let files: (affix: String, dictionary: String)?

    /// Made on first use, when this dictionary is asked through slices.
    private var slicer: Lazy<HunspellSlicer?>?

    init(name: String, maximumHandles: Int, slicing: Bool = false) {
        self.name = name
        self.maximumHandles = max(1, maximumHandles)
        files = Self.searchFolders.lazy.map { ("\($0)/\(name).aff", "\($0)/\(name).dic") }.first {
            FileManager.default.fileExists(atPath: $0.0) && FileManager.default.fileExists(atPath: $0.1)
        }
        if slicing { slicer = Lazy { [unowned self] in HunspellSlicer.shipped(for: self) } }
    }

    /// Which dictionary files a run would read (path, size and modification time of each
    /// installed one), for the result cache's key: installing, removing or updating a
    /// dictionary changes typo findings without changing any post. Cheap: no file is opened.
    static var installedIdentity: String {
        ["en_US", "ko_KR"].map { name in
            searchFolders.flatMap { folder in
                // Through symbolic links (Debian's ko_KR.dic is one, to ko.dic): the files
                // Hunspell reads, by size and modification time — which a package install
                // keeps, so that a CI container installing the same package anew keeps its
                // cache (an inode or change time would differ every time).
                ["dic", "aff"].map { suffix -> String in
                    let path = "\(folder)/\(name).\(suffix)"
                    var info = stat()
                    guard stat(path, &info) == 0 else { return "" }
                    return "\(path):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
                }
            }.joined(separator: ";")
        }.joined(separator: "|")
    }

    /// Whether Hunspell accepts the word; nil when the dictionary is not installed.
    func accepts(_ word: String) -> Bool? {
        if let slicer = slicer?.value, let verdict = slicer.accepts(word) { return verdict }
        return acceptsWithWholeDictionary(word)
    }

    /// The whole dictionary's verdict, from a handle on it (opened on first use).
    func acceptsWithWholeDictionary(_ word: String) -> Bool? {
        guard let handle = takeHandle() else { return nil }
        defer { giveBack(handle) }
        return plhs_spell(handle, word) == 1
    }

    /// Which of `words` Hunspell accepts, with one handle for the whole batch.
    func acceptedWords(_ words: [String]) -> [String]? {
        guard let handle = takeHandle() else { return nil }
        defer { giveBack(handle) }
        return words.filter { plhs_spell(handle, $0) == 1 }
    }

    /// Opens a handle (or indexes the files for slicing) on a thread of its own, for a run
    /// that will almost surely need the dictionary: the threads linting meanwhile do not
    /// stop while one of them opens it.
    func openInBackground() {
        Thread.detachNewThread { [self] in
            if let slicer, slicer.value != nil { return }
            if let handle = takeHandle() { giveBack(handle) }
        }
    }

    private func takeHandle() -> OpaquePointer? {
        handleReturned.lock()
        defer { handleReturned.unlock() }
        while true {
            if missing { return nil }
            if let handle = idle.popLast() { return handle }
            if opened < maximumHandles { break }
            handleReturned.wait()
        }
        opened += 1
        // Open outside the condition's lock, so other threads can use idle handles meanwhile.
        handleReturned.unlock()
        let handle = open()
        handleReturned.lock()
        if handle == nil {
            missing = true
            opened -= 1
            handleReturned.broadcast()
        }
        return handle
    }

    private func giveBack(_ handle: OpaquePointer) {
        handleReturned.lock()
        idle.append(handle)
        handleReturned.signal()
        handleReturned.unlock()
    }

    private func open() -> OpaquePointer? {
        guard let files else { return nil }
        return plhs_open(files.affix, files.dictionary)
    }
}
