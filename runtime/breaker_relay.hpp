#pragma once
/// A response handler that accepts ANY answer to one request — a value of any type or an error —
/// as a `caf::message`. CAF 0.17's event-based response handlers only match typed patterns, so a
/// proxy (the breaker) that relays answers it does not know uses this behavior with
/// `add_multiplexed_response_handler(handle.id(), any_response(...))`.
/// Thread-safety: the callback runs on the owning actor.

#include <caf/behavior.hpp>
#include <caf/message.hpp>

#include <functional>

namespace askpro::runtime::detail {

/// An error answer arrives as a message holding one `caf::error`.
caf::behavior any_response(std::function<void(caf::message&)> on_answer);

}  // namespace askpro::runtime::detail
