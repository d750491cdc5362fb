import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A results folder written as a whole. Every file goes into a staging folder beside the
/// destination (`.NAME.partial-PID`), which then takes the destination's place in one step, so
/// an interrupted run leaves the previous complete set or the new one, never a mix:
///
/// - On Linux the two folders are exchanged atomically (`renameat2` with `RENAME_EXCHANGE`) and
///   the old set is then removed; elsewhere the old set is moved aside and the new one renamed in.
/// - SIGINT and SIGTERM wait for a replacement in progress to finish, so they never leave a
///   staging folder (`Interruption`); one left by a killed process is removed by the next write
///   beside it.
/// - A destination holding files this command would not write is refused, never replaced: an
///   `--output` pointed at a folder of the user's own files cannot delete them.
struct OutputFolder {
    let path: String

    /// Replaces the folder with exactly `files` (paths relative to it; subfolders allowed).
    func replace(with files: [(name: String, text: String)]) throws(CLIError) {
        try replace(withBytes: files.map { ($0.name, Array($0.text.utf8)) })
    }

    /// The same, for files of any bytes (a workbook).
    func replace(withBytes files: [(name: String, bytes: [UInt8])]) throws(CLIError) {
        try Interruption.shared.whileWriting(path) { () throws(CLIError) in try stageAndSwap(files) }
    }

    private func stageAndSwap(_ files: [(name: String, bytes: [UInt8])]) throws(CLIError) {
        let destination = URL(fileURLWithPath: path).standardizedFileURL
        let parent = destination.deletingLastPathComponent(), fm = FileManager.default
        try create(parent)
        try refuseForeignFiles(in: destination, keeping: Set(files.map(\.name)))
        removeAbandonedStaging(beside: destination)
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).partial-\(getpid())")
        defer { try? fm.removeItem(at: staging) }
        try? fm.removeItem(at: staging)
        try create(staging)
        for (name, bytes) in files {
            let url = staging.appendingPathComponent(name)
            try create(url.deletingLastPathComponent())
            do { try Data(bytes).write(to: url) } catch {
                throw .failure("cannot write \(destination.appendingPathComponent(name).path): \(Self.reason(error))")
            }
        }
        try swap(staging, into: destination)
    }

    /// Writes single files into an existing folder of the user's (a calibrated scenario beside
    /// others), each to a temporary file first and renamed into place.
    func add(_ files: [(name: String, text: String)]) throws(CLIError) {
        try add(bytes: files.map { ($0.name, Array($0.text.utf8)) })
    }

    func add(bytes files: [(name: String, bytes: [UInt8])]) throws(CLIError) {
        let folder = URL(fileURLWithPath: path)
        try Interruption.shared.whileWriting(path) { () throws(CLIError) in
            try create(folder)
            for (name, bytes) in files {
                let url = folder.appendingPathComponent(name)
                do { try Data(bytes).write(to: url, options: .atomic) } catch {
                    throw .failure("cannot write \(url.path): \(Self.reason(error))")
                }
            }
        }
    }

    private func create(_ folder: URL) throws(CLIError) {
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw .failure("cannot create the output folder \(path): \(Self.obstacle(to: folder) ?? Self.reason(error))")
        }
    }

    /// What stands in the way of creating `folder`: the nearest existing part of its path, when
    /// that is a file or a folder that cannot be written.
    private static func obstacle(to folder: URL) -> String? {
        var ancestor = folder
        while ancestor.path != "/" {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isFolder) {
                if !isFolder.boolValue { return "\(ancestor.path) is a file, not a folder" }
                if !FileManager.default.isWritableFile(atPath: ancestor.path) { return "\(ancestor.path) cannot be written (permission denied)" }
                return nil
            }
            ancestor = ancestor.deletingLastPathComponent()
        }
        return nil
    }

    private func refuseForeignFiles(in destination: URL, keeping names: Set<String>) throws(CLIError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: destination.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw .failure("cannot write the output folder \(destination.path): a file of that name is in the way")
        }
        let folders = Set(names.flatMap { name in
            name.split(separator: "/").dropLast().indices.map { name.split(separator: "/")[...$0].joined(separator: "/") }
        })
        let existing = (FileManager.default.subpaths(atPath: destination.path) ?? []).sorted()
        let foreign = existing.filter { !names.contains($0) && !folders.contains($0) }
        guard foreign.isEmpty else {
            throw .failure("the output folder \(destination.path) holds files this command does not write (\(foreign.prefix(3).joined(separator: ", "))"
                + "\(foreign.count > 3 ? ", ..." : "")); choose a new or empty folder, or remove them")
        }
    }

    /// Removes `.NAME.partial-PID` folders whose process is gone (killed before it could clean up).
    private func removeAbandonedStaging(beside destination: URL) {
        let parent = destination.deletingLastPathComponent(), prefix = ".\(destination.lastPathComponent).partial-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    private func swap(_ staging: URL, into destination: URL) throws(CLIError) {
        let fm = FileManager.default
        guard fm.fileExists(atPath: destination.path) else {
            guard rename(staging.path, destination.path) == 0 else { throw .failure("cannot write \(destination.path): \(String(cString: strerror(errno)))") }
            return
        }
        #if canImport(Glibc)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") {
            let exchange = unsafeBitCast(symbol, to: RenameAt2.self)
            if exchange(AT_FDCWD, staging.path, AT_FDCWD, destination.path, 2 /* RENAME_EXCHANGE */) == 0 { return }
        }
        #endif
        let aside = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).previous-\(getpid())")
        try? fm.removeItem(at: aside)
        guard rename(destination.path, aside.path) == 0, rename(staging.path, destination.path) == 0 else {
            throw .failure("cannot replace \(destination.path): \(String(cString: strerror(errno)))")
        }
        try? fm.removeItem(at: aside)
    }

    /// A file error in plain words ("no space left on the device"), never a Cocoa error code.
    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let posix = (ns.userInfo[NSUnderlyingErrorKey] as? NSError), posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code))).lowercased()
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))).lowercased() }
        switch ns.code {
        case NSFileWriteOutOfSpaceError: return "no space left on the device"
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
        case NSFileWriteVolumeReadOnlyError: return "the disk is read-only"
        case NSFileNoSuchFileError, NSFileWriteFileExistsError, NSFileWriteUnknownError, NSFileReadUnknownError:
            return "a part of the path is missing or is not a folder"
        default: return ns.localizedDescription
        }
    }
}
