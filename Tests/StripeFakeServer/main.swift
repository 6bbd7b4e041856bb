// `stripe-fake`: the tests' in-memory Stripe on 127.0.0.1, as a process of its own, for the benchmark and the
// interoperability check. Prints `STRIPE_API_BASE=http://127.0.0.1:PORT` on its first line, then serves until
// it is terminated. `GET /_fake/stats` reports the TCP connections and requests it saw.
import Glibc
import StripeFake

/// Writes a line to a file descriptor unbuffered, so a parent reading the pipe sees it at once.
func writeLine(_ text: String, to descriptor: Int32) {
    var line = text + "\n"
    line.withUTF8 { bytes in _ = write(descriptor, bytes.baseAddress, bytes.count) }
}

let arguments = Array(CommandLine.arguments.dropFirst())
var port: UInt16 = 0
switch arguments.count {
case 0: break
case 2 where arguments[0] == "--port" && UInt16(arguments[1]) != nil: port = UInt16(arguments[1]) ?? 0
default:
    writeLine("usage: stripe-fake [--port N]", to: arguments == ["--help"] ? 1 : 2)
    exit(arguments == ["--help"] ? 0 : 2)
}

do {
    let fake = try StripeFake.start(port: port)
    writeLine("STRIPE_API_BASE=\(fake.baseURL)", to: 1)
    while true { pause() }
} catch {
    writeLine("stripe-fake: \(error)", to: 2)
    exit(1)
}
