import NIOCore
import NIOHTTPTypes
import Synchronization

/// Notices that the client closed its side of a connection, for the requests on it that write an event stream.
///
/// Hummingbird allows remote half-closure, so the channel itself stays open until the response ends; and its own
/// inbound-close handler assumes a request body not yet read, where the endpoint reads every body before it knows
/// whether its answer will be a stream. An HTTP client that stops sending while it still waits for an answer does
/// not exist in practice: the input closing means the client is gone.
final class InboundCloseHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    /// What the connection's requests watch.
    let signal = InboundCloseSignal()

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { signal.fire() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        signal.fire()
        context.fireChannelInactive()
    }
}

/// One connection's "the client has gone": fired once, calling what is watching it then.
final class InboundCloseSignal: Sendable {
    private enum State {
        case open(watchers: [Int: @Sendable () -> Void], nextKey: Int)
        case closed
    }

    private let state = Mutex(State.open(watchers: [:], nextKey: 0))

    /// Calls `action` once when the client goes, at once when it has gone; returns the key that stops the watch.
    func watch(_ action: @escaping @Sendable () -> Void) -> Int? {
        let key = state.withLock { state -> Int? in
            guard case .open(var watchers, let key) = state else { return nil }
            watchers[key] = action
            state = .open(watchers: watchers, nextKey: key + 1)
            return key
        }
        if key == nil { action() }
        return key
    }

    /// Stops the watch `key` (its stream ended before the client went).
    func stopWatching(_ key: Int?) {
        guard let key else { return }
        state.withLock { state in
            guard case .open(var watchers, let next) = state else { return }
            watchers[key] = nil
            state = .open(watchers: watchers, nextKey: next)
        }
    }

    /// The client has gone: calls every watcher, once.
    func fire() {
        let watchers = state.withLock { state -> [@Sendable () -> Void] in
            guard case .open(let watchers, _) = state else { return [] }
            state = .closed
            return Array(watchers.values)
        }
        for action in watchers { action() }
    }
}
