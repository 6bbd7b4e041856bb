import Glibc

/// glibc functions that the Glibc module hides behind `_GNU_SOURCE`, looked up by name.
enum GNULibc {
    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34): the child closes every descriptor from `from` up.
    static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32)? =
        symbol(
            "posix_spawn_file_actions_addclosefrom_np")
    /// `pidfd_open` (glibc 2.36, Linux 5.3): a descriptor that becomes readable when the process ends.
    static let pidfdOpen: (@convention(c) (pid_t, UInt32) -> Int32)? = symbol("pidfd_open")

    private static func symbol<Function>(_ name: String) -> Function? {
        guard let program = dlopen(nil, RTLD_NOW) else { return nil }
        // libc stays loaded for the life of the process, so its symbols outlive this handle.
        defer { dlclose(program) }
        return dlsym(program, name).map { unsafeBitCast($0, to: Function.self) }
    }
}
